import { describe, expect, it } from 'vitest';
import { extractLinks } from '../dev-mailbox';
import { renderEmail } from './index';

const LINK = 'https://app.learningpt.dev/instructor/dashboard';
const EVIL = `<script>alert("x")</script> & more`;

describe('the instructor-approved email', () => {
  it('says the application was approved and links to the dashboard', () => {
    const r = renderEmail('instructor-approved', { name: 'Ada', link: LINK });
    expect(r.subject).toBe('You are now an instructor on LearninGPT');
    expect(r.text).toContain('was approved');
    expect(r.html).toContain(`href="${LINK}"`);
    expect(extractLinks(r.text)).toEqual([LINK]);
  });

  it('has no button without a link', () => {
    const r = renderEmail('instructor-approved', { name: 'Ada' });
    expect(r.html).not.toContain('href=');
    expect(extractLinks(r.text)).toEqual([]);
  });
});

describe('the instructor-rejected email', () => {
  it('carries the reviewer’s reason, escaped in the HTML and as written in the text', () => {
    const r = renderEmail('instructor-rejected', { name: 'Ada', reason: EVIL, link: LINK });
    expect(r.subject).toBe('About your LearninGPT instructor application');
    expect(r.html).not.toContain('<script>');
    expect(r.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(r.text).toContain(`The reviewer's note: ${EVIL}`);
    expect(r.text).toContain('apply again');
    expect(extractLinks(r.text)).toEqual([LINK]);
  });

  it('still reads well without a reason', () => {
    const r = renderEmail('instructor-rejected', { name: 'Ada' });
    expect(r.text).not.toContain('note');
    expect(r.text).toMatch(/^Hi Ada,/);
  });

  it('refuses a link that is not http(s)', () => {
    expect(() => renderEmail('instructor-rejected', { name: 'Ada', link: 'javascript:alert(1)' })).toThrow(/http\(s\)/);
  });
});
