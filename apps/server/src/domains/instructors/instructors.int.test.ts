// Instructors (API.md "instructors"): applying, the admin's decision and what it leaves behind,
// public profiles with numbers computed from rows, and the instructor dashboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller, TestServer } from '../../testing/harness';
import { startTestServer } from '../../testing/harness';
import { enrollDirectly, makeProgram, makeUser, outcome, type TestUser } from '../../testing/learning-fixtures';
import { deliveredEmails } from '../../testing/outbox';

let s: TestServer;
let owner: TestUser;
let other: TestUser;
let admin: TestUser;

beforeAll(async () => {
  s = await startTestServer();
  [owner, other, admin] = await Promise.all([
    makeUser(s, 'instructor', 'Owner Instructor'),
    makeUser(s, 'instructor', 'Other Instructor'),
    makeUser(s, 'admin', 'Instructor Admin'),
  ]);
});
afterAll(() => s.close());

const application = (over: Record<string, unknown> = {}) => ({
  bio: 'I have taught web development for ten years, online and in classrooms, to over 2000 people.',
  expertise: ['React', 'Node.js'],
  experience: 'Senior developer at Tech Corp',
  education: 'BS Computer Science',
  socialLinks: { linkedin: 'https://linkedin.com/in/ada', github: 'https://github.com/ada' },
  sampleWork: 'https://portfolio.example.com',
  ...over,
});

/** A fresh student with a pending application. */
async function pendingApplication() {
  const student = await makeUser(s, 'student', `Applicant ${Math.random().toString(36).slice(2, 7)}`);
  const { applicationId } = await student.caller.instructors.applyToTeach(application());
  return { student, applicationId };
}

const emailOf = async (userId: string) => (await s.db.user.findUniqueOrThrow({ where: { id: userId } })).email;

describe('authorization matrix', () => {
  type Who = 'anonymous' | 'student' | 'otherInstructor' | 'owner' | 'admin';
  const WHO: Who[] = ['anonymous', 'student', 'otherInstructor', 'owner', 'admin'];
  const U = 'UNAUTHORIZED';
  const F = 'FORBIDDEN';
  const OK = 'OK';
  // Each cell gets a fresh student (so apply is never a repeat) and fresh application rows.
  const callerOf = async (who: Who): Promise<Caller> =>
    who === 'anonymous'
      ? s.anonymous
      : who === 'student'
        ? (await makeUser(s, 'student')).caller
        : { otherInstructor: other, owner, admin }[who].caller;
  const cases: { name: string; run: (c: Caller) => Promise<unknown>; expect: string[] }[] = [
    {
      name: 'instructors.applyToTeach',
      run: (c) => c.instructors.applyToTeach(application()),
      expect: [U, OK, F, F, F],
    },
    { name: 'instructors.applications', run: (c) => c.instructors.applications(), expect: [U, F, F, F, OK] },
    {
      name: 'instructors.approve',
      run: async (c) => c.instructors.approve({ id: (await pendingApplication()).applicationId }),
      expect: [U, F, F, F, OK],
    },
    {
      name: 'instructors.reject',
      run: async (c) =>
        c.instructors.reject({ id: (await pendingApplication()).applicationId, reason: 'Not enough teaching yet.' }),
      expect: [U, F, F, F, OK],
    },
    { name: 'instructors.byId', run: (c) => c.instructors.byId({ id: owner.id }), expect: [OK, OK, OK, OK, OK] },
    {
      name: 'instructors.programs',
      run: (c) => c.instructors.programs({ id: owner.id }),
      expect: [OK, OK, OK, OK, OK],
    },
    { name: 'instructors.dashboard', run: (c) => c.instructors.dashboard(), expect: [U, F, OK, OK, OK] },
  ];
  it.each(cases)('$name', async ({ run, expect: expected }) => {
    const got: string[] = [];
    for (const who of WHO) got.push(await outcome(run(await callerOf(who))));
    expect(got).toEqual(expected);
  });
});

describe('instructors.applyToTeach (POST /api/instructors/apply)', () => {
  it('keeps one pending application per user even for 10 concurrent requests', async () => {
    const student = await makeUser(s, 'student');
    const results = await Promise.all(
      Array.from({ length: 10 }, () => outcome(student.caller.instructors.applyToTeach(application()))),
    );
    expect(results.filter((r) => r === 'OK')).toHaveLength(1);
    expect(results.filter((r) => r === 'CONFLICT')).toHaveLength(9);
    expect(await s.db.instructorApplication.count({ where: { userId: student.id } })).toBe(1);
    // And admins hear of it once.
    const notes = await s.db.notification.count({ where: { userId: admin.id, type: 'instructor_application' } });
    expect(notes).toBeGreaterThanOrEqual(1);
  });

  it('answers a second application with 409 over REST, and lets a rejected applicant apply again', async () => {
    const { student, applicationId } = await pendingApplication();
    const again = await s.rest<{ success: boolean; error: { code: string; message: string } }>({
      method: 'POST',
      url: '/api/instructors/apply',
      headers: s.bearer(student.token),
      payload: application(),
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already have an application/);

    await admin.caller.instructors.reject({ id: applicationId, reason: 'Please add a sample of your teaching.' });
    const third = await student.caller.instructors.applyToTeach(application());
    expect(third.status).toBe('pending');
    const rows = await s.db.instructorApplication.findMany({
      where: { userId: student.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(rows.map((r) => r.status).sort()).toEqual(['pending', 'rejected']);
  });

  it('refuses bad input with 400 and issues a person can act on', async () => {
    const student = await makeUser(s, 'student');
    const res = await s.rest<{
      success: false;
      error: { code: string; issues: { path: string[]; message: string }[] };
    }>({
      method: 'POST',
      url: '/api/instructors/apply',
      headers: s.bearer(student.token),
      payload: application({
        bio: 'Too short',
        expertise: [],
        socialLinks: { linkedin: 'http://linkedin.com/in/ada' },
        sampleWork: 'ftp://files.example.com',
      }),
    });
    expect(res.status).toBe(400);
    expect(res.body.success).toBe(false);
    const paths = res.body.error.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['bio', 'expertise', 'socialLinks.linkedin', 'sampleWork']));
    expect(res.body.error.issues.find((i) => i.path[0] === 'bio')!.message).toMatch(/at least 50 characters/);
    expect(await s.db.instructorApplication.count({ where: { userId: student.id } })).toBe(0);
  });
});

describe('instructors.applications', () => {
  it('lists newest first with the applicant, filtered by status and paginated', async () => {
    const a = await pendingApplication();
    s.clock.advance(1000);
    const b = await pendingApplication();
    s.clock.advance(1000);
    const res = await admin.caller.instructors.applications({ status: 'pending', page: 1, limit: 2 });
    expect(res.applications.map((x) => x.id)).toEqual([b.applicationId, a.applicationId]);
    expect(res.applications[0]).toMatchObject({
      user: { id: b.student.id, name: b.student.name, email: await emailOf(b.student.id), avatar: null },
      status: 'pending',
      expertise: ['React', 'Node.js'],
      socialLinks: { linkedin: 'https://linkedin.com/in/ada' },
    });
    const pending = await s.db.instructorApplication.count({ where: { status: 'pending' } });
    expect(res.pagination).toMatchObject({ currentPage: 1, total: pending, hasNext: pending > 2 });
    const page2 = await admin.caller.instructors.applications({ status: 'pending', page: 2, limit: 2 });
    expect(page2.applications.map((x) => x.id)).not.toContain(b.applicationId);
    const rejected = await admin.caller.instructors.applications({ status: 'rejected', limit: 100 });
    expect(rejected.applications.every((x) => x.status === 'rejected')).toBe(true);

    const rest = await s.rest<{ success: boolean; applications: unknown[] }>({
      url: '/api/instructors/applications?status=pending&page=1&limit=1',
      headers: s.bearer(admin.token),
    });
    expect(rest.status).toBe(200);
    expect(rest.body.applications).toHaveLength(1);
  });
});

describe('instructors.approve / reject', () => {
  it('approve: role instructor, profile, notification and queued email, in one go; a second approve is 409', async () => {
    const { student, applicationId } = await pendingApplication();
    const res = await s.rest<{ success: boolean; application: { status: string; reviewedAt: string } }>({
      method: 'POST',
      url: `/api/instructors/applications/${applicationId}/approve`,
      headers: s.bearer(admin.token),
    });
    expect(res.status).toBe(200);
    expect(res.body.application.status).toBe('approved');

    const row = await s.db.instructorApplication.findUniqueOrThrow({ where: { id: applicationId } });
    expect(row).toMatchObject({ status: 'approved', reviewedById: admin.id, reviewedAt: s.clock.now() });
    expect((await s.db.user.findUniqueOrThrow({ where: { id: student.id } })).role).toBe('instructor');
    const profile = await s.db.instructorProfile.findUniqueOrThrow({ where: { userId: student.id } });
    expect(profile).toMatchObject({ expertise: ['React', 'Node.js'], bio: application().bio });
    const notes = await s.db.notification.findMany({ where: { userId: student.id } });
    expect(notes).toEqual([
      expect.objectContaining({ type: 'instructor_application', title: 'You are now an instructor' }),
    ]);
    const email = await emailOf(student.id);
    const emails = (await deliveredEmails(s, email)).filter((e) => e.template === 'instructor-approved');
    expect(emails).toHaveLength(1);
    expect(emails[0]!.link).toMatch(/\/teach$/);
    expect(await s.db.auditLog.count({ where: { action: 'instructor.approve', entityId: applicationId } })).toBe(1);

    // The same session now acts as an instructor; the public profile exists.
    expect(await outcome(student.caller.instructors.dashboard())).toBe('OK');
    expect((await s.anonymous.instructors.byId({ id: student.id })).instructor.expertise).toEqual(['React', 'Node.js']);

    expect(await outcome(admin.caller.instructors.approve({ id: applicationId }))).toBe('CONFLICT');
    expect(await outcome(admin.caller.instructors.reject({ id: applicationId, reason: 'Changed my mind here.' }))).toBe(
      'CONFLICT',
    );
    expect(await outcome(admin.caller.instructors.approve({ id: '01900000-0000-7000-8000-000000000000' }))).toBe(
      'NOT_FOUND',
    );
  });

  it('refuses to approve a banned or deleted applicant, writing nothing; rejecting them still works', async () => {
    for (const status of ['banned', 'deleted'] as const) {
      const { student, applicationId } = await pendingApplication();
      await s.db.user.update({
        where: { id: student.id },
        data: { status, ...(status === 'deleted' && { deletedAt: s.clock.now() }) },
      });
      const res = await s.rest<{ success: boolean; error: { code: string; message: string } }>({
        method: 'POST',
        url: `/api/instructors/applications/${applicationId}/approve`,
        headers: s.bearer(admin.token),
      });
      expect(res.status).toBe(409);
      expect(res.body.success).toBe(false);
      if (status === 'banned') {
        expect(res.body.error.message).toBe("This applicant's account is banned; unban it before approving.");
      }
      await expect(admin.caller.instructors.approve({ id: applicationId })).rejects.toMatchObject({
        code: 'CONFLICT',
      });

      const row = await s.db.instructorApplication.findUniqueOrThrow({ where: { id: applicationId } });
      expect(row).toMatchObject({ status: 'pending', reviewedById: null, reviewedAt: null });
      expect((await s.db.user.findUniqueOrThrow({ where: { id: student.id } })).role).toBe('student');
      expect(await s.db.instructorProfile.count({ where: { userId: student.id } })).toBe(0);
      expect(await s.db.notification.count({ where: { userId: student.id } })).toBe(0);
      expect(await s.db.auditLog.count({ where: { action: 'instructor.approve', entityId: applicationId } })).toBe(0);
      expect(
        (await deliveredEmails(s, await emailOf(student.id))).filter((e) => e.template === 'instructor-approved'),
      ).toHaveLength(0);

      const { application: rejected } = await admin.caller.instructors.reject({
        id: applicationId,
        reason: 'The account is not in good standing.',
      });
      expect(rejected.status).toBe('rejected');
    }
  });

  it('two admins approving at once: one wins, the other gets 409', async () => {
    const { applicationId } = await pendingApplication();
    const admin2 = await makeUser(s, 'admin');
    const results = await Promise.all([
      outcome(admin.caller.instructors.approve({ id: applicationId })),
      outcome(admin2.caller.instructors.reject({ id: applicationId, reason: 'Racing the other admin.' })),
    ]);
    expect(results.sort()).toEqual(['CONFLICT', 'OK']);
  });

  it('reject needs a reason (10..1000 characters), then notifies and emails it', async () => {
    const { student, applicationId } = await pendingApplication();
    for (const payload of [{}, { reason: 'too short' }, { reason: 'x'.repeat(1001) }]) {
      const res = await s.rest<{ error: { code: string; issues: { path: string[] }[] } }>({
        method: 'POST',
        url: `/api/instructors/applications/${applicationId}/reject`,
        headers: s.bearer(admin.token),
        payload,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.issues[0]!.path).toEqual(['reason']);
    }
    expect((await s.db.instructorApplication.findUniqueOrThrow({ where: { id: applicationId } })).status).toBe(
      'pending',
    );

    const reason = 'Please include a sample lesson you have recorded.';
    const { application: decided } = await admin.caller.instructors.reject({ id: applicationId, reason });
    expect(decided).toMatchObject({ status: 'rejected', rejectionReason: reason });
    expect((await s.db.user.findUniqueOrThrow({ where: { id: student.id } })).role).toBe('student');
    expect(await s.db.instructorProfile.count({ where: { userId: student.id } })).toBe(0);
    const note = await s.db.notification.findFirstOrThrow({ where: { userId: student.id } });
    expect(note.body).toContain(reason);
    const emails = (await deliveredEmails(s, await emailOf(student.id))).filter(
      (e) => e.template === 'instructor-rejected',
    );
    expect(emails).toHaveLength(1);
    expect(emails[0]!.text).toContain(`The reviewer's note: ${reason}`);
  });
});

describe('profile, programs and dashboard numbers', () => {
  let teacher: TestUser;
  let published: { id: string; title: string }[];
  let draft: { id: string };

  beforeAll(async () => {
    teacher = await makeUser(s, 'instructor', 'Numbers Teacher');
    await s.db.instructorProfile.create({
      data: {
        userId: teacher.id,
        expertise: ['SQL'],
        bio: 'Loves data.',
        approvedAt: new Date('2025-02-01T00:00:00Z'),
      },
    });
    published = [await makeProgram(s, { ownerId: teacher.id }), await makeProgram(s, { ownerId: teacher.id })];
    draft = await makeProgram(s, { ownerId: teacher.id, status: 'draft' });
    const deleted = await makeProgram(s, { ownerId: teacher.id, deleted: true });
    await makeProgram(s, { ownerId: other.id }); // someone else's: never counted

    const [a, b, c, d] = await Promise.all([1, 2, 3, 4].map(() => makeUser(s, 'student')));
    // a: both published (one student), b: first published, c: the draft, d: cancelled + deleted program.
    await enrollDirectly(s, a!.id, published[0]!.id);
    await enrollDirectly(s, a!.id, published[1]!.id);
    await enrollDirectly(s, b!.id, published[0]!.id);
    await enrollDirectly(s, c!.id, draft.id);
    await enrollDirectly(s, d!.id, published[1]!.id, { status: 'cancelled' });
    await enrollDirectly(s, d!.id, deleted.id);
    // One enrollment from last month (October 2026, the test clock is 2026-11-23).
    await s.db.enrollment.updateMany({
      where: { userId: b!.id, programId: published[0]!.id },
      data: { enrolledAt: new Date('2026-10-31T23:59:59Z') },
    });
    // Ratings: 4+5 on the first, 3 on the second, 1 on the draft (hidden from the public).
    await s.db.program.update({ where: { id: published[0]!.id }, data: { ratingTotal: 9, reviewCount: 2 } });
    await s.db.program.update({ where: { id: published[1]!.id }, data: { ratingTotal: 3, reviewCount: 1 } });
    await s.db.program.update({ where: { id: draft.id }, data: { ratingTotal: 1, reviewCount: 1 } });

    // Sales: a completed order this month (two items, 10.00 order discount), a failed payment
    // (never counted), a completed order last month.
    const order = async (
      n: string,
      items: [string, number][],
      status: 'completed' | 'failed',
      paidAt: Date | null,
      discount = 0,
    ) => {
      const subtotal = items.reduce((x, [, amount]) => x + amount, 0);
      const o = await s.db.order.create({
        data: {
          orderNumber: `ORD-${n}-${Date.now()}`,
          userId: a!.id,
          subtotal,
          discount,
          total: subtotal - discount,
          currency: 'USD',
          paidAt,
          items: {
            create: items.map(([programId, unitAmount]) => ({
              kind: 'program_access' as const,
              programId,
              accessType: 'bundle' as const,
              description: 'Program',
              unitAmount,
            })),
          },
        },
      });
      await s.db.payment.create({
        data: { orderId: o.id, amount: subtotal - discount, currency: 'USD', status, provider: 'manual' },
      });
    };
    await order(
      '1',
      [
        [published[0]!.id, 3499],
        [published[1]!.id, 1999],
      ],
      'completed',
      new Date('2026-11-05T10:00:00Z'),
      1000,
    );
    await order('2', [[published[0]!.id, 3499]], 'failed', null);
    await order('3', [[published[1]!.id, 1999]], 'completed', new Date('2026-10-15T10:00:00Z'));
  });

  it('byId computes rating, students, programs and reviews from the published programs', async () => {
    const { instructor } = await s.anonymous.instructors.byId({ id: teacher.id });
    expect(instructor).toMatchObject({
      id: teacher.id,
      name: 'Numbers Teacher',
      expertise: ['SQL'],
      bio: 'Loves data.',
      rating: 4, // (9 + 3) / (2 + 1)
      totalStudents: 2, // a and b (c: draft, d: cancelled / deleted program)
      totalPrograms: 2,
      totalReviews: 3,
      joinedAt: new Date('2025-02-01T00:00:00Z'),
    });
    const rest = await s.rest<{ success: boolean; instructor: { totalStudents: number } }>(
      `/api/instructors/${teacher.id}`,
    );
    expect(rest).toMatchObject({ status: 200, body: { success: true, instructor: { totalStudents: 2 } } });
  });

  it('byId and programs are 404 for someone who is not an instructor', async () => {
    const student = await makeUser(s, 'student');
    expect(await outcome(s.anonymous.instructors.byId({ id: student.id }))).toBe('NOT_FOUND');
    expect(await outcome(s.anonymous.instructors.byId({ id: admin.id }))).toBe('NOT_FOUND');
    expect(await outcome(s.anonymous.instructors.programs({ id: student.id }))).toBe('NOT_FOUND');
    expect((await s.rest(`/api/instructors/${student.id}`)).status).toBe(404);
    expect((await s.rest('/api/instructors/not-a-uuid')).status).toBe(400);
  });

  it('programs lists only published, non-deleted programs as catalog cards', async () => {
    const res = await s.anonymous.instructors.programs({ id: teacher.id });
    expect(res.programs.map((p) => p.id).sort()).toEqual(published.map((p) => p.id).sort());
    expect(res.programs[0]!.instructor).toMatchObject({ id: teacher.id, expertise: ['SQL'] });
    expect(res.pagination.total).toBe(2);
    const rest = await s.rest<{ programs: unknown[] }>(`/api/instructors/${teacher.id}/programs?limit=1`);
    expect(rest.status).toBe(200);
    expect(rest.body.programs).toHaveLength(1);
  });

  it('dashboard numbers equal those computed from the rows', async () => {
    const { stats } = await teacher.caller.instructors.dashboard();
    // Independently: the rows made above.
    const programIds = [...published.map((p) => p.id), draft.id];
    const enrollments = await s.db.enrollment.findMany({
      where: { programId: { in: programIds }, status: { not: 'cancelled' } },
    });
    const monthStart = new Date('2026-11-01T00:00:00Z');
    expect(stats).toMatchObject({
      totalStudents: new Set(enrollments.map((e) => e.userId)).size, // a, b, c
      totalPrograms: 3,
      publishedPrograms: 2,
      averageRating: Math.round(((9 + 3 + 1) / 4) * 10) / 10,
      totalReviews: 4,
      newEnrollmentsThisMonth: enrollments.filter((e) => e.enrolledAt >= monthStart).length,
      currency: 'USD',
      // Order 1: (34.99 + 19.99) less 10.00 discount pro rata → 34.99 * (1 - 10/54.98) + 19.99 * (1 - 10/54.98);
      // order 3 (October) 19.99; order 2 failed.
      totalRevenue: (Math.round(3499 * (1 - 1000 / 5498)) + Math.round(1999 * (1 - 1000 / 5498)) + 1999) / 100,
      revenueThisMonth: (Math.round(3499 * (1 - 1000 / 5498)) + Math.round(1999 * (1 - 1000 / 5498))) / 100,
    });
    expect(stats.totalStudents).toBe(3);
    expect(stats.newEnrollmentsThisMonth).toBe(3);
    expect(stats.topPrograms[0]).toEqual({
      id: published[0]!.id,
      title: published[0]!.title,
      enrollments: 2,
      revenue: Math.round(3499 * (1 - 1000 / 5498)) / 100,
      rating: 4.5,
    });
    expect(stats.topPrograms.map((p) => p.id)).not.toContain(undefined);
    expect(stats.topPrograms).toHaveLength(3);

    const rest = await s.rest<{ success: boolean; stats: { totalPrograms: number } }>({
      url: '/api/instructors/dashboard',
      headers: s.bearer(teacher.token),
    });
    expect(rest).toMatchObject({ status: 200, body: { success: true, stats: { totalPrograms: 3 } } });
  });

  it('dashboard of an instructor with nothing yet is all zeros, never invented', async () => {
    const fresh = await makeUser(s, 'instructor');
    const { stats } = await fresh.caller.instructors.dashboard();
    expect(stats).toMatchObject({
      totalStudents: 0,
      totalRevenue: 0,
      revenueThisMonth: 0,
      totalPrograms: 0,
      averageRating: 0,
      newEnrollmentsThisMonth: 0,
      topPrograms: [],
      revenueByCurrency: [],
    });
  });
});
