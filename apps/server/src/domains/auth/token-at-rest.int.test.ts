// No raw secret at rest: after the account journeys that hand out session, verification and reset
// tokens (and sends that fail at the provider), no column of any table in any schema of the
// database, the job queue's included, holds one of those tokens. Only their hashes are stored;
// the raw tokens exist in the answers and in the emails the worker sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateToken, hashToken, SEND_EMAIL_TASK } from '@learningpt/core';
import type { Db } from '@learningpt/db';
import { runJobsOnce, silentJobLog } from '@learningpt/jobs';
import { ResendMailer } from '@learningpt/mail';
import { startFakeResend, type FakeResend } from '@learningpt/mail/testing';
import { startTestServer, type TestServer } from '../../testing/harness';
import { deliverEmails, lastEmail, linkToken } from '../../testing/outbox';

let s: TestServer;
let fake: FakeResend;
beforeAll(async () => {
  [s, fake] = await Promise.all([startTestServer(), startFakeResend()]);
});
afterAll(async () => {
  await Promise.all([s.close(), fake.close()]);
});

/** Every raw token handed out in this file, with where it came from. */
const handedOut: { what: string; token: string }[] = [];
const keep = (what: string, token: string) => {
  handedOut.push({ what, token });
  return token;
};

const STRONG = 'correct horse battery staple';
let n = 0;
const freshEmail = () => `at.rest.${++n}@example.org`;
const post = (url: string, payload: object) => s.rest<{ token?: string }>({ method: 'POST', url, payload });

async function signIn(email: string, password: string): Promise<string> {
  const res = await post('/api/auth/login', { email, password });
  expect(res.status).toBe(200);
  return keep(`session of ${email}`, res.body.token!);
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Reads every row of every table (ordinary, partitioned, materialised) in every schema the
 * database has, each row cast to text, and reports which needles occur where.
 */
async function scanDatabase(db: Db, needles: string[]) {
  const tables = await db.$queryRaw<{ schema: string; table: string }[]>`
    SELECT n.nspname AS schema, c.relname AS table
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'm')
      AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
    ORDER BY 1, 2`;
  const found: { table: string; needle: string }[] = [];
  let rows = 0;
  for (const { schema, table } of tables) {
    const texts = await db.$queryRawUnsafe<{ row: string }[]>(
      `SELECT t::text AS row FROM ${quoteIdent(schema)}.${quoteIdent(table)} t`,
    );
    rows += texts.length;
    for (const needle of needles) {
      if (texts.some((r) => r.row.includes(needle))) found.push({ table: `${schema}.${table}`, needle });
    }
  }
  return { tables: tables.map((t) => `${t.schema}.${t.table}`), rows, found };
}

describe('the scan', () => {
  it('finds a raw token planted in a table of its own schema and in the job queue, and nothing once removed', async () => {
    const planted = generateToken();
    await s.db.$executeRawUnsafe('CREATE SCHEMA scan_probe');
    try {
      await s.db.$executeRawUnsafe('CREATE TABLE scan_probe.scratch (id int, data jsonb)');
      await s.db
        .$executeRaw`INSERT INTO scan_probe.scratch VALUES (1, ${JSON.stringify({ link: `https://x/?token=${planted}` })}::jsonb)`;
      // The way tokens used to sit in the queue: inside a send_email payload (not due, never run).
      await s.db
        .$executeRaw`SELECT graphile_worker.add_job('send_email', payload => ${JSON.stringify({ link: planted })}::json,
        run_at => now() + interval '1 year', job_key => 'scan-probe')`;
      const scan = await scanDatabase(s.db, [planted]);
      expect(scan.found).toEqual([
        { table: 'graphile_worker._private_jobs', needle: planted },
        { table: 'scan_probe.scratch', needle: planted },
      ]);
    } finally {
      await s.db.$executeRawUnsafe('DROP SCHEMA scan_probe CASCADE');
      await s.db.$executeRaw`SELECT graphile_worker.remove_job('scan-probe')`;
    }
    expect((await scanDatabase(s.db, [planted])).found).toEqual([]);
  });
});

describe('no raw token at rest', () => {
  it('register, resend verification, verify, sign in, forgot and reset password hand out tokens', async () => {
    const email = freshEmail();
    expect((await post('/api/auth/register', { name: 'Rest Tester', email, password: STRONG })).status).toBe(200);
    const first = keep('first verification link', linkToken(await lastEmail(s, email, 'verification')));
    expect((await post('/api/auth/resend-verification', { email })).status).toBe(200);
    const second = keep('resent verification link', linkToken(await lastEmail(s, email, 'verification')));
    expect(second).not.toBe(first);
    expect((await post('/api/auth/verify-email', { token: first })).status).toBe(400); // superseded
    expect((await post('/api/auth/verify-email', { token: second })).status).toBe(200);

    const before = await signIn(email, STRONG);
    expect((await post('/api/auth/forgot-password', { email })).status).toBe(200);
    const reset = keep('reset link', linkToken(await lastEmail(s, email, 'password-reset')));
    const NEW = 'a brand new passphrase here';
    expect((await post('/api/auth/reset-password', { token: reset, password: NEW })).status).toBe(200);
    await signIn(email, NEW);
    // One more reset link, left unused: a live token must not be at rest either.
    expect((await post('/api/auth/forgot-password', { email })).status).toBe(200);
    keep('unused reset link', linkToken(await lastEmail(s, email, 'password-reset')));

    // The reset ended the first session; every other token is known to the database by its hash,
    // so these are real secrets of this database, not strings it could never have held.
    expect(await s.db.session.count({ where: { id: hashToken(before) } })).toBe(0);
    for (const { what, token } of handedOut.filter((h) => h.token !== before)) {
      const known =
        (await s.db.oneTimeToken.count({ where: { tokenHash: hashToken(token) } })) +
        (await s.db.session.count({ where: { id: hashToken(token) } }));
      expect(known, what).toBe(1);
    }
  });

  it('sends the provider refuses leave failed jobs without the token; a retried link works', async () => {
    await deliverEmails(s); // nothing else queued: the fake provider sees only the emails below
    const resend = new ResendMailer({
      apiKey: 're_test_key',
      from: 'LearninGPT <no-reply@example.com>',
      baseUrl: fake.url,
    });
    const runWithProvider = () =>
      runJobsOnce({
        connectionString: s.url,
        mailer: resend,
        clock: s.clock,
        log: silentJobLog,
        only: [SEND_EMAIL_TASK],
      });
    const sentToken = (i: number) => /\?token=([a-z2-7]{32})/.exec(String(fake.requests[i]!.body.text))![1]!;
    const failedJobs = () =>
      s.db.$queryRaw<{ id: bigint; attempts: number; max_attempts: number; last_error: string | null }[]>`
        SELECT id, attempts, max_attempts, last_error FROM graphile_worker._private_jobs
        WHERE last_error IS NOT NULL ORDER BY id`;

    // A reset link whose first send fails (500), then is retried.
    const owner = freshEmail();
    await post('/api/auth/register', { name: 'Retry Owner', email: owner, password: STRONG });
    await deliverEmails(s);
    fake.failNext(500);
    await post('/api/auth/forgot-password', { email: owner });
    await runWithProvider();
    const lost = keep('reset link of a failed send', sentToken(0));
    expect(await failedJobs()).toMatchObject([{ attempts: 1, last_error: expect.stringMatching(/500/) as unknown }]);
    await s.db.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now()`;
    await runWithProvider();
    expect(fake.sent).toHaveLength(1);
    const retried = keep('reset link of the retry', sentToken(1));
    expect(retried).not.toBe(lost);
    // The user is left with a working link, the one that arrived.
    expect((await post('/api/auth/reset-password', { token: lost, password: 'lost link passphrase' })).status).toBe(
      400,
    );
    expect(
      (await post('/api/auth/reset-password', { token: retried, password: 'retried link passphrase' })).status,
    ).toBe(200);
    await deliverEmails(s); // the password-changed email

    // A verification link refused for good (422), and a reset link waiting for its retry (500).
    const refused = freshEmail();
    await post('/api/auth/register', { name: 'Refused', email: refused, password: STRONG });
    const waiting = freshEmail();
    await post('/api/auth/register', { name: 'Waiting', email: waiting, password: STRONG });
    await deliverEmails(s);
    fake.failNext(422);
    await post('/api/auth/resend-verification', { email: refused });
    await runWithProvider();
    keep('verification link refused for good', sentToken(2));
    fake.failNext(500);
    await post('/api/auth/forgot-password', { email: waiting });
    await runWithProvider();
    keep('reset link waiting for a retry', sentToken(3));
    expect(fake.requests).toHaveLength(4);
    expect(await failedJobs()).toMatchObject([
      { attempts: 1, max_attempts: 1, last_error: expect.stringMatching(/422/) as unknown },
      { attempts: 1, max_attempts: 10, last_error: expect.stringMatching(/500/) as unknown },
    ]);
  });

  it('no column of any table in any schema holds one of them', async () => {
    expect(handedOut.length).toBeGreaterThanOrEqual(10);
    const scan = await scanDatabase(
      s.db,
      handedOut.map((h) => h.token),
    );
    expect(scan.tables).toEqual(
      expect.arrayContaining([
        'public.Session',
        'public.OneTimeToken',
        'public.User',
        'public.AuditLog',
        'graphile_worker._private_jobs',
        'graphile_worker._private_tasks',
      ]),
    );
    expect(scan.rows).toBeGreaterThan(100); // the seeded data and the failed jobs are read, not skipped
    expect(scan.found.map((f) => `${f.table}: ${handedOut.find((h) => h.token === f.needle)!.what}`)).toEqual([]);
  });
});
