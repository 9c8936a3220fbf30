import { describe, expect, it } from 'vitest';
import { createMailer } from './create-mailer';
import { DevMailbox } from './dev-mailbox';
import { ResendMailer } from './resend-mailer';

const MAIL_FROM = 'LearninGPT <no-reply@learningpt.dev>';

describe('createMailer', () => {
  it('uses Resend when RESEND_API_KEY is set', () => {
    expect(createMailer({ MAIL_FROM, RESEND_API_KEY: 're_123' })).toBeInstanceOf(ResendMailer);
  });

  it('uses the dev mailbox otherwise, in the given directory', () => {
    const mailer = createMailer({ MAIL_FROM, MAIL_DEV_DIR: '/tmp/x-mail' });
    expect(mailer).toBeInstanceOf(DevMailbox);
    expect((mailer as DevMailbox).dir).toBe('/tmp/x-mail');
  });

  it('defaults the dev mailbox to .data/mail at the repository root', () => {
    expect((createMailer({ MAIL_FROM }) as DevMailbox).dir).toMatch(/\/\.data\/mail$/);
    expect((createMailer({ MAIL_FROM }) as DevMailbox).dir).not.toMatch(/packages/);
  });
});
