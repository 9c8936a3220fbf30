// Limits that hold when the guesses come all at once: over real HTTP, in parallel, batched, or
// with a forged client address. Each limited action reserves its count before the expensive work.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_LIMITS, passwordHasherLoad, resetPasswordHasherPeak } from '@learningpt/core';
import { DEMO_EMAILS } from '../../../../../prisma/seed/fixtures';
import { startTestServer, type TestServer } from '../../testing/harness';

let s: TestServer;
let base: string;
beforeAll(async () => {
  // One trusted hop (the proxy in front of us), so each test can pick its client address.
  s = await startTestServer({ env: { TRUST_PROXY: '1' }, poolMax: 10 });
  await s.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(s.app.server.address() as AddressInfo).port}`;
});
afterAll(() => s.close());

const post = (path: string, body: unknown, ip: string) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify(body),
  });

const bucket = (key: string) => s.db.rateLimitBucket.findUnique({ where: { key } });

describe('sign-in under concurrency', () => {
  it('40 parallel wrong passwords for one account from one address: only the free allowance is checked', async () => {
    const ip = '198.51.100.40';
    const email = DEMO_EMAILS.student;
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => post('/api/auth/login', { email, password: `wrong guess ${i}` }, ip)),
    );
    const statuses = answers.map((r) => r.status);
    const checked = statuses.filter((c) => c === 401).length;
    const refused = answers.filter((r) => r.status === 429);
    expect(checked).toBe(LOGIN_LIMITS.PAIR_FREE);
    expect(refused).toHaveLength(40 - LOGIN_LIMITS.PAIR_FREE);
    for (const r of refused) {
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(/Too many sign-in attempts/);
    }
    // The counters show the checked attempts, no more and no fewer.
    expect((await bucket(`login:pair:${email}:${ip}`))?.count).toBe(LOGIN_LIMITS.PAIR_FREE);
    expect((await bucket(`login:ip:${ip}`))?.count).toBe(LOGIN_LIMITS.PAIR_FREE);
  });

  it('refuses a tRPC batch of mutations, and a batch of queries beyond the cap', async () => {
    const email = DEMO_EMAILS.instructor;
    const input = Object.fromEntries(
      Array.from({ length: 50 }, (_, i) => [String(i), { json: { email, password: `batched guess ${i}` } }]),
    );
    const paths = Array.from({ length: 50 }, () => 'auth.login').join(',');
    const batch = await fetch(`${base}/trpc/${paths}?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.50' },
      body: JSON.stringify(input),
    });
    expect(batch.status).toBe(400);
    expect(((await batch.json()) as { error: { message: string } }).error.message).toMatch(/cannot be batched/);
    // Nothing was checked or counted.
    expect(await bucket(`login:pair:${email}:198.51.100.50`)).toBeNull();

    const queries = (n: number) => {
      const q = Array.from({ length: n }, () => 'categories.list').join(',');
      const inputs = encodeURIComponent(
        JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, {}]))),
      );
      return fetch(`${base}/trpc/${q}?batch=1&input=${inputs}`);
    };
    expect((await queries(s.config.TRPC_MAX_BATCH_SIZE)).status).toBe(200);
    const over = await queries(s.config.TRPC_MAX_BATCH_SIZE + 1);
    expect(over.status).toBe(400);
  });

  it('20 parallel sign-ups from one address meet the per-address cap exactly; argon2 work is bounded', async () => {
    const ip = '198.51.100.20';
    resetPasswordHasherPeak();
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        post(
          '/api/auth/register',
          { name: `Burst ${i}`, email: `burst.${i}@example.org`, password: 'a long and unusual passphrase 42' },
          ip,
        ),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((c) => c === 200)).toHaveLength(20);
    expect(statuses.filter((c) => c === 429)).toHaveLength(5);
    expect(await s.db.user.count({ where: { email: { startsWith: 'burst.' } } })).toBe(20);
    // Twenty hashes were asked for at once; at most the configured number ran together.
    const load = passwordHasherLoad();
    expect(load.peak).toBeGreaterThan(0);
    expect(load.peak).toBeLessThanOrEqual(load.max);

    // One email address, from many IPs at once: its own cap (3 an hour) holds too.
    const same = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        post(
          '/api/auth/register',
          { name: 'Same', email: 'same.address@example.org', password: 'a long and unusual passphrase 42' },
          `198.51.101.${i + 1}`,
        ),
      ),
    );
    expect(same.filter((r) => r.status === 200)).toHaveLength(3);
    expect(same.filter((r) => r.status === 429)).toHaveLength(5);
  });

  it('parallel reset-password attempts from one address meet their cap exactly', async () => {
    const ip = '198.51.100.31';
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        post(
          '/api/auth/reset-password',
          { token: `made-up-token-${i}`.padEnd(32, 'x'), password: 'a long and unusual passphrase 42' },
          ip,
        ),
      ),
    );
    // Made-up links are refused as such (400) until the address's allowance is used up.
    expect(answers.filter((r) => r.status === 400)).toHaveLength(20);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(5);
  });

  it('parallel forgot-password and resend requests meet their caps exactly', async () => {
    const ip = '198.51.100.30';
    for (const [path, limit] of [
      ['/api/auth/forgot-password', 3],
      ['/api/auth/resend-verification', 3],
    ] as const) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => post(path, { email: 'limit.target@example.org' }, ip)),
      );
      expect(answers.filter((r) => r.status === 200)).toHaveLength(limit);
      expect(answers.filter((r) => r.status === 429)).toHaveLength(10 - limit);
    }
  });
});

describe('client address behind one trusted proxy', () => {
  it('ignores a client-set leftmost X-Forwarded-For: the address our proxy saw is the one counted', async () => {
    const real = '203.0.113.77';
    const spoofed = '192.0.2.1';
    const res = await post(
      '/api/auth/login',
      { email: 'nobody@example.org', password: 'wrong' },
      `${spoofed}, ${real}`,
    );
    expect(res.status).toBe(401);
    expect(await bucket(`login:ip:${real}`)).not.toBeNull();
    expect(await bucket(`login:ip:${spoofed}`)).toBeNull();
  });

  it('without TRUST_PROXY the header is not believed at all', async () => {
    const direct = await startTestServer({ seeded: false });
    try {
      const res = await direct.rest({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.99' },
        payload: JSON.stringify({ email: 'nobody@example.org', password: 'wrong' }),
      });
      expect(res.status).toBe(401);
      expect(await direct.db.rateLimitBucket.findUnique({ where: { key: 'login:ip:192.0.2.99' } })).toBeNull();
      expect(await direct.db.rateLimitBucket.findUnique({ where: { key: 'login:ip:127.0.0.1' } })).not.toBeNull();
    } finally {
      await direct.close();
    }
  });
});
