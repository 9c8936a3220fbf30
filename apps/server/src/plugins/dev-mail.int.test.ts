// /dev/mail: what the dev mailbox received, through the real app; absent with any other mailer.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueEmail, fixedClock } from '@learningpt/core';
import { useTestDatabase } from '@learningpt/db/testing';
import { runJobsOnce, silentJobLog } from '@learningpt/jobs';
import {
  createMailer,
  DevMailbox,
  ResendMailer,
  type DevMailboxMessage,
  type DevMailboxSummary,
} from '@learningpt/mail';
import { buildApp } from '../app';
import { PRODUCTION_ENV, testConfig } from '../testing/harness';

const t = useTestDatabase({ max: 4 });
const clock = fixedClock(new Date('2026-11-23T12:00:00Z'));
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'learningpt-dev-mail-'));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function appWith(
  env: Record<string, string>,
): Promise<{ app: FastifyInstance; mailer: ReturnType<typeof createMailer> }> {
  const config = testConfig(t.url, { MAIL_DEV_DIR: dir, ...env });
  const mailer = createMailer(config);
  const app = await buildApp({ config, db: t.db, clock, mailer }, { closeDb: false });
  await app.ready();
  return { app, mailer };
}

describe('GET /dev/mail with the dev mailbox', () => {
  let app: FastifyInstance;
  let mailer: ReturnType<typeof createMailer>;
  beforeAll(async () => {
    ({ app, mailer } = await appWith({ NODE_ENV: 'development' }));
  });
  afterAll(() => app.close());

  it('lists what the worker sent, newest first, and shows one message', async () => {
    expect(mailer).toBeInstanceOf(DevMailbox);
    await t.db.$transaction(async (tx) => {
      await enqueueEmail(tx, {
        template: 'password-reset',
        to: 'ada@example.com',
        data: { name: 'Ada', link: 'http://localhost:5173/reset?token=r1' },
        idempotencyKey: 'reset:1',
      });
      await enqueueEmail(tx, {
        template: 'welcome',
        to: 'bob@example.com',
        data: { name: 'Bob' },
        idempotencyKey: 'welcome:1',
      });
    });
    await runJobsOnce({ connectionString: t.url, mailer, log: silentJobLog });

    const list = await app.inject('/dev/mail');
    expect(list.statusCode).toBe(200);
    const { messages } = list.json<{ messages: DevMailboxSummary[] }>();
    expect(messages).toHaveLength(2);
    const reset = messages.find((m) => m.to === 'ada@example.com')!;
    expect(reset).toMatchObject({
      subject: 'Reset your LearninGPT password',
      links: ['http://localhost:5173/reset?token=r1'],
      from: 'LearninGPT <no-reply@learningpt.dev>',
    });
    expect(messages[0]!.sentAt >= messages[1]!.sentAt).toBe(true);

    const one = await app.inject(`/dev/mail/${reset.id}`);
    expect(one.statusCode).toBe(200);
    const message = one.json<DevMailboxMessage>();
    expect(message.html).toContain('href="http://localhost:5173/reset?token=r1"');
    expect(message.text).toContain('http://localhost:5173/reset?token=r1');

    const html = await app.inject(`/dev/mail/${reset.id}?format=html`);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.headers['content-security-policy']).toContain("style-src 'unsafe-inline'");
    expect(html.body).toMatch(/^<!doctype html>/);
  });

  it('answers 404 for a message it does not have', async () => {
    expect((await app.inject(`/dev/mail/${'0'.repeat(32)}`)).statusCode).toBe(404);
    expect((await app.inject('/dev/mail/..%2F..%2Fetc%2Fpasswd')).statusCode).toBe(404);
  });
});

describe('GET /dev/mail elsewhere', () => {
  it('is a 404 when Resend is the mailer', async () => {
    const { app, mailer } = await appWith({ RESEND_API_KEY: 're_test', RESEND_BASE_URL: 'http://127.0.0.1:1' });
    try {
      expect(mailer).toBeInstanceOf(ResendMailer);
      const res = await app.inject('/dev/mail');
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    } finally {
      await app.close();
    }
  });

  it('is a 404 unless NODE_ENV=development is set explicitly, even with the dev mailbox', async () => {
    const { app, mailer } = await appWith({ NODE_ENV: 'test' });
    try {
      expect(mailer).toBeInstanceOf(DevMailbox);
      expect((await app.inject('/dev/mail')).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });

  it('is a 404 in production (which always sends through Resend)', async () => {
    const { app, mailer } = await appWith(PRODUCTION_ENV);
    try {
      expect(mailer).toBeInstanceOf(ResendMailer);
      expect((await app.inject('/dev/mail')).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});
