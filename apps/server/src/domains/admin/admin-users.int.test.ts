// admin.users.*: list/search/filter, view, create, update, delete, ban/unban, role and status,
// each written to the audit log; admins cannot ban or demote themselves; nobody else may call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAILS, DEMO_PASSWORDS } from '../../../../../prisma/seed/fixtures';
import { startTestServer, type Caller, type TestServer } from '../../testing/harness';

let s: TestServer;
let admin: Caller;
let adminId: string;
let adminToken: string;
beforeAll(async () => {
  s = await startTestServer();
  const session = await s.sessionFor('admin');
  adminId = session.userId;
  adminToken = session.token;
  admin = s.withToken(adminToken);
});
afterAll(() => s.close());

type Body = { success: boolean; error?: { code: string; message: string } } & Record<string, unknown>;
const STRONG = 'correct horse battery staple';
let n = 0;
const freshEmail = () => `admin.made.${++n}.${Date.now()}@example.org`;

const audits = (entityId: string, action: string) =>
  s.db.auditLog.findMany({ where: { entityId, action, actorId: adminId } });

describe('admin.users.list and byId', () => {
  it('filters by role and status, searches name or email, and pages', async () => {
    const students = await s.db.user.count({ where: { role: 'student', status: 'active' } });
    const res = await s.rest<Body & { users: { role: string; status: string }[]; pagination: { total: number } }>({
      url: '/api/admin/users?role=student&status=active&limit=2&page=1',
      headers: s.bearer(adminToken),
    });
    expect(res.status).toBe(200);
    expect(res.body.pagination).toMatchObject({ total: students, totalUsers: students, currentPage: 1 });
    expect(res.body.users).toHaveLength(Math.min(2, students));
    expect(res.body.users.every((u) => u.role === 'student' && u.status === 'active')).toBe(true);

    const jane = await s.db.user.findUniqueOrThrow({ where: { email: DEMO_EMAILS.instructor } });
    const found = await admin.admin.users.list({ search: 'JANE.SMITH' });
    expect(found.users.map((u) => u.id)).toContain(jane.id);
    const byName = await admin.admin.users.list({ search: jane.name.split(' ')[1]!.toLowerCase() });
    expect(byName.users.map((u) => u.id)).toContain(jane.id);
    const banned = await admin.admin.users.list({ status: 'banned' });
    expect(banned.users.map((u) => u.email)).toContain(DEMO_EMAILS.banned);
    expect(JSON.stringify(banned)).not.toContain('argon2');

    const one = await admin.admin.users.byId({ id: jane.id });
    expect(one.user).toMatchObject({ id: jane.id, email: jane.email, role: 'instructor' });
    expect(one.user.counts.programs).toBe(await s.db.program.count({ where: { instructorId: jane.id } }));
    const missing = await s.rest({
      url: '/api/admin/users/01900000-0000-7000-8000-000000000000',
      headers: s.bearer(adminToken),
    });
    expect(missing.status).toBe(404);
    const malformed = await s.rest({ url: '/api/admin/users/not-a-uuid', headers: s.bearer(adminToken) });
    expect(malformed.status).toBe(400);
  });
});

describe('admin.users.create / update / delete', () => {
  it('creates a verified user who can sign in; refuses duplicates and common passwords', async () => {
    const email = freshEmail();
    const res = await s.rest<Body & { user: { id: string; role: string; emailVerified: boolean } }>({
      method: 'POST',
      url: '/api/admin/users',
      headers: s.bearer(adminToken),
      payload: { name: 'Made By Admin', email, password: STRONG, role: 'instructor' },
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ role: 'instructor', emailVerified: true });
    expect(await audits(res.body.user.id, 'user.create')).toHaveLength(1);
    await s.signIn(email, STRONG);
    await expect(admin.admin.users.create({ name: 'Dup', email, password: STRONG })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(
      admin.admin.users.create({ name: 'Weak', email: freshEmail(), password: 'password123' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('updates fields and records before/after in the audit log', async () => {
    const { user } = await admin.admin.users.create({ name: 'To Update', email: freshEmail(), password: STRONG });
    const newEmail = freshEmail();
    const res = await s.rest<Body & { user: { name: string; email: string } }>({
      method: 'PUT',
      url: `/api/admin/users/${user.id}`,
      headers: s.bearer(adminToken),
      payload: { name: 'Updated', email: newEmail.toUpperCase(), bio: 'b' },
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ name: 'Updated', email: newEmail });
    const [log] = await audits(user.id, 'user.update');
    expect(log!.data).toMatchObject({ changes: { name: 'Updated', email: newEmail } });
    await expect(admin.admin.users.update({ id: user.id, email: DEMO_EMAILS.student })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('deletes softly: status deleted, sessions ended, erasure queued, audited', async () => {
    const email = freshEmail();
    const { user } = await admin.admin.users.create({ name: 'To Delete', email, password: STRONG });
    const { token } = await s.signIn(email, STRONG);
    const res = await s.rest<Body>({
      method: 'DELETE',
      url: `/api/admin/users/${user.id}`,
      headers: s.bearer(adminToken),
    });
    expect(res.status).toBe(200);
    expect((await s.db.user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe('deleted');
    expect((await s.rest({ url: '/api/auth/profile', headers: s.bearer(token) })).status).toBe(401);
    expect(await audits(user.id, 'user.delete')).toHaveLength(1);
    await expect(admin.admin.users.delete({ id: user.id })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('admin.users.ban / unban / setRole / setStatus', () => {
  it('bans (sessions end at once, sign-in refused), unbans, and audits both', async () => {
    const email = freshEmail();
    const { user } = await admin.admin.users.create({ name: 'Ban Me', email, password: STRONG });
    const { token } = await s.signIn(email, STRONG);
    const ban = await s.rest<Body & { user: { status: string } }>({
      method: 'POST',
      url: `/api/admin/users/${user.id}/ban`,
      headers: s.bearer(adminToken),
      payload: { reason: 'Violation of terms of service' },
    });
    expect(ban.status).toBe(200);
    expect(ban.body.user.status).toBe('banned');
    expect(await s.db.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await s.rest({ url: '/api/auth/profile', headers: s.bearer(token) })).status).toBe(401);
    await expect(s.signIn(email, STRONG)).rejects.toThrow(/403.*suspended/);
    const [log] = await audits(user.id, 'user.ban');
    expect(log!.data).toMatchObject({ reason: 'Violation of terms of service', before: { status: 'active' } });

    expect((await admin.admin.users.unban({ id: user.id })).user.status).toBe('active');
    expect(await audits(user.id, 'user.unban')).toHaveLength(1);
    await s.signIn(email, STRONG);
  });

  it('changes roles and status, audited; the new role applies to live sessions', async () => {
    const email = freshEmail();
    const { user } = await admin.admin.users.create({ name: 'Promote Me', email, password: STRONG });
    const signed = await s.signIn(email, STRONG);
    await expect(signed.caller.admin.users.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const res = await s.rest<Body & { user: { role: string } }>({
      method: 'PUT',
      url: `/api/admin/users/${user.id}/role`,
      headers: s.bearer(adminToken),
      payload: { role: 'admin' },
    });
    expect(res.body.user.role).toBe('admin');
    expect((await signed.caller.admin.users.list({})).users.length).toBeGreaterThan(0);
    expect(await audits(user.id, 'user.role')).toHaveLength(1);

    const st = await s.rest<Body & { user: { status: string } }>({
      method: 'PUT',
      url: `/api/admin/users/${user.id}/status`,
      headers: s.bearer(adminToken),
      payload: { status: 'banned', reason: 'spam' },
    });
    expect(st.body.user.status).toBe('banned');
    await expect(signed.caller.auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await audits(user.id, 'user.status')).toHaveLength(1);
    const bad = await s.rest({
      method: 'PUT',
      url: `/api/admin/users/${user.id}/status`,
      headers: s.bearer(adminToken),
      payload: { status: 'frozen' },
    });
    expect(bad.status).toBe(400);
  });

  it('does not let an admin ban, demote, re-status or delete themselves', async () => {
    await expect(admin.admin.users.ban({ id: adminId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(admin.admin.users.setRole({ id: adminId, role: 'student' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(admin.admin.users.setStatus({ id: adminId, status: 'deleted' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(admin.admin.users.update({ id: adminId, role: 'instructor' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const del = await s.rest<Body>({
      method: 'DELETE',
      url: `/api/admin/users/${adminId}`,
      headers: s.bearer(adminToken),
    });
    expect(del.status).toBe(403);
    const me = await s.db.user.findUniqueOrThrow({ where: { id: adminId } });
    expect(me).toMatchObject({ role: 'admin', status: 'active' });
    // Setting what is already there is not a change.
    expect((await admin.admin.users.update({ id: adminId, role: 'admin', name: me.name })).user.role).toBe('admin');
  });
});

describe('authorization of admin.users.*', () => {
  it('refuses anonymous (401), students and instructors (403) on both faces', async () => {
    const target = await s.db.user.findFirstOrThrow({ where: { email: DEMO_EMAILS.student } });
    const calls: [string, string, object?][] = [
      ['GET', '/api/admin/users'],
      ['GET', `/api/admin/users/${target.id}`],
      ['POST', '/api/admin/users', { name: 'X', email: freshEmail(), password: STRONG }],
      ['PUT', `/api/admin/users/${target.id}`, { name: 'X' }],
      ['DELETE', `/api/admin/users/${target.id}`],
      ['POST', `/api/admin/users/${target.id}/ban`, {}],
      ['POST', `/api/admin/users/${target.id}/unban`, {}],
      ['PUT', `/api/admin/users/${target.id}/role`, { role: 'admin' }],
      ['PUT', `/api/admin/users/${target.id}/status`, { status: 'banned' }],
    ];
    const student = await s.sessionFor('student');
    const instructor = await s.sessionFor('instructor');
    for (const [method, url, payload] of calls) {
      const anon = await s.rest({ method: method as 'GET', url, ...(payload ? { payload } : {}) });
      expect(anon.status, `${method} ${url}`).toBe(401);
      for (const who of [student, instructor]) {
        const res = await s.rest({
          method: method as 'GET',
          url,
          headers: s.bearer(who.token),
          ...(payload ? { payload } : {}),
        });
        expect(res.status, `${method} ${url}`).toBe(403);
      }
    }
    const studentCaller = await s.as('student');
    await expect(studentCaller.admin.users.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(s.anonymous.admin.users.ban({ id: target.id })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await s.db.user.findUniqueOrThrow({ where: { id: target.id } })).status).toBe('active');
    expect(DEMO_PASSWORDS.student).toBeTruthy();
  });
});
