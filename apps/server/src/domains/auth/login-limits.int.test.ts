// Sign-in limits across addresses, behind a trusted proxy so that each request can come from its
// own client IP: the per-account cap stops a spread-out guessing run, the owner's usual address is
// exempt from it, and the per-IP cap stops one address guessing across many accounts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_LIMITS } from '@learningpt/core';
import { DEMO_EMAILS, DEMO_PASSWORDS } from '../../../../../prisma/seed/fixtures';
import { startTestServer, type TestServer } from '../../testing/harness';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ env: { TRUST_PROXY: '1' } });
});
afterAll(() => s.close());

type ErrorBody = { success: false; error: { code: string; message: string } };
const login = (email: string, password: string, ip: string) =>
  s.rest<ErrorBody>({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    payload: JSON.stringify({ email, password }),
  });

describe('sign-in limits across addresses', () => {
  it('caps failures per account from many addresses, but not from the owner’s usual address', async () => {
    const email = DEMO_EMAILS.student;
    const password = DEMO_PASSWORDS.student;
    // The owner signs in from home once: that address becomes trusted for the account.
    expect((await login(email, password, '203.0.113.7')).status).toBe(200);

    // An attacker spreads guesses over many addresses, one guess each: no pair limit applies.
    const statuses: number[] = [];
    for (let i = 0; i < LOGIN_LIMITS.ACCOUNT_CAP + 1; i++) {
      statuses.push((await login(email, `spread guess ${i}`, `198.51.100.${i + 1}`)).status);
    }
    expect(statuses.slice(0, LOGIN_LIMITS.ACCOUNT_CAP).every((c) => c === 401)).toBe(true);
    const capped = await login(email, 'yet another guess', '198.51.100.200');
    expect(capped.status).toBe(429);
    expect(Number(capped.headers['retry-after'])).toBeGreaterThan(0);
    expect(capped.body.error.message).toMatch(/reset your password/);
    // Even the right password is refused from a new address while the cap holds...
    expect((await login(email, password, '198.51.100.201')).status).toBe(429);
    // ...but the owner at their usual address still gets in.
    expect((await login(email, password, '203.0.113.7')).status).toBe(200);
  });

  it('caps failures from one address across many accounts', async () => {
    const ip = '192.0.2.55';
    let status = 0;
    let attempts = 0;
    while (status !== 429 && attempts <= LOGIN_LIMITS.IP_CAP) {
      status = (await login(`nobody.${attempts}@example.org`, 'wrong password', ip)).status;
      attempts++;
    }
    expect(status).toBe(429);
    expect(attempts).toBe(LOGIN_LIMITS.IP_CAP + 1);
    // Other addresses are not affected.
    expect((await login(DEMO_EMAILS.certified, DEMO_PASSWORDS.student, '192.0.2.56')).status).toBe(200);
  });
});
