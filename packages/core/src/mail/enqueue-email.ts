// The one way domain code sends an email: a `send_email` job in graphile-worker's queue, added
// with the caller's client so it commits or rolls back with the change that causes it. The
// worker (@learningpt/jobs) renders the template and hands it to the mailer, retrying with backoff.
import type { Db, Prisma } from '@learningpt/db';

export const EMAIL_TEMPLATES = [
  'verification',
  'welcome',
  'password-reset',
  'password-changed',
  'account-deleted',
  'account-exists',
  'instructor-approved',
  'instructor-rejected',
] as const;
export type EmailTemplate = (typeof EMAIL_TEMPLATES)[number];

/** The job's payload, as the worker reads it. */
export interface SendEmailPayload {
  template: EmailTemplate;
  to: string;
  /** Template data: `name`, and `link` for the emails that carry one (see @learningpt/mail). */
  data: Record<string, string>;
  /** Same key, same email: the job is added once and the provider is asked to send it once. */
  idempotencyKey: string;
}

export const SEND_EMAIL_TASK = 'send_email';
/** With graphile-worker's exponential backoff (exp(n) s), 10 attempts span about 3 hours. */
export const SEND_EMAIL_MAX_ATTEMPTS = 10;

/**
 * Adds the email to the queue inside the caller's transaction (or on its own when given a `Db`).
 * `job_key_mode => 'unsafe_dedupe'`: a second call with the same key while the first job still
 * exists (queued, running or failed) leaves it as it is instead of adding or replacing one.
 */
export async function enqueueEmail(
  db: Db | Prisma.TransactionClient,
  email: { template: EmailTemplate; to: string; data: Record<string, string>; idempotencyKey: string },
): Promise<void> {
  const payload: SendEmailPayload = {
    template: email.template,
    to: email.to,
    data: email.data,
    idempotencyKey: email.idempotencyKey,
  };
  await db.$executeRaw`SELECT graphile_worker.add_job(
    ${SEND_EMAIL_TASK}::text,
    payload => ${JSON.stringify(payload)}::json,
    max_attempts => ${SEND_EMAIL_MAX_ATTEMPTS}::int,
    job_key => ${'email:' + email.idempotencyKey}::text,
    job_key_mode => 'unsafe_dedupe'
  )`;
}
