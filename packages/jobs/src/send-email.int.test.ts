// The email path end to end: enqueueEmail in a transaction -> graphile-worker -> send_email ->
// the real `resend` SDK -> a local fake Resend (or the dev mailbox).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enqueueEmail, fixedClock, hashToken, type EmailTemplate, type SendEmailPayload } from '@learningpt/core';
import { useTestDatabase } from '@learningpt/db/testing';
import { DevMailbox, MailSendError, ResendMailer, type Mailer } from '@learningpt/mail';
import { startFakeResend, type FakeResend } from '@learningpt/mail/testing';
import { runJobsOnce, silentJobLog, startWorker } from './index';

const t = useTestDatabase({ max: 4 });
let fake: FakeResend;
let resend: Mailer;

beforeAll(async () => {
  fake = await startFakeResend();
  resend = new ResendMailer({ apiKey: 're_test_key', from: 'LearninGPT <no-reply@learningpt.dev>', baseUrl: fake.url });
});
afterAll(() => fake.close());
beforeEach(async () => {
  fake.requests.length = 0;
  fake.sent.length = 0;
  await t.db.$executeRaw`DELETE FROM graphile_worker._private_jobs`;
});

const verification = (key: string, to = 'ada@example.com') => ({
  template: 'verification' as EmailTemplate,
  to,
  data: { name: 'Ada <Lovelace>', link: 'https://app.learningpt.dev/verify?token=t0k' },
  idempotencyKey: key,
});

const clock = fixedClock(new Date('2026-11-23T12:00:00Z'));
const runOnce = (mailer: Mailer = resend) => runJobsOnce({ connectionString: t.url, mailer, log: silentJobLog, clock });

interface JobRow {
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  key: string | null;
}
const jobs = () =>
  t.db.$queryRaw<
    JobRow[]
  >`SELECT attempts, max_attempts, last_error, key FROM graphile_worker._private_jobs ORDER BY id`;
// Retries wait exp(attempt) seconds; tests make them due now instead of waiting.
const makeRetriesDue = () => t.db.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now()`;

describe('send_email through Resend', () => {
  it('renders the template and sends it through the real SDK, once', async () => {
    await t.db.$transaction((tx) => enqueueEmail(tx, verification('verify:u1:1')));
    await runOnce();

    expect(fake.sent).toHaveLength(1);
    const [req] = fake.requests;
    expect(req!.headers.authorization).toBe('Bearer re_test_key');
    expect(req!.headers['idempotency-key']).toBe('verify:u1:1');
    expect(req!.body).toMatchObject({
      from: 'LearninGPT <no-reply@learningpt.dev>',
      to: 'ada@example.com',
      subject: 'Confirm your email address for LearninGPT',
    });
    expect(req!.body.html).toContain('Ada &lt;Lovelace&gt;');
    expect(req!.body.html).toContain('href="https://app.learningpt.dev/verify?token=t0k"');
    expect(req!.body.text).toContain('https://app.learningpt.dev/verify?token=t0k');
    expect(await jobs()).toEqual([]); // done jobs are deleted
  });

  it('retries a retryable failure (500) with backoff and sends the email once', async () => {
    fake.failNext(500);
    await enqueueEmail(t.db, verification('verify:u2:1'));
    await runOnce();
    expect(fake.sent).toHaveLength(0);
    const [failed] = await jobs();
    expect(failed).toMatchObject({ attempts: 1, max_attempts: 10 });
    expect(failed!.last_error).toMatch(/500 internal_server_error/);

    await runOnce(); // not due yet: backoff
    expect(fake.requests).toHaveLength(1);

    await makeRetriesDue();
    await runOnce();
    expect(fake.requests).toHaveLength(2);
    expect(fake.sent).toHaveLength(1);
    expect(fake.sent[0]!.idempotencyKey).toBe('verify:u2:1');
    expect(await jobs()).toEqual([]);
  });

  it('does not retry a permanent failure (422) and keeps the job as failed', async () => {
    fake.failNext(422);
    await enqueueEmail(t.db, verification('verify:u3:1', 'not-an-address@'));
    await runOnce();
    await makeRetriesDue();
    await runOnce();

    expect(fake.requests).toHaveLength(1);
    expect(fake.sent).toHaveLength(0);
    const [failed] = await jobs();
    expect(failed).toMatchObject({ attempts: 1, max_attempts: 1 });
    expect(failed!.last_error).toMatch(/422 validation_error/);
  });

  it('sends nothing when the enqueuing transaction rolls back', async () => {
    await expect(
      t.db.$transaction(async (tx) => {
        await enqueueEmail(tx, verification('verify:u4:1'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await jobs()).toEqual([]);
    await runOnce();
    expect(fake.requests).toHaveLength(0);
  });

  it('enqueues the same idempotency key once, and sends it once even after delivery', async () => {
    await enqueueEmail(t.db, verification('verify:u5:1'));
    await t.db.$transaction((tx) => enqueueEmail(tx, verification('verify:u5:1')));
    expect(await jobs()).toHaveLength(1);
    expect((await jobs())[0]!.key).toBe('email:verify:u5:1');
    await runOnce();
    expect(fake.sent).toHaveLength(1);

    // The job is gone once done; a late duplicate is caught by the provider's idempotency key.
    await enqueueEmail(t.db, verification('verify:u5:1'));
    await runOnce();
    expect(fake.requests).toHaveLength(2);
    expect(fake.sent).toHaveLength(1);
  });

  it('drops a job whose template cannot render, without retrying', async () => {
    await enqueueEmail(t.db, {
      template: 'password-reset',
      to: 'ada@example.com',
      data: { name: 'Ada' },
      idempotencyKey: 'reset:x',
    });
    await runOnce();
    expect(fake.requests).toHaveLength(0);
    expect(await jobs()).toMatchObject([{ attempts: 1, max_attempts: 1 }]);
  });
});

describe('the long-running worker', () => {
  it('picks up a new job at once and stops cleanly', async () => {
    const worker = await startWorker({
      connectionString: t.url,
      mailer: resend,
      log: silentJobLog,
      concurrency: 1,
      pollInterval: 100,
    });
    try {
      await t.db.$transaction((tx) => enqueueEmail(tx, { ...verification('welcome:u6'), template: 'welcome' }));
      await expect.poll(() => fake.sent.length, { timeout: 5000, interval: 20 }).toBe(1);
      expect(fake.sent[0]!.body.subject).toBe('Welcome to LearninGPT');
    } finally {
      await worker.stop();
    }
    await worker.done;
  });
});

describe('send_email into the dev mailbox', () => {
  it('keeps one copy per idempotency key and logs the link', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'learningpt-mail-'));
    const lines: string[] = [];
    const mailbox = new DevMailbox({ dir, log: (l) => lines.push(l) });
    try {
      await enqueueEmail(t.db, verification('verify:u7:1'));
      await runOnce(mailbox);
      await enqueueEmail(t.db, verification('verify:u7:1')); // after delivery: a new job, same key
      await runOnce(mailbox);

      const list = await mailbox.list();
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ to: 'ada@example.com', links: ['https://app.learningpt.dev/verify?token=t0k'] });
      expect(lines).toEqual([
        '✉ to ada@example.com: Confirm your email address for LearninGPT — https://app.learningpt.dev/verify?token=t0k',
      ]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('send_email with a token link', () => {
  let n = 0;
  const makeUser = (data: { emailVerified?: boolean; status?: 'active' | 'banned' } = {}) =>
    t.db.user.create({
      data: { name: 'Ada', email: `ada.${++n}@example.com`, role: 'student', ...data },
      select: { id: true, email: true },
    });
  const linkEmail = (
    user: { id: string; email: string },
    kind: 'verification' | 'password_reset' = 'verification',
    key = `${kind}:${user.id}:${++n}`,
  ): SendEmailPayload => ({
    template: kind === 'verification' ? 'verification' : 'password-reset',
    to: user.email,
    data: { name: 'Ada' },
    tokenLink: {
      kind,
      userId: user.id,
      url: `https://app.learningpt.dev/${kind === 'verification' ? 'verify-email' : 'reset-password'}`,
    },
    idempotencyKey: key,
  });
  /** The token in the link of an email the fake provider was sent (accepted or not). */
  const tokenIn = (body: Record<string, unknown>) => {
    const m = /\?token=([a-z2-7]+)/.exec(String(body.text));
    if (!m) throw new Error(`no token link in ${String(body.text)}`);
    return m[1]!;
  };
  const tokenRows = (userId: string) =>
    t.db.oneTimeToken.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });
  /** Every row of the queue's job table as text: where a raw token must never be. */
  const queueText = async () =>
    (await t.db.$queryRaw<{ row: string }[]>`SELECT j::text AS row FROM graphile_worker._private_jobs j`)
      .map((r) => r.row)
      .join('\n');

  it('issues the token when it sends: the queue holds what to issue, the table only its hash', async () => {
    const user = await makeUser();
    await enqueueEmail(t.db, linkEmail(user, 'verification', 'verification:one'));
    const queued = await queueText();
    expect(queued).toContain(user.id);
    expect(queued).not.toMatch(/token=/);
    expect(await tokenRows(user.id)).toEqual([]);

    await runOnce();
    expect(fake.sent).toHaveLength(1);
    const token = tokenIn(fake.sent[0]!.body);
    expect(fake.sent[0]!.body.html).toContain(`href="https://app.learningpt.dev/verify-email?token=${token}"`);
    // The provider's key names the token by its hash, never the token.
    expect(fake.sent[0]!.idempotencyKey).toBe(`verification:one:${hashToken(token)}`);
    const [row] = await tokenRows(user.id);
    expect(row).toMatchObject({ kind: 'verification', tokenHash: hashToken(token), usedAt: null });
    expect(row!.expiresAt.getTime() - clock.now().getTime()).toBe(24 * 3600 * 1000);
  });

  it('a reset link works 1 hour', async () => {
    const user = await makeUser({ emailVerified: true });
    await enqueueEmail(t.db, linkEmail(user, 'password_reset'));
    await runOnce();
    const token = tokenIn(fake.sent[0]!.body);
    expect(fake.sent[0]!.body.subject).toMatch(/reset/i);
    const [row] = await tokenRows(user.id);
    expect(row).toMatchObject({ kind: 'password_reset', tokenHash: hashToken(token) });
    expect(row!.expiresAt.getTime() - clock.now().getTime()).toBe(3600 * 1000);
  });

  it('a retry after a failed send delivers a fresh, live link under a key of its own', async () => {
    const user = await makeUser();
    fake.failNext(500);
    await enqueueEmail(t.db, linkEmail(user, 'verification', 'verification:retry'));
    await runOnce();
    expect(fake.sent).toHaveLength(0);
    const first = tokenIn(fake.requests[0]!.body);
    expect(await queueText()).not.toContain(first);
    expect(await jobs()).toMatchObject([{ attempts: 1, last_error: expect.stringMatching(/500/) as unknown }]);

    await makeRetriesDue();
    await runOnce();
    expect(fake.sent).toHaveLength(1);
    const second = tokenIn(fake.sent[0]!.body);
    expect(second).not.toBe(first);
    // Had the first attempt reached the inbox after all, the provider must still take this one.
    expect(fake.requests.map((r) => r.headers['idempotency-key'])).toEqual([
      `verification:retry:${hashToken(first)}`,
      `verification:retry:${hashToken(second)}`,
    ]);
    const rows = await tokenRows(user.id);
    expect(rows.map((r) => [r.tokenHash, r.usedAt === null])).toEqual([
      [hashToken(first), false], // the undelivered attempt's link is retired
      [hashToken(second), true], // the delivered one works
    ]);
    expect(await jobs()).toEqual([]);
  });

  it('a permanent refusal leaves a failed job without the token', async () => {
    const user = await makeUser();
    fake.failNext(422);
    await enqueueEmail(t.db, linkEmail(user));
    await runOnce();
    const token = tokenIn(fake.requests[0]!.body);
    expect(await jobs()).toMatchObject([{ attempts: 1, max_attempts: 1 }]);
    expect(await queueText()).toMatch(/422 validation_error/);
    expect(await queueText()).not.toContain(token);
  });

  it('keeps the token out of last_error when the provider quotes the email back', async () => {
    const user = await makeUser();
    const quoting: Mailer = {
      send: (m) => Promise.reject(new MailSendError(`rejected body: ${m.text}`, true, 400)),
    };
    let sentText = '';
    const spy: Mailer = { send: (m) => ((sentText = m.text), quoting.send(m)) };
    await enqueueEmail(t.db, linkEmail(user));
    await runOnce(spy);
    const token = tokenIn({ text: sentText });
    const [failed] = await jobs();
    expect(failed!.last_error).toContain('rejected body:');
    expect(failed!.last_error).toContain('?token=[token]');
    expect(await queueText()).not.toContain(token);
  });

  it('a newer link supersedes the older one', async () => {
    const user = await makeUser();
    await enqueueEmail(t.db, linkEmail(user));
    await enqueueEmail(t.db, linkEmail(user));
    await runOnce();
    expect(fake.sent).toHaveLength(2);
    const rows = await tokenRows(user.id);
    expect(rows.map((r) => r.usedAt === null)).toEqual([false, true]);
  });

  it('sends nothing and issues no token when the link is no longer wanted', async () => {
    const verified = await makeUser({ emailVerified: true });
    const banned = await makeUser({ status: 'banned' });
    const moved = await makeUser();
    await enqueueEmail(t.db, linkEmail(verified, 'verification'));
    await enqueueEmail(t.db, linkEmail(banned, 'password_reset'));
    await enqueueEmail(t.db, { ...linkEmail(moved, 'verification'), to: 'someone.else@example.com' });
    await runOnce();
    expect(fake.requests).toHaveLength(0);
    expect(await t.db.oneTimeToken.count({ where: { userId: { in: [verified.id, banned.id, moved.id] } } })).toBe(0);
    expect(await jobs()).toEqual([]); // done, not failed
  });

  it('drops a job whose token link is malformed, issuing nothing', async () => {
    const user = await makeUser();
    const bad = linkEmail(user);
    await enqueueEmail(t.db, { ...bad, tokenLink: { ...bad.tokenLink!, url: 'javascript:alert(1)' } });
    await enqueueEmail(t.db, {
      ...bad,
      idempotencyKey: 'x:2',
      tokenLink: { ...bad.tokenLink!, kind: 'email_change' as never },
    });
    await runOnce();
    expect(fake.requests).toHaveLength(0);
    expect(await tokenRows(user.id)).toEqual([]);
    expect(await jobs()).toMatchObject([
      { attempts: 1, max_attempts: 1 },
      { attempts: 1, max_attempts: 1 },
    ]);
  });
});
