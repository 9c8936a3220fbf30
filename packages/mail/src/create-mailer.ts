import { DevMailbox } from './dev-mailbox';
import type { Mailer } from './mailer';
import { ResendMailer } from './resend-mailer';

/** The settings the mailer is chosen by (a subset of the server's config). */
export interface MailConfig {
  NODE_ENV?: string;
  /** Set: send through Resend. Unset: keep mail in the dev mailbox. */
  RESEND_API_KEY?: string | undefined;
  RESEND_BASE_URL?: string | undefined;
  MAIL_FROM: string;
  /** The dev mailbox's directory. Default `<repo>/.data/mail`. */
  MAIL_DEV_DIR?: string | undefined;
}

/** The one place that decides where email goes. */
export function createMailer(config: MailConfig, opts: { log?: (line: string) => void } = {}): Mailer {
  if (config.RESEND_API_KEY) {
    return new ResendMailer({
      apiKey: config.RESEND_API_KEY,
      from: config.MAIL_FROM,
      ...(config.RESEND_BASE_URL ? { baseUrl: config.RESEND_BASE_URL } : {}),
    });
  }
  return new DevMailbox({
    from: config.MAIL_FROM,
    ...(config.MAIL_DEV_DIR ? { dir: config.MAIL_DEV_DIR } : {}),
    // Tests read the mailbox; they need no log line per email.
    log: opts.log ?? (config.NODE_ENV === 'test' ? () => {} : (line) => console.log(line)),
  });
}
