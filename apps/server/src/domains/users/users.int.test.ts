// users.*: the signed-in user's profile, stats, learning, password, deletion and data export.
// Expected numbers are computed here from the rows with plain Prisma queries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '@learningpt/core';
import { DEMO_EMAILS, DEMO_PASSWORDS } from '../../../../../prisma/seed/fixtures';
import { lastEmail } from '../../testing/outbox';
import { startTestServer, type TestServer } from '../../testing/harness';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

type Body = { success: boolean; error?: { code: string; message: string } } & Record<string, unknown>;
const STRONG = 'correct horse battery staple';
let n = 0;

/** A verified student with no learning rows at all. */
async function newStudent() {
  const email = `user.${++n}.${Date.now()}@example.org`;
  await s.anonymous.auth.register({ name: 'New Student', email, password: STRONG });
  await s.db.user.update({ where: { email }, data: { emailVerified: true } });
  const signed = await s.signIn(email, STRONG);
  return { email, ...signed };
}

describe('users.profile and updateProfile', () => {
  it('shows the seed fields and headline stats of the signed-in user', async () => {
    const john = await s.db.user.findUniqueOrThrow({ where: { email: DEMO_EMAILS.student } });
    const caller = await s.as('student', john.id);
    const { user } = await caller.users.profile();
    expect(user).toMatchObject({ id: john.id, email: john.email, name: john.name, role: 'student', bio: john.bio });
    const stats = await caller.users.stats();
    expect(user.stats).toEqual({
      programsEnrolled: stats.stats.programsEnrolled,
      quizzesTaken: stats.stats.quizzesTaken,
      certificatesEarned: stats.stats.certificatesEarned,
      totalPoints: stats.stats.totalPoints,
      streak: stats.stats.currentStreak,
    });
    // Live: active or trialing, period not over, plan active (past_due gives no plan).
    const live = await s.db.subscription.findFirst({
      where: {
        userId: john.id,
        status: { in: ['active', 'trialing'] },
        currentPeriodEnd: { gt: s.clock.now() },
        plan: { active: true },
      },
    });
    expect(user.subscriptionTier).toBe(live?.planId ?? 'free');
  });

  it('updates name, bio, links (merged) and preferences on both faces; only https avatars', async () => {
    const me = await newStudent();
    const upd = await me.caller.users.updateProfile({
      name: 'Renamed',
      bio: 'Hello',
      avatarUrl: 'https://cdn.example.com/a.png',
      socialLinks: { github: 'https://github.com/me', twitter: 'https://twitter.com/me' },
      preferences: { theme: 'dark', emailNotifications: false },
    });
    expect(upd.user).toMatchObject({ name: 'Renamed', bio: 'Hello', avatar: 'https://cdn.example.com/a.png' });
    const rest = await s.rest<Body & { user: { socialLinks: object; preferences: object } }>({
      method: 'PUT',
      url: '/api/auth/profile',
      headers: s.bearer(me.token),
      payload: {
        socialLinks: { twitter: null, linkedin: 'https://linkedin.com/in/me' },
        preferences: { theme: 'light' },
      },
    });
    expect(rest.status).toBe(200);
    expect(rest.body.user.socialLinks).toEqual({
      github: 'https://github.com/me',
      linkedin: 'https://linkedin.com/in/me',
    });
    expect(rest.body.user.preferences).toEqual({ theme: 'light', emailNotifications: false });

    for (const payload of [
      { avatarUrl: 'http://cdn.example.com/a.png' },
      { avatarUrl: 'javascript:alert(1)' },
      { socialLinks: { github: 'ftp://x' } },
      { socialLinks: { myspace: 'https://myspace.com/x' } },
      { preferences: { theme: 'neon' } },
      { name: '' },
      { role: 'admin' },
    ]) {
      const bad = await s.rest<Body>({
        method: 'PUT',
        url: '/api/users/profile',
        headers: s.bearer(me.token),
        payload,
      });
      expect(bad.status, JSON.stringify(payload)).toBe(400);
    }
    expect((await s.db.user.findUniqueOrThrow({ where: { email: me.email } })).role).toBe('student');
  });
});

describe('users.stats', () => {
  it('is all zeros for a user without rows', async () => {
    const me = await newStudent();
    const res = await s.rest<Body & { stats: Record<string, number> }>({
      url: '/api/users/stats',
      headers: s.bearer(me.token),
    });
    expect(res.status).toBe(200);
    expect(Object.values(res.body.stats).every((v) => v === 0)).toBe(true);
    expect(Object.keys(res.body.stats).sort()).toEqual(
      [
        'averageQuizScore',
        'certificatesEarned',
        'currentStreak',
        'learningTimeMinutes',
        'longestStreak',
        'programsCompleted',
        'programsEnrolled',
        'quizzesPassedPercentage',
        'quizzesTaken',
        'totalPoints',
      ].sort(),
    );
  });

  it('is computed from the rows of a seeded student', async () => {
    const attempt = await s.db.quizAttempt.findFirstOrThrow({ where: { status: 'submitted' } });
    const userId = attempt.userId;
    const submitted = await s.db.quizAttempt.findMany({ where: { userId, status: 'submitted' } });
    const progress = await s.db.lessonProgress.findMany({ where: { userId } });
    const caller = await s.as('student', userId);
    const { stats } = await caller.users.stats();
    expect(stats.programsEnrolled).toBe(
      await s.db.enrollment.count({ where: { userId, status: { not: 'cancelled' } } }),
    );
    expect(stats.programsCompleted).toBe(await s.db.enrollment.count({ where: { userId, status: 'completed' } }));
    expect(stats.quizzesTaken).toBe(submitted.length);
    expect(stats.totalPoints).toBe(submitted.reduce((a, x) => a + (x.score ?? 0), 0));
    const passed = submitted.filter((x) => x.passed).length;
    expect(stats.quizzesPassedPercentage).toBe(Math.round((passed / submitted.length) * 1000) / 10);
    const avg = submitted.reduce((a, x) => a + (x.scorePercent ?? 0), 0) / submitted.length;
    expect(stats.averageQuizScore).toBe(Math.round(avg * 10) / 10);
    expect(stats.certificatesEarned).toBe(await s.db.certificate.count({ where: { userId, status: 'valid' } }));
    expect(stats.learningTimeMinutes).toBe(Math.floor(progress.reduce((a, x) => a + x.timeSpentSeconds, 0) / 60));
    expect(stats.longestStreak).toBeGreaterThanOrEqual(stats.currentStreak);
    expect(stats.longestStreak).toBeGreaterThan(0);
  });
});

describe('users.enrolledPrograms and certificates', () => {
  it('lists my enrollments with pagination and my certificates with a share link', async () => {
    const cert = await s.db.certificate.findFirstOrThrow({ include: { program: true } });
    const caller = await s.as('student', cert.userId);
    const { programs, pagination } = await caller.users.enrolledPrograms({ limit: 100 });
    const expected = await s.db.enrollment.count({ where: { userId: cert.userId, status: { not: 'cancelled' } } });
    expect(pagination.total).toBe(expected);
    expect(programs).toHaveLength(expected);
    const { certificates } = await caller.users.certificates();
    const mine = certificates.find((c) => c.id === cert.id)!;
    expect(mine).toMatchObject({ programTitle: cert.program.title, verificationCode: cert.verificationCode });
    expect(mine.shareableLink).toBe(`http://localhost:5173/verify/${cert.verificationCode}`);
    const { token } = await s.sessionFor('student', cert.userId);
    const alias = await s.rest<Body & { programs: unknown[] }>({
      url: '/api/courses/enrolled?limit=100',
      headers: s.bearer(token),
    });
    expect(alias.status).toBe(200);
    expect(alias.body.programs).toHaveLength(expected);
  });
});

describe('users.changePassword', () => {
  it('needs the current password, refuses common ones, ends the other sessions and tells the owner', async () => {
    const me = await newStudent();
    const other = await s.signIn(me.email, STRONG);
    const wrong = await s.rest<Body>({
      method: 'POST',
      url: '/api/users/change-password',
      headers: s.bearer(me.token),
      payload: { currentPassword: 'not it at all', newPassword: 'a fresh passphrase' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error!.message).toMatch(/current password/);
    await expect(
      me.caller.users.changePassword({ currentPassword: STRONG, newPassword: 'password1' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/common/) as unknown });

    const ok = await s.rest<Body>({
      method: 'PUT',
      url: '/api/auth/change-password',
      headers: s.bearer(me.token),
      payload: { currentPassword: STRONG, newPassword: 'a fresh passphrase' },
    });
    expect(ok.status).toBe(200);
    expect((await s.rest({ url: '/api/auth/profile', headers: s.bearer(other.token) })).status).toBe(401);
    expect((await s.rest({ url: '/api/auth/profile', headers: s.bearer(me.token) })).status).toBe(200);
    expect(await lastEmail(s, me.email, 'password-changed')).toBeTruthy();
    await expect(s.signIn(me.email, STRONG)).rejects.toThrow(/401/);
    await s.signIn(me.email, 'a fresh passphrase');
  });
});

describe('users.deleteAccount', () => {
  it('needs the password; marks the account deleted, ends sessions and queues the erasure', async () => {
    const me = await newStudent();
    const wrong = await s.rest<Body>({
      method: 'DELETE',
      url: '/api/users/delete-account',
      headers: s.bearer(me.token),
      payload: { password: 'not my password' },
    });
    expect(wrong.status).toBe(400);
    const ok = await s.rest<Body & { eraseAfter: string }>({
      method: 'DELETE',
      url: '/api/users/delete-account',
      headers: s.bearer(me.token),
      payload: { password: STRONG },
    });
    expect(ok.status).toBe(200);
    expect(new Date(ok.body.eraseAfter).getTime()).toBe(s.clock.now().getTime() + 30 * 24 * 3600 * 1000);
    const row = await s.db.user.findUniqueOrThrow({ where: { email: me.email } });
    expect(row).toMatchObject({ status: 'deleted', deletedAt: s.clock.now() });
    expect(await s.db.session.count({ where: { userId: row.id } })).toBe(0);
    const jobs = await s.db.$queryRaw<{ payload: { userId: string }; run_at: Date }[]>`
      SELECT j.payload, j.run_at FROM graphile_worker._private_jobs j
      JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = 'erase_personal_data'`;
    expect(jobs.find((j) => j.payload.userId === row.id)?.run_at).toEqual(new Date(ok.body.eraseAfter));
    const again = await s.rest<Body>({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: me.email, password: STRONG },
    });
    expect(again.status).toBe(403);
    expect(again.body.error!.message).toMatch(/deleted/);
  });
});

describe('users.exportData', () => {
  it("returns the user's own rows and no secrets", async () => {
    const john = await s.db.user.findUniqueOrThrow({ where: { email: DEMO_EMAILS.student } });
    const { token } = await s.signIn(DEMO_EMAILS.student, DEMO_PASSWORDS.student);
    const res = await s.rest<Body & { user: { email: string }; data: Record<string, unknown[]> }>({
      url: '/api/users/export',
      headers: s.bearer(token),
    });
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe(john.email);
    expect(res.body.data.enrollments).toHaveLength(await s.db.enrollment.count({ where: { userId: john.id } }));
    const text = JSON.stringify(res.body);
    expect(text).not.toContain('passwordHash');
    expect(text).not.toContain('$argon2');
    expect(text).not.toContain(hashToken(token));
    expect(text).not.toContain(token);
  });
});
