// The one way domain code sends an email: a `send_email` job in graphile-worker's queue, added
// with the caller's client so it commits or rolls back with the change that causes it. The
// worker (@learningpt/jobs) renders the template and hands it to the mailer, retrying with backoff.
// A link that carries a one-time token is queued as what to issue, never as the token: the
// worker issues it when it sends, so no table (the queue's included) ever holds a raw token.
import type { Db, Prisma } from '@learningpt/db';
import type { EmailLinkTokenKind } from '../auth/one-time-tokens';

export const EMAIL_TEMPLATES = [
  'verification',
  'welcome',
  'password-reset',
  'password-changed',
  'account-deleted',
  'account-exists',
  'instructor-approved',
  'instructor-rejected',
  'certificate-issued',
  'payment-receipt',
  'payment-failed',
  'refund-issued',
  'subscription-activated',
  'subscription-cancelled',
  'subscription-ended',
  'subscription-payment-failed',
  'event-reminder',
  'event-cancelled',
] as const;
export type EmailTemplate = (typeof EMAIL_TEMPLATES)[number];

/**
 * A link whose single-use token the worker issues at send time (issueEmailLinkToken): the email's
 * `link` becomes `url` with `?token=…` added.
 */
export interface EmailTokenLink {
  /** Decides how long the link works and whether it is still wanted when the email goes out. */
  kind: EmailLinkTokenKind;
  userId: string;
  /** The link without its token, e.g. https://app.example.com/verify-email. */
  url: string;
}

/** The job's payload, as the worker reads it. */
export interface SendEmailPayload {
  template: EmailTemplate;
  to: string;
  /** Template data: `name`, and `link` for the emails that carry one (see @learningpt/mail). */
  data: Record<string, string>;
  /**
   * Same key, same email: the job is added once and the provider is asked to send it once. With a
   * `tokenLink`, the provider's key also names the token, since each attempt issues its own.
   */
  idempotencyKey: string;
  /** Set: the link carries a token the worker issues (it replaces `data.link`). */
  tokenLink?: EmailTokenLink;
}

export const SEND_EMAIL_TASK = 'send_email';
/** With graphile-worker's exponential backoff (exp(n) s), 10 attempts span about 3 hours. */
export const SEND_EMAIL_MAX_ATTEMPTS = 10;

/**
 * Adds the email to the queue inside the caller's transaction (or on its own when given a `Db`).
 * `job_key_mode => 'unsafe_dedupe'`: a second call with the same key while the first job still
 * exists (queued, running or failed) leaves it as it is instead of adding or replacing one.
 */
export async function enqueueEmail(db: Db | Prisma.TransactionClient, email: SendEmailPayload): Promise<void> {
  const payload: SendEmailPayload = {
    template: email.template,
    to: email.to,
    data: email.data,
    idempotencyKey: email.idempotencyKey,
    ...(email.tokenLink && {
      tokenLink: { kind: email.tokenLink.kind, userId: email.tokenLink.userId, url: email.tokenLink.url },
    }),
  };
  await db.$executeRaw`SELECT graphile_worker.add_job(
    ${SEND_EMAIL_TASK}::text,
    payload => ${JSON.stringify(payload)}::json,
    max_attempts => ${SEND_EMAIL_MAX_ATTEMPTS}::int,
    job_key => ${'email:' + email.idempotencyKey}::text,
    job_key_mode => 'unsafe_dedupe'
  )`;
}
