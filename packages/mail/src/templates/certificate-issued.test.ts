import { describe, expect, it } from 'vitest';
import { renderEmail } from './index';

const LINK = 'https://app.example.com/verify/CERT-2026-ABCDEFGHJKMNPQRS';

describe('the certificate-issued email', () => {
  it('names the program and links the public verify page', () => {
    const email = renderEmail('certificate-issued', { name: 'Zoë', link: LINK, programTitle: 'React <Mastery>' });
    expect(email.subject).toBe('Your LearninGPT certificate: React <Mastery>');
    expect(email.html).toContain('React &lt;Mastery&gt;');
    expect(email.html).toContain(`href="${LINK}"`);
    expect(email.text).toContain(`Verify and share it: ${LINK}`);
    expect(email.text).toContain('attached');
  });

  it('needs the verify link', () => {
    expect(() => renderEmail('certificate-issued', { name: 'Zoë' })).toThrow(/needs a link/);
  });
});
