// The `send_email` task: render the template named in the job, hand the result to the mailer.
// A failure the provider calls permanent (or a job that can never render) stops the retries;
// anything else is retried by graphile-worker with its exponential backoff.
//
// A job with a `tokenLink` gets its link's one-time token here, at each attempt: core issues it
// (storing only its hash, superseding older links) and commits before the send, so the raw token
// lives only in this process and the email, never in the queue, not even in a failed job.
import {
  EMAIL_LINK_TOKEN_KINDS,
  EMAIL_TEMPLATES,
  hashToken,
  issueEmailLinkToken,
  systemClock,
  type Clock,
  type SendEmailPayload,
} from '@learningpt/core';
import type { Db } from '@learningpt/db';
import { isRetryableMailError, renderEmail, type Mailer } from '@learningpt/mail';
import type { Task } from 'graphile-worker';
import type { JobLog } from './log';
import { failPermanently, PermanentJobError } from './permanent-failure';

export function createSendEmailTask({
  mailer,
  log,
  db,
  clock = systemClock,
}: {
  mailer: Mailer;
  log: JobLog;
  /** Where link tokens are issued. Called on first use, so plain emails open no pool. */
  db: () => Db;
  clock?: Clock | undefined;
}): Task {
  return async (raw, helpers) => {
    const job = { jobId: helpers.job.id, attempt: helpers.job.attempts, maxAttempts: helpers.job.max_attempts };
    let payload: SendEmailPayload;
    try {
      payload = parsePayload(raw);
      // Rendered once before any token exists, so a job that can never render costs no token.
      render(payload, payload.tokenLink ? withToken(payload.tokenLink.url, 'x') : payload.data.link);
    } catch (err) {
      log.error({ ...job, err }, 'email job is invalid: not sending it');
      await failPermanently(helpers);
      throw err;
    }
    const about = { ...job, template: payload.template, to: maskAddress(payload.to) };

    let link = payload.data.link;
    let idempotencyKey = payload.idempotencyKey;
    let token: string | undefined;
    if (payload.tokenLink) {
      const { kind, userId, url } = payload.tokenLink;
      token = (await issueEmailLinkToken({ db: db(), clock, kind, userId, to: payload.to })) ?? undefined;
      if (token === undefined) {
        log.info(about, 'link no longer wanted (account changed since the request): not sending');
        return;
      }
      link = withToken(url, token);
      // This attempt's email differs from an earlier one's (a new token): the provider must not
      // answer it with the earlier attempt's result. Only the hash goes out as the key.
      idempotencyKey = `${payload.idempotencyKey}:${hashToken(token)}`;
    }

    try {
      const { id } = await mailer.send({ to: payload.to, ...render(payload, link), idempotencyKey });
      log.info({ ...about, messageId: id }, 'email sent');
    } catch (caught) {
      // graphile-worker keeps the message as the job's last_error: a provider quoting the email
      // back must not put the token into the queue's table.
      const err = token === undefined ? caught : withoutSecret(caught, token);
      if (!isRetryableMailError(caught)) {
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

function render(payload: SendEmailPayload, link: string | undefined) {
  const { link: _queued, ...data } = payload.data;
  return renderEmail(payload.template, { ...data, name: data.name ?? '', ...(link !== undefined && { link }) });
}

/** The link with its token as the `token` query parameter. */
export function withToken(url: string, token: string): string {
  const u = new URL(url);
  u.searchParams.set('token', token);
  return u.toString();
}

function withoutSecret(err: unknown, secret: string): unknown {
  const message = err instanceof Error ? err.message : String(err);
  if (!message.includes(secret)) return err;
  const clean = new Error(message.replaceAll(secret, '[token]'));
  clean.name = err instanceof Error ? err.name : 'Error';
  return clean;
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
    Object.values(p.data).every((v) => typeof v === 'string') &&
    (p.tokenLink === undefined || isTokenLink(p.tokenLink));
  if (!ok)
    throw new PermanentJobError(
      'send_email payload must be { template, to, data: Record<string, string>, idempotencyKey, tokenLink?: { kind, userId, url } }',
    );
  return p as SendEmailPayload;
}

function isTokenLink(l: unknown): boolean {
  const t = l as Partial<NonNullable<SendEmailPayload['tokenLink']>> | null;
  return (
    typeof t === 'object' &&
    t !== null &&
    typeof t.kind === 'string' &&
    (EMAIL_LINK_TOKEN_KINDS as readonly string[]).includes(t.kind) &&
    typeof t.userId === 'string' &&
    /^[0-9a-f-]{36}$/i.test(t.userId) &&
    typeof t.url === 'string' &&
    URL.canParse(t.url) &&
    /^https?:$/.test(new URL(t.url).protocol)
  );
}

/** `a***@example.com`: enough to tell emails apart in logs without writing addresses out. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  return at <= 0 ? '***' : `${address[0]}***${address.slice(at)}`;
}
