// auth.*: sign-up, verification, sign-in, sessions, refresh, password reset, rate limits, on both
// faces against a real database. Outcomes are checked in the answers and in the rows left behind.
import argon2 from 'argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, passwordNeedsRehash } from '@learningpt/core';
import { DEMO_EMAILS, DEMO_PASSWORDS } from '../../../../../prisma/seed/fixtures';
import { deliveredEmails, lastEmail, linkToken } from '../../testing/outbox';
import { startTestServer, type TestServer } from '../../testing/harness';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ env: { PUBLIC_WEB_URL: 'https://learn.example.com' } });
});
afterAll(() => s.close());

type Body = { success: boolean; error?: { code: string; message: string; issues?: { path: unknown[] }[] } } & Record<
  string,
  unknown
>;
type LoginBody = Body & { token: string; refreshToken: string; user: { id: string; email: string; role: string } };

/** Every token handed out in this file; none may appear in the database. */
const handedOut: string[] = [];

const post = <T = Body>(url: string, payload: unknown, headers: Record<string, string> = {}) =>
  s.rest<T>({ method: 'POST', url, payload: payload as object, headers });

async function login(email: string, password: string, headers: Record<string, string> = {}) {
  const res = await post<LoginBody>('/api/auth/login', { email, password }, headers);
  if (res.body.token) handedOut.push(res.body.token);
  return res;
}

let n = 0;
const freshEmail = () => `new.person.${++n}.${Date.now()}@example.org`;
const STRONG = 'correct horse battery staple';

/** Registers and verifies through the public API; returns the address. */
async function registeredAndVerified(password = STRONG): Promise<string> {
  const email = freshEmail();
  expect((await post('/api/auth/register', { name: 'Pat Doe', email, password })).status).toBe(200);
  const token = linkToken(await lastEmail(s, email, 'verification'));
  handedOut.push(token);
  expect((await s.rest(`/api/auth/verify-email/${token}`)).status).toBe(200);
  return email;
}

describe('auth.register', () => {
  it('creates an unverified student and emails a verification link valid for 24 hours', async () => {
    const email = freshEmail();
    const res = await post('/api/auth/register', {
      name: '  Ada Lovelace ',
      email: email.toUpperCase(),
      password: STRONG,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, message: expect.stringMatching(/verify/i) as unknown });
    const user = await s.db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ name: 'Ada Lovelace', role: 'student', status: 'active', emailVerified: false });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const mail = await lastEmail(s, email, 'verification');
    expect(mail.text).toContain('Hi Ada Lovelace,');
    expect(mail.link).toMatch(/^https:\/\/learn\.example\.com\/verify-email\?token=[a-z2-7]{32}$/);
    handedOut.push(linkToken(mail));
    const row = await s.db.oneTimeToken.findFirstOrThrow({ where: { userId: user.id, kind: 'verification' } });
    expect(row.expiresAt.getTime() - s.clock.now().getTime()).toBe(24 * 3600 * 1000);
  });

  it('answers an address that has an account exactly as a new one, and tells its owner', async () => {
    const fresh = await post('/api/auth/register', { name: 'Someone', email: freshEmail(), password: STRONG });
    const taken = await post('/api/auth/register', { name: 'Someone', email: DEMO_EMAILS.student, password: STRONG });
    expect(taken.status).toBe(fresh.status);
    expect(taken.body).toEqual(fresh.body);
    const mail = await lastEmail(s, DEMO_EMAILS.student, 'account-exists');
    expect(mail.link).toBe('https://learn.example.com/sign-in');
    // The account itself is untouched.
    const u = await s.db.user.findUniqueOrThrow({ where: { email: DEMO_EMAILS.student } });
    expect(await argon2.verify(u.passwordHash!, DEMO_PASSWORDS.student)).toBe(true);
  });

  it('works on the tRPC face too', async () => {
    const email = freshEmail();
    const out = await s.anonymous.auth.register({ name: 'Trpc Person', email, password: STRONG });
    expect(out.message).toMatch(/verify/i);
    expect(await s.db.user.count({ where: { email } })).toBe(1);
  });

  it.each([
    [{ name: 'X', email: 'not-an-email', password: STRONG }, 'email'],
    [{ name: 'X', email: 'a@example.org', password: 'short' }, 'password'],
    [{ name: 'X', email: 'a@example.org', password: 'x'.repeat(129) }, 'password'],
    [{ name: '', email: 'a@example.org', password: STRONG }, 'name'],
    [{ name: 'X', email: 'a@example.org', password: STRONG, role: 'instructor' }, 'role'],
    [{ name: 'X', email: 'a@example.org', password: STRONG, role: 'admin' }, 'role'],
  ])('refuses bad input %j with 400 naming the field', async (payload, field) => {
    const res = await post('/api/auth/register', payload);
    expect(res.status).toBe(400);
    expect(res.body.error!.issues!.map((i) => i.path[0])).toContain(field);
  });

  it('accepts 64-character passwords and refuses the most common ones, case-insensitively', async () => {
    const long = await post('/api/auth/register', {
      name: 'L',
      email: freshEmail(),
      password: 'p'.repeat(30) + STRONG + 'q'.repeat(5),
    });
    expect(long.status).toBe(200);
    for (const password of ['password1', 'PassWord123', 'qwertyuiop', 'iloveyou']) {
      const res = await post('/api/auth/register', { name: 'C', email: freshEmail(), password });
      expect(res.status).toBe(400);
      expect(res.body.error!.message).toMatch(/common/);
      // Named like a validation error, so a form shows it under the password field.
      expect(res.body.error!.issues).toEqual([{ path: ['password'], message: res.body.error!.message }]);
    }
    const trpc = await s.app.inject({
      method: 'POST',
      url: '/trpc/auth.register',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ json: { name: 'C', email: freshEmail(), password: 'iloveyou' } }),
    });
    expect(trpc.statusCode).toBe(400);
    expect(trpc.json<{ error: { json: { data: { issues: unknown } } } }>().error.json.data.issues).toEqual([
      { path: ['password'], message: expect.stringMatching(/common/) as unknown },
    ]);
    await expect(
      s.anonymous.auth.register({ name: 'C', email: freshEmail(), password: '12345678' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('auth.verifyEmail and resendVerification', () => {
  it('verifies once; the link cannot be used again, then sign-in works', async () => {
    const email = freshEmail();
    await post('/api/auth/register', { name: 'Vera', email, password: STRONG });
    const token = linkToken(await lastEmail(s, email, 'verification'));
    handedOut.push(token);
    const before = await login(email, STRONG);
    expect(before.status).toBe(403);
    expect(before.body.error!.message).toMatch(/verify your email/i);

    const ok = await s.rest<Body>(`/api/auth/verify-email/${token}`);
    expect(ok.status).toBe(200);
    expect(ok.body.message).toMatch(/verified/i);
    expect((await s.db.user.findUniqueOrThrow({ where: { email } })).emailVerified).toBe(true);
    expect((await lastEmail(s, email, 'welcome')).text).toContain('Hi Vera,');

    const again = await post('/api/auth/verify-email', { token });
    expect(again.status).toBe(400);
    expect(again.body.error!.message).toMatch(/invalid, already used or expired/);
    expect((await login(email, STRONG)).status).toBe(200);
  });

  it('refuses an expired link, and resend sends a new one that works', async () => {
    const email = freshEmail();
    await post('/api/auth/register', { name: 'Late', email, password: STRONG });
    const old = linkToken(await lastEmail(s, email, 'verification'));
    const start = s.clock.now();
    try {
      s.clock.advance(24 * 3600 * 1000 + 1000);
      expect(await s.anonymous.auth.verifyEmail({ token: old }).catch((e: { code: string }) => e.code)).toBe(
        'BAD_REQUEST',
      );
      const known = await post('/api/auth/resend-verification', { email });
      const unknown = await post('/api/auth/resend-verification', { email: freshEmail() });
      expect(known.status).toBe(200);
      expect(unknown.body).toEqual(known.body);
      const fresh = linkToken(await lastEmail(s, email, 'verification'));
      expect(fresh).not.toBe(old);
      expect((await s.anonymous.auth.verifyEmail({ token: fresh })).message).toMatch(/verified/i);
    } finally {
      s.clock.set(start);
    }
  });

  it('answers a made-up token with 400, not 500', async () => {
    expect((await s.rest('/api/auth/verify-email/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')).status).toBe(400);
    expect((await s.rest('/api/auth/verify-email/x')).status).toBe(400);
  });
});

describe('auth.login', () => {
  it('signs in with a token, a refresh token, the user and an HttpOnly SameSite=Lax cookie', async () => {
    const res = await login(DEMO_EMAILS.student, DEMO_PASSWORDS.student);
    expect(res.status).toBe(200);
    expect(res.body.token).toMatch(/^[a-z2-7]{32}$/);
    expect(res.body.refreshToken).toBe(res.body.token);
    expect(res.body.user).toMatchObject({
      email: DEMO_EMAILS.student,
      role: 'student',
      subscriptionTier: expect.any(String) as unknown,
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^lgpt_session=[a-z2-7]{32};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // plain http in tests; production uses __Host- + Secure
    const row = await s.db.session.findUniqueOrThrow({ where: { id: hashToken(res.body.token) } });
    expect(row).toMatchObject({ ipAddress: '127.0.0.1' });
    const user = await s.db.user.findUniqueOrThrow({ where: { email: DEMO_EMAILS.student } });
    expect(user.lastLoginAt).toEqual(s.clock.now());

    const byBearer = await s.rest<Body>({ url: '/api/auth/profile', headers: s.bearer(res.body.token) });
    expect(byBearer.status).toBe(200);
    expect(byBearer.body.user).toMatchObject({ email: DEMO_EMAILS.student });
    const byCookie = await s.rest<Body>({
      url: '/api/auth/profile',
      headers: { cookie: `lgpt_session=${res.body.token}` },
    });
    expect(byCookie.status).toBe(200);
  });

  it('gives a new token at every sign-in', async () => {
    const a = await login(DEMO_EMAILS.certified, DEMO_PASSWORDS.student);
    const b = await login(DEMO_EMAILS.certified, DEMO_PASSWORDS.student);
    expect(a.body.token).not.toBe(b.body.token);
  });

  it('answers an unknown address and a wrong password with the same status and body', async () => {
    const wrong = await login(DEMO_EMAILS.instructor, 'not the password at all');
    const unknown = await login('nobody.here@example.org', 'not the password at all');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body.error!.message).toBe('Invalid email or password.');
    await expect(
      s.anonymous.auth.login({ email: 'nobody.here@example.org', password: 'whatever123' }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: 'Invalid email or password.' });
  });

  it('refuses a banned account with a clear message once the password is right', async () => {
    const res = await login(DEMO_EMAILS.banned, DEMO_PASSWORDS.student);
    expect(res.status).toBe(403);
    expect(res.body.error!.message).toMatch(/suspended/);
    expect((await login(DEMO_EMAILS.banned, 'wrong password!')).status).toBe(401);
  });

  it('upgrades a hash made with weaker parameters at sign-in', async () => {
    const email = await registeredAndVerified();
    const weak = await argon2.hash(STRONG, { type: argon2.argon2id, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    await s.db.user.update({ where: { email }, data: { passwordHash: weak } });
    expect((await login(email, STRONG)).status).toBe(200);
    const after = (await s.db.user.findUniqueOrThrow({ where: { email } })).passwordHash!;
    expect(after).not.toBe(weak);
    expect(passwordNeedsRehash(after)).toBe(false);
    expect((await login(email, STRONG)).status).toBe(200);
  });
});

describe('sessions: logout, refresh, list, revoke', () => {
  it('logout ends the session and clears the cookie', async () => {
    const { token } = await s.signIn(DEMO_EMAILS.applicant, DEMO_PASSWORDS.student);
    handedOut.push(token);
    const out = await post('/api/auth/logout', {}, { cookie: `lgpt_session=${token}` });
    expect(out.status).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/lgpt_session=;.*Expires=Thu, 01 Jan 1970/);
    expect(await s.db.session.count({ where: { id: hashToken(token) } })).toBe(0);
    expect((await s.rest({ url: '/api/auth/profile', headers: s.bearer(token) })).status).toBe(401);
    expect((await post('/api/auth/logout', {}, s.bearer(token))).status).toBe(401);
  });

  it('refresh rotates the token: the old one dies, the hard cap stays', async () => {
    const { token } = await s.signIn(DEMO_EMAILS.student, DEMO_PASSWORDS.student);
    const before = await s.db.session.findUniqueOrThrow({ where: { id: hashToken(token) } });
    const res = await post<Body & { token: string; refreshToken: string }>('/api/auth/refresh-token', {
      refreshToken: token,
    });
    expect(res.status).toBe(200);
    handedOut.push(res.body.token);
    expect(res.body.token).not.toBe(token);
    expect(res.body.refreshToken).toBe(res.body.token);
    expect(new Date(res.body.absoluteExpiresAt as string)).toEqual(before.absoluteExpiresAt);
    expect((await s.rest({ url: '/api/auth/profile', headers: s.bearer(token) })).status).toBe(401);
    expect((await s.rest({ url: '/api/auth/profile', headers: s.bearer(res.body.token) })).status).toBe(200);
    // The old refresh token cannot be used again.
    expect((await post('/api/auth/refresh-token', { refreshToken: token })).status).toBe(401);
    // With the session cookie and no body, on the tRPC face.
    const viaCaller = await s.withToken(res.body.token).auth.refresh({});
    handedOut.push(viaCaller.token);
    expect(viaCaller.token).not.toBe(res.body.token);
    await expect(s.anonymous.auth.refresh({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('lists my sessions, revokes one, and revokes all the others', async () => {
    const a = await s.signIn(DEMO_EMAILS.certified, DEMO_PASSWORDS.student);
    const b = await s.signIn(DEMO_EMAILS.certified, DEMO_PASSWORDS.student);
    const c = await s.signIn(DEMO_EMAILS.certified, DEMO_PASSWORDS.student);
    handedOut.push(a.token, b.token, c.token);
    const list = await a.caller.auth.sessions();
    expect(list.sessions.filter((x) => x.current).map((x) => x.id)).toEqual([hashToken(a.token)]);
    expect(list.sessions.map((x) => x.id)).toEqual(expect.arrayContaining([hashToken(b.token), hashToken(c.token)]));

    // Someone else's session id is not found.
    const other = await s.sessionFor('admin');
    handedOut.push(other.token);
    const del = await s.rest<Body>({
      method: 'DELETE',
      url: `/api/auth/sessions/${hashToken(other.token)}`,
      headers: s.bearer(a.token),
    });
    expect(del.status).toBe(404);
    expect((await s.rest({ url: '/api/auth/profile', headers: s.bearer(other.token) })).status).toBe(200);

    const ok = await s.rest({
      method: 'DELETE',
      url: `/api/auth/sessions/${hashToken(b.token)}`,
      headers: s.bearer(a.token),
    });
    expect(ok.status).toBe(200);
    expect((await s.rest({ url: '/api/auth/profile', headers: s.bearer(b.token) })).status).toBe(401);

    const rest = await post<Body & { revoked: number }>('/api/auth/sessions/revoke-others', {}, s.bearer(a.token));
    expect(rest.status).toBe(200);
    expect(rest.body.revoked).toBeGreaterThanOrEqual(1);
    expect((await s.rest({ url: '/api/auth/profile', headers: s.bearer(c.token) })).status).toBe(401);
    expect((await s.rest({ url: '/api/auth/profile', headers: s.bearer(a.token) })).status).toBe(200);
    expect((await a.caller.auth.sessions()).sessions).toHaveLength(1);
  });

  it('ends sessions after the idle timeout and at the absolute lifetime (injected clock)', async () => {
    const start = s.clock.now();
    const DAY = 24 * 3600 * 1000;
    try {
      const idle = await s.sessionFor('instructor');
      handedOut.push(idle.token);
      s.clock.advance(6 * DAY);
      expect((await s.rest({ url: '/api/auth/profile', headers: s.bearer(idle.token) })).status).toBe(200);
      const extended = await s.db.session.findUniqueOrThrow({ where: { id: hashToken(idle.token) } });
      expect(extended.expiresAt).toEqual(new Date(s.clock.now().getTime() + 7 * DAY));
      s.clock.advance(7 * DAY + 1);
      expect((await s.rest({ url: '/api/auth/profile', headers: s.bearer(idle.token) })).status).toBe(401);
      expect(await s.db.session.count({ where: { id: hashToken(idle.token) } })).toBe(0);

      s.clock.set(start);
      const busy = await s.sessionFor('instructor');
      handedOut.push(busy.token);
      for (let day = 4; day < 30; day += 4) {
        s.clock.set(new Date(start.getTime() + day * DAY));
        expect((await s.rest({ url: '/api/auth/profile', headers: s.bearer(busy.token) })).status).toBe(200);
      }
      const row = await s.db.session.findUniqueOrThrow({ where: { id: hashToken(busy.token) } });
      expect(row.expiresAt.getTime()).toBeLessThanOrEqual(row.absoluteExpiresAt.getTime());
      s.clock.set(new Date(start.getTime() + 30 * DAY));
      expect((await s.rest({ url: '/api/auth/profile', headers: s.bearer(busy.token) })).status).toBe(401);
    } finally {
      s.clock.set(start);
    }
  });

  it('ends every session of a user who is banned, at once', async () => {
    const email = await registeredAndVerified();
    const { token } = await s.signIn(email, STRONG);
    handedOut.push(token);
    await s.db.user.update({ where: { email }, data: { status: 'banned' } });
    expect((await s.rest({ url: '/api/auth/profile', headers: s.bearer(token) })).status).toBe(401);
    const id = (await s.db.user.findUniqueOrThrow({ where: { email } })).id;
    expect(await s.db.session.count({ where: { userId: id } })).toBe(0);
  });
});

describe('cross-site requests', () => {
  it('refuses a cookie-authenticated mutation from another site with 403, on both faces', async () => {
    const { token } = await s.signIn(DEMO_EMAILS.student, DEMO_PASSWORDS.student);
    handedOut.push(token);
    const cookie = `lgpt_session=${token}`;
    const bySite = await post(
      '/api/auth/logout',
      {},
      { cookie, 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
    );
    expect(bySite.status).toBe(403);
    expect(bySite.body).toMatchObject({ success: false, error: { code: 'FORBIDDEN' } });
    const byOrigin = await post('/api/auth/logout', {}, { cookie, origin: 'https://evil.example' });
    expect(byOrigin.status).toBe(403);
    const trpc = await s.rest({
      method: 'POST',
      url: '/trpc/auth.logout',
      headers: { cookie, 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
      payload: {},
    });
    expect(trpc.status).toBe(403);
    expect(await s.db.session.count({ where: { id: hashToken(token) } })).toBe(1);

    // Our own apps, and Bearer clients, are fine.
    const fromApp = await post(
      '/api/auth/sessions/revoke-others',
      {},
      { cookie, origin: 'http://localhost:5173', 'sec-fetch-site': 'same-site' },
    );
    expect(fromApp.status).toBe(200);
    const bearer = await post(
      '/api/auth/sessions/revoke-others',
      {},
      { ...s.bearer(token), 'sec-fetch-site': 'cross-site' },
    );
    expect(bearer.status).toBe(200);
    // Reads are not mutations.
    const read = await s.rest({ url: '/api/auth/profile', headers: { cookie, 'sec-fetch-site': 'cross-site' } });
    expect(read.status).toBe(200);
  });
});

describe('password reset', () => {
  it('answers the same whether the address has an account or not', async () => {
    const known = await post('/api/auth/forgot-password', { email: DEMO_EMAILS.instructor });
    const unknown = await post('/api/auth/forgot-password', { email: 'nobody.at.all@example.org' });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(unknown.body).toEqual(known.body);
    expect(await deliveredEmails(s, 'nobody.at.all@example.org')).toEqual([]);
    const mail = await lastEmail(s, DEMO_EMAILS.instructor, 'password-reset');
    expect(mail.link).toMatch(/^https:\/\/learn\.example\.com\/reset-password\?token=[a-z2-7]{32}$/);
    handedOut.push(linkToken(mail));
  });

  it('resets once with a link valid 1 hour, ends every session and tells the owner', async () => {
    const email = await registeredAndVerified();
    const a = await s.signIn(email, STRONG);
    const b = await s.signIn(email, STRONG);
    handedOut.push(a.token, b.token);
    await post('/api/auth/forgot-password', { email });
    const token = linkToken(await lastEmail(s, email, 'password-reset'));
    handedOut.push(token);
    const row = await s.db.oneTimeToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(row.expiresAt.getTime() - s.clock.now().getTime()).toBe(3600 * 1000);

    const weak = await post(`/api/auth/reset-password/${token}`, { password: 'password123' });
    expect(weak.status).toBe(400);
    const NEW = 'a brand new passphrase here';
    const ok = await post(`/api/auth/reset-password/${token}`, { password: NEW });
    expect(ok.status).toBe(200);
    for (const t of [a.token, b.token]) {
      expect((await s.rest({ url: '/api/auth/profile', headers: s.bearer(t) })).status).toBe(401);
    }
    expect(await lastEmail(s, email, 'password-changed')).toBeTruthy();
    expect((await login(email, STRONG)).status).toBe(401);
    expect((await login(email, NEW)).status).toBe(200);
    expect((await post('/api/auth/reset-password', { token, password: 'yet another passphrase' })).status).toBe(400);
    expect(await s.db.auditLog.count({ where: { action: 'auth.password_reset', entityId: row.userId } })).toBe(1);
  });

  it('refuses a link older than 1 hour', async () => {
    const email = await registeredAndVerified();
    await s.anonymous.auth.forgotPassword({ email });
    const token = linkToken(await lastEmail(s, email, 'password-reset'));
    handedOut.push(token);
    const start = s.clock.now();
    try {
      s.clock.advance(3600 * 1000 + 1);
      await expect(s.anonymous.auth.resetPassword({ token, password: 'late passphrase words' })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/expired/) as unknown,
      });
    } finally {
      s.clock.set(start);
    }
  });

  it('lets exactly one of ten concurrent redemptions of one link succeed', async () => {
    const email = await registeredAndVerified();
    await post('/api/auth/forgot-password', { email });
    const token = linkToken(await lastEmail(s, email, 'password-reset'));
    handedOut.push(token);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        post(`/api/auth/reset-password/${token}`, { password: `concurrent passphrase ${i}` }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, ...Array<number>(9).fill(400)]);
    const winner = results.findIndex((r) => r.status === 200);
    expect((await login(email, `concurrent passphrase ${winner}`)).status).toBe(200);
    expect(
      await deliveredEmails(s, email).then((m) => m.filter((e) => e.template === 'password-changed')),
    ).toHaveLength(1);
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After before the 20th wrong password; the owner can still reset and sign in', async () => {
    const email = await registeredAndVerified();
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof login>> | undefined;
    for (let i = 0; i < 19; i++) {
      const res = await login(email, `wrong guess number ${i}`);
      statuses.push(res.status);
      if (res.status === 429) {
        limited = res;
        break;
      }
    }
    expect(limited, `statuses: ${statuses.join(',')}`).toBeDefined();
    expect(Number(limited!.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited!.body.error).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringMatching(/try again in/) as unknown,
    });
    // The right password waits too (otherwise the limit would be an oracle).
    expect((await login(email, STRONG)).status).toBe(429);
    // The tRPC face answers 429 with the header as well.
    const trpc = await s.rest({
      method: 'POST',
      url: '/trpc/auth.login',
      headers: { 'content-type': 'application/json' },
      payload: { json: { email, password: 'wrong again!' } },
    });
    expect(trpc.status).toBe(429);
    expect(Number(trpc.headers['retry-after'])).toBeGreaterThan(0);
    // An unknown address is limited in the same way.
    for (let i = 0; i < 19; i++) if ((await login('ghost.user@example.org', `guess ${i} guess`)).status === 429) break;
    expect((await login('ghost.user@example.org', 'one more guess')).status).toBe(429);

    await post('/api/auth/forgot-password', { email });
    const token = linkToken(await lastEmail(s, email, 'password-reset'));
    handedOut.push(token);
    expect((await post(`/api/auth/reset-password/${token}`, { password: 'owner is back again' })).status).toBe(200);
    expect((await login(email, 'owner is back again')).status).toBe(200);
  });

  it('stops a stream of wrong passwords for one account from many addresses', async () => {
    const email = await registeredAndVerified();
    let status = 0;
    for (let i = 0; i < 60 && status !== 429; i++) {
      const res = await login(email, `spread guess ${i}`, { 'x-forwarded-for': `10.0.${i}.1` });
      status = res.status;
    }
    // TRUST_PROXY is off in tests, so every request is 127.0.0.1: the pair limit holds it anyway.
    expect(status).toBe(429);
  });

  it('limits registration, forgot-password and resend per address with 429 and Retry-After', async () => {
    const email = freshEmail();
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await post('/api/auth/forgot-password', { email })).status);
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    const last = await post('/api/auth/forgot-password', { email });
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);

    const reg: number[] = [];
    for (let i = 0; i < 5; i++)
      reg.push((await post('/api/auth/register', { name: 'R', email, password: STRONG })).status);
    expect(reg).toEqual([200, 200, 200, 429, 429]);
    const resend: number[] = [];
    for (let i = 0; i < 5; i++) resend.push((await post('/api/auth/resend-verification', { email })).status);
    expect(resend).toEqual([200, 200, 200, 429, 429]);
  });

  it('counts atomically under concurrency (one upsert per hit)', async () => {
    const email = freshEmail();
    const res = await Promise.all(Array.from({ length: 8 }, () => post('/api/auth/forgot-password', { email })));
    expect(res.filter((r) => r.status === 200)).toHaveLength(3);
    const bucket = await s.db.rateLimitBucket.findUniqueOrThrow({ where: { key: `forgot:email:${email}` } });
    expect(bucket.count).toBe(8);
  });
});

describe('authorization', () => {
  it('refuses signed-in-only procedures to anonymous callers, on both faces', async () => {
    for (const url of [
      '/api/auth/profile',
      '/api/auth/sessions',
      '/api/users/profile',
      '/api/users/stats',
      '/api/users/export',
    ]) {
      const res = await s.rest<Body>(url);
      expect(res.status, url).toBe(401);
      expect(res.body.error!.code).toBe('UNAUTHORIZED');
    }
    expect((await post('/api/auth/logout', {})).status).toBe(401);
    expect(
      (await s.rest({ url: '/api/auth/profile', headers: s.bearer('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa') })).status,
    ).toBe(401);
    expect((await s.rest({ url: '/api/auth/profile', headers: { authorization: 'Bearer ' } })).status).toBe(401);
    await expect(s.anonymous.auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(s.anonymous.auth.sessions()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(s.anonymous.auth.logout()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('lets every role use auth.* and users.* for themselves', async () => {
    for (const role of ['student', 'instructor', 'admin'] as const) {
      const caller = await s.as(role);
      const me = await caller.auth.me();
      expect(me.user.role).toBe(role);
      expect((await caller.users.profile()).user.id).toBe(me.user.id);
      expect((await caller.auth.sessions()).sessions.length).toBeGreaterThan(0);
    }
  });
});

describe('bad input', () => {
  it('answers malformed requests with a clear 4xx, never a 500', async () => {
    const { token } = await s.sessionFor('admin');
    handedOut.push(token);
    const auth = s.bearer(token);
    const cases: [string, string, unknown, Record<string, string>?][] = [
      ['POST', '/api/auth/login', {}],
      ['POST', '/api/auth/login', { email: 42, password: ['x'] }],
      ['POST', '/api/auth/login', { email: 'a@example.org', password: 'x'.repeat(5000) }],
      ['POST', '/api/auth/register', { name: 'x'.repeat(500), email: 'a@example.org', password: STRONG }],
      ['POST', '/api/auth/forgot-password', { email: null }],
      ['POST', '/api/auth/resend-verification', {}],
      ['POST', '/api/auth/reset-password', { token: 'short', password: STRONG }],
      ['POST', `/api/auth/reset-password/${'z'.repeat(300)}`, { password: STRONG }],
      ['POST', '/api/auth/refresh-token', { refreshToken: 'x' }],
      ['DELETE', '/api/auth/sessions/not-a-hash', undefined, auth],
      ['GET', '/api/admin/users?page=0&limit=1000&role=root', undefined, auth],
      ['PUT', '/api/admin/users/not-a-uuid/role', { role: 'admin' }, auth],
      ['PUT', '/api/users/profile', { preferences: 'dark' }, auth],
      ['POST', '/api/users/change-password', { currentPassword: '', newPassword: 'x' }, auth],
    ];
    for (const [method, url, payload, headers] of cases) {
      const res = await s.rest<Body>({
        method: method as 'POST',
        url,
        ...(payload !== undefined ? { payload: payload as object } : {}),
        headers: headers ?? {},
      });
      expect(res.status, `${method} ${url}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${method} ${url}`).toBeLessThan(500);
      expect(res.body.success, `${method} ${url}`).toBe(false);
      expect(res.body.error!.message.length).toBeGreaterThan(0);
    }
    const garbled = await s.rest<Body>({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(garbled.status).toBe(400);
  });
});

describe('stored secrets', () => {
  it('keeps no raw session, verification or reset token anywhere in Session or OneTimeToken', async () => {
    expect(handedOut.length).toBeGreaterThan(20);
    const sessions = await s.db.session.findMany();
    const tokens = await s.db.oneTimeToken.findMany();
    expect(sessions.length).toBeGreaterThan(0);
    const dump = JSON.stringify([sessions, tokens]);
    for (const t of handedOut) expect(dump.includes(t), t).toBe(false);
    expect(sessions.every((r) => /^[0-9a-f]{64}$/.test(r.id))).toBe(true);
    expect(tokens.every((r) => /^[0-9a-f]{64}$/.test(r.tokenHash))).toBe(true);
    // The hash of a live token is what is stored.
    const live = handedOut.map(hashToken);
    expect(sessions.some((r) => live.includes(r.id))).toBe(true);
  });
});
