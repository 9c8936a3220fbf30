import { describe, expect, it } from 'vitest';
import { extractLinks } from '../dev-mailbox';
import { emailTemplates, escapeHtml, html, renderEmail, type EmailTemplateName } from './index';

const names = Object.keys(emailTemplates) as EmailTemplateName[];
const LINK = 'https://app.learningpt.dev/verify?token=abc&next=%2Fme';
const EVIL = `<script>alert("x")</script> O'Brien & Co`;

describe('escapeHtml / html``', () => {
  it('escapes the five HTML metacharacters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('escapes interpolated values but not nested html``', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${'<x>'}${inner}${['&', html`<br />`]}${null}${false}</p>`.value).toBe(
      '<p>&lt;x&gt;<b>&lt;i&gt;</b>&amp;<br /></p>',
    );
  });
});

describe.each(names)('the %s email', (name) => {
  const rendered = renderEmail(name, { name: EVIL, link: LINK, appName: 'Learn & <Grow>' });

  it('escapes user data in the HTML and keeps it readable in the text', () => {
    expect(rendered.html).not.toContain('<script>');
    expect(rendered.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien &amp; Co');
    expect(rendered.html).toContain('Learn &amp; &lt;Grow&gt;');
    expect(rendered.text).toContain(`Hi ${EVIL},`);
    expect(rendered.subject).toContain('Learn & <Grow>');
  });

  it('is a complete, accessible HTML document with a plain-text part', () => {
    expect(rendered.html).toMatch(/^<!doctype html>\s*<html lang="en">/);
    expect(rendered.html).toContain('<title>');
    expect(rendered.html).toContain('role="presentation"');
    expect(rendered.text.trim().length).toBeGreaterThan(40);
    expect(renderEmail(name, { name: 'Ada', link: LINK }).text).not.toMatch(/<[a-z]/i);
  });

  it('defaults the app name to LearninGPT', () => {
    expect(renderEmail(name, { name: 'Ada', link: LINK }).subject).toContain('LearninGPT');
  });

  it.skipIf(name === 'account-deleted')('refuses links that are not http(s)', () => {
    expect(() => renderEmail(name, { name: 'Ada', link: 'javascript:alert(1)' })).toThrow(/http\(s\)/);
  });
});

describe('links', () => {
  it('puts the link in the button (attribute-escaped) and in the text', () => {
    for (const name of ['verification', 'password-reset'] as const) {
      const r = renderEmail(name, { name: 'Ada', link: LINK });
      expect(r.html).toContain(`href="${LINK.replace('&', '&amp;')}"`);
      expect(extractLinks(r.text)).toEqual([LINK]);
    }
  });

  it('is required where the email is about clicking it', () => {
    expect(() => renderEmail('verification', { name: 'Ada' })).toThrow(/needs a link/);
    expect(() => renderEmail('password-reset', { name: 'Ada' })).toThrow(/needs a link/);
  });

  it('is optional elsewhere, and then no button is shown', () => {
    for (const name of ['welcome', 'password-changed', 'account-deleted', 'account-exists'] as const) {
      const r = renderEmail(name, { name: 'Ada' });
      expect(r.html).not.toContain('href=');
      expect(extractLinks(r.text)).toEqual([]);
    }
  });

  it('account-deleted never shows a link', () => {
    expect(renderEmail('account-deleted', { name: 'Ada', link: LINK }).text).not.toContain(LINK);
  });
});

describe('content', () => {
  it('says what each email is about', () => {
    const d = { name: 'Ada', link: LINK, expiresIn: '24 hours' };
    expect(renderEmail('verification', d)).toMatchObject({ subject: 'Confirm your email address for LearninGPT' });
    expect(renderEmail('verification', d).text).toContain('The link works for 24 hours.');
    expect(renderEmail('welcome', d).subject).toBe('Welcome to LearninGPT');
    expect(renderEmail('password-reset', d).subject).toBe('Reset your LearninGPT password');
    expect(renderEmail('password-reset', d).text).toContain('your password stays the same');
    expect(renderEmail('password-changed', d).subject).toBe('Your LearninGPT password was changed');
    expect(renderEmail('account-deleted', d).subject).toBe('Your LearninGPT account has been deleted');
    expect(renderEmail('account-exists', d).subject).toBe('You already have a LearninGPT account');
    expect(renderEmail('account-exists', d).text).toContain('nothing has changed');
  });

  it('keeps a name with line breaks on one line of the text part', () => {
    const r = renderEmail('welcome', { name: 'Ada\n\nClick https://evil.example' });
    expect(r.text.split('\n')[0]).toBe('Hi Ada Click https://evil.example,');
  });

  it('greets someone without a name', () => {
    expect(renderEmail('welcome', { name: '  ' }).text).toMatch(/^Hi there,/);
  });

  it('rejects an unknown template', () => {
    expect(() => renderEmail('newsletter', { name: 'Ada' })).toThrow(/Unknown email template/);
  });
});
