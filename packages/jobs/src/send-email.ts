// The `send_email` task: render the template named in the job, hand the result to the mailer.
// A failure the provider calls permanent (or a job that can never render) stops the retries;
// anything else is retried by graphile-worker with its exponential backoff.
import { EMAIL_TEMPLATES, type SendEmailPayload } from '@learningpt/core';
import { isRetryableMailError, renderEmail, type Mailer } from '@learningpt/mail';
import type { Task } from 'graphile-worker';
import type { JobLog } from './log';
import { failPermanently, PermanentJobError } from './permanent-failure';

export function createSendEmailTask({ mailer, log }: { mailer: Mailer; log: JobLog }): Task {
  return async (raw, helpers) => {
    const job = { jobId: helpers.job.id, attempt: helpers.job.attempts, maxAttempts: helpers.job.max_attempts };
    let payload: SendEmailPayload;
    let rendered: ReturnType<typeof renderEmail>;
    try {
      payload = parsePayload(raw);
      rendered = renderEmail(payload.template, { ...payload.data, name: payload.data.name ?? '' });
    } catch (err) {
      log.error({ ...job, err }, 'email job is invalid: not sending it');
      await failPermanently(helpers);
      throw err;
    }
    const about = { ...job, template: payload.template, to: maskAddress(payload.to) };
    try {
      const { id } = await mailer.send({ to: payload.to, ...rendered, idempotencyKey: payload.idempotencyKey });
      log.info({ ...about, messageId: id }, 'email sent');
    } catch (err) {
      if (!isRetryableMailError(err)) {
        log.error({ ...about, err }, 'email refused for good: not retrying');
        await failPermanently(helpers);
      } else {
        log.warn(
          { ...about, err },
          helpers.job.attempts >= helpers.job.max_attempts ? 'email failed: giving up' : 'email failed: will retry',
        );
      }
      throw err;
    }
  };
}

function parsePayload(raw: unknown): SendEmailPayload {
  const p = raw as Partial<SendEmailPayload> | null;
  const ok =
    typeof p === 'object' &&
    p !== null &&
    typeof p.template === 'string' &&
    (EMAIL_TEMPLATES as readonly string[]).includes(p.template) &&
    typeof p.to === 'string' &&
    p.to.includes('@') &&
    typeof p.idempotencyKey === 'string' &&
    p.idempotencyKey.length > 0 &&
    typeof p.data === 'object' &&
    p.data !== null &&
    Object.values(p.data).every((v) => typeof v === 'string');
  if (!ok)
    throw new PermanentJobError(
      'send_email payload must be { template, to, data: Record<string, string>, idempotencyKey }',
    );
  return p as SendEmailPayload;
}

/** `a***@example.com`: enough to tell emails apart in logs without writing addresses out. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  return at <= 0 ? '***' : `${address[0]}***${address.slice(at)}`;
}
