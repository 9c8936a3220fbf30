// Enrolling, reading lessons and tracking progress. Expected values come from the rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAILS } from '../../../../../prisma/seed/fixtures';
import { startTestServer, type TestServer } from '../../testing/harness';
import {
  enrollDirectly,
  makeProgram,
  makeUser,
  subscribe,
  type TestUser,
  containing,
} from '../../testing/learning-fixtures';

let s: TestServer;
let owner: TestUser;
let admin: TestUser;
beforeAll(async () => {
  s = await startTestServer();
  [owner, admin] = await Promise.all([makeUser(s, 'instructor', 'Owner Olivia'), makeUser(s, 'admin')]);
});
afterAll(() => s.close());

type ErrorBody = { success: false; error: { code: string; message: string } };

const enrollmentOf = (userId: string, programId: string) =>
  s.db.enrollment.findUnique({ where: { userId_programId: { userId, programId } } });
const enrolledCount = async (programId: string) =>
  (await s.db.program.findUniqueOrThrow({ where: { id: programId } })).enrolledCount;

describe('programs.lessons: outline for all, content with documentation access', () => {
  it('serves content only to viewers with documentation access (and preview lessons to all)', async () => {
    const p = await makeProgram(s, { ownerId: owner.id });
    const [stranger, reader, chatOnly] = await Promise.all([
      makeUser(s, 'student'),
      makeUser(s, 'student'),
      makeUser(s, 'student'),
    ]);
    await enrollDirectly(s, reader.id, p.id, { access: { documentation: true } });
    await enrollDirectly(s, chatOnly.id, p.id, { access: { chatbot: true } });
    const rows = await s.db.lesson.findMany({ where: { programId: p.id } });
    const contentOf = new Map(rows.map((l) => [l.id, l.content]));
    const previewId = rows.find((l) => l.isPreview)!.id;

    for (const [caller, full] of [
      [s.anonymous, false],
      [stranger.caller, false],
      [chatOnly.caller, false],
      [reader.caller, true],
      [owner.caller, true],
      [admin.caller, true],
    ] as const) {
      const out = await caller.programs.lessons({ id: p.id });
      const lessons = out.sections.flatMap((x) => x.lessons);
      expect(lessons.map((l) => l.id).sort()).toEqual([...contentOf.keys()].sort());
      expect(out.access.documentation).toBe(full);
      for (const l of lessons) {
        expect(l.content).toBe(full || l.id === previewId ? contentOf.get(l.id) : null);
      }
      expect(out.totalDurationMinutes).toBe(rows.reduce((n, l) => n + l.durationMinutes, 0));
    }
    expect((await reader.caller.programs.lessons({ id: p.id })).access.via).toBe('enrollment');
    expect((await owner.caller.programs.lessons({ id: p.id })).access.via).toBe('owner');

    const rest = await s.rest<{ success: boolean; sections: { lessons: { content: string | null }[] }[] }>({
      url: `/api/programs/${p.id}/lessons`,
      headers: s.bearer(reader.token),
    });
    expect(rest.status).toBe(200);
    expect(rest.body.sections.flatMap((x) => x.lessons).every((l) => l.content !== null)).toBe(true);
    const anon = await s.rest<{ sections: { lessons: { content: string | null }[] }[] }>(
      `/api/programs/${p.id}/lessons`,
    );
    expect(anon.body.sections.flatMap((x) => x.lessons).filter((l) => l.content !== null)).toHaveLength(1);
  });

  it('hides the outline of a draft from everyone but its staff', async () => {
    const p = await makeProgram(s, { ownerId: owner.id, status: 'draft' });
    await expect(s.anonymous.programs.lessons({ id: p.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await owner.caller.programs.lessons({ id: p.id })).lessonsTotal).toBe(p.lessonIds.length);
  });
});

describe('programs.enroll', () => {
  it('enrolls in a free program (source free), counts it, and notifies the instructor', async () => {
    const p = await makeProgram(s, { ownerId: owner.id, prices: 'free' });
    const student = await makeUser(s, 'student', 'Eager Eve');
    const before = await s.db.notification.count({ where: { userId: owner.id } });
    const out = await student.caller.programs.enroll({ id: p.id });
    expect(out.enrollment).toMatchObject({
      programId: p.id,
      source: 'free',
      status: 'active',
      access: { chatbot: true, documentation: true, examSimulator: true },
    });
    expect(await enrolledCount(p.id)).toBe(1);
    const notes = await s.db.notification.findMany({ where: { userId: owner.id }, orderBy: { createdAt: 'desc' } });
    expect(notes).toHaveLength(before + 1);
    expect(notes[0]).toMatchObject({ type: 'enrollment', link: `/programs/${p.slug}` });
    expect(notes[0]!.body).toContain('Eager Eve');
    await expect(student.caller.programs.enroll({ id: p.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await enrolledCount(p.id)).toBe(1);
  });

  it('answers 402 naming the price when neither free nor in the plan', async () => {
    const p = await makeProgram(s, { ownerId: owner.id, prices: [999, 1499, 1999, 3499] });
    const student = await makeUser(s, 'student');
    const res = await s.rest<ErrorBody>({
      method: 'POST',
      url: `/api/programs/${p.id}/enroll`,
      payload: {},
      headers: s.bearer(student.token),
    });
    expect(res.status).toBe(402);
    expect(res.body.error).toEqual({
      code: 'PAYMENT_REQUIRED',
      message:
        'This program costs $34.99 (bundle) — buy it with payments.createCheckout (POST /api/payments/checkout with programId and accessType); other parts: chatbot $9.99, documentation $14.99, exam simulator $19.99; or subscribe to the Basic or Premium plan (POST /api/subscriptions/subscribe).',
    });
    await expect(student.caller.programs.enroll({ id: p.id, accessType: 'chatbot' })).rejects.toMatchObject({
      code: 'PAYMENT_REQUIRED',
      message: containing('$9.99 (chatbot)'),
    });
    expect(await enrollmentOf(student.id, p.id)).toBeNull();
    expect(await enrolledCount(p.id)).toBe(0);
  });

  it('enrolls with source subscription when the live plan includes the program', async () => {
    const intermediate = await makeProgram(s, { ownerId: owner.id, level: 'intermediate' });
    const advanced = await makeProgram(s, { ownerId: owner.id, level: 'advanced' });
    const basic = await makeUser(s, 'student');
    await subscribe(s, basic.id, 'basic');
    const out = await basic.caller.programs.enroll({ id: intermediate.id });
    expect(out.enrollment).toMatchObject({ source: 'subscription', access: { documentation: true } });
    expect(await enrolledCount(intermediate.id)).toBe(1);
    // Basic covers beginner and intermediate programs only.
    await expect(basic.caller.programs.enroll({ id: advanced.id })).rejects.toMatchObject({ code: 'PAYMENT_REQUIRED' });
    const premium = await makeUser(s, 'student');
    await subscribe(s, premium.id, 'premium', { status: 'trialing' });
    expect((await premium.caller.programs.enroll({ id: advanced.id })).enrollment.source).toBe('subscription');
  });

  it('does not count a lapsed, past-due or cancelled subscription', async () => {
    const p = await makeProgram(s, { ownerId: owner.id, level: 'beginner' });
    for (const opts of [{ periodEndsInDays: -1 }, { status: 'past_due' as const }, { status: 'canceled' as const }]) {
      const student = await makeUser(s, 'student');
      await subscribe(s, student.id, 'premium', opts);
      await expect(student.caller.programs.enroll({ id: p.id })).rejects.toMatchObject({ code: 'PAYMENT_REQUIRED' });
    }
  });

  it('refuses drafts (404) and archived programs (422), re-activates a cancelled enrollment', async () => {
    const student = await makeUser(s, 'student');
    const draft = await makeProgram(s, { ownerId: owner.id, prices: 'free', status: 'draft' });
    await expect(student.caller.programs.enroll({ id: draft.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const archived = await makeProgram(s, { ownerId: owner.id, prices: 'free', status: 'archived' });
    await expect(student.caller.programs.enroll({ id: archived.id })).rejects.toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
    });
    const free = await makeProgram(s, { ownerId: owner.id, prices: 'free' });
    await enrollDirectly(s, student.id, free.id, { status: 'cancelled', access: {} });
    await student.caller.programs.enroll({ id: free.id });
    expect(await enrollmentOf(student.id, free.id)).toMatchObject({ status: 'active', documentationAccess: true });
    expect(await enrolledCount(free.id)).toBe(1);
  });

  it('10 concurrent enrolls of one user: one enrollment, enrolledCount +1, one notification', async () => {
    const p = await makeProgram(s, { ownerId: owner.id, prices: 'free' });
    const student = await makeUser(s, 'student');
    const notesBefore = await s.db.notification.count({ where: { userId: owner.id } });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => student.caller.programs.enroll({ id: p.id })),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(refused.map((r) => (r.reason as { code: string }).code)).toEqual(Array(9).fill('CONFLICT'));
    expect(await s.db.enrollment.count({ where: { userId: student.id, programId: p.id } })).toBe(1);
    expect(await enrolledCount(p.id)).toBe(1);
    expect(await s.db.notification.count({ where: { userId: owner.id } })).toBe(notesBefore + 1);
  });

  it('keeps enrolledCount exact when many students enroll at once', async () => {
    const p = await makeProgram(s, { ownerId: owner.id, prices: 'free' });
    const students = await Promise.all(Array.from({ length: 12 }, () => makeUser(s, 'student')));
    await Promise.all(students.map((x) => x.caller.programs.enroll({ id: p.id })));
    const rows = await s.db.enrollment.count({ where: { programId: p.id, status: { not: 'cancelled' } } });
    expect(rows).toBe(12);
    expect(await enrolledCount(p.id)).toBe(rows);
  });
});

describe('programs.completeLesson and programs.progress', () => {
  it('is idempotent, adds up time, and keeps progressPercent / lastAccessedAt / completedAt', async () => {
    const p = await makeProgram(s, { ownerId: owner.id, sections: 1, lessonsPerSection: 2 });
    const student = await makeUser(s, 'student');
    await enrollDirectly(s, student.id, p.id);
    const [l1, l2] = p.lessonIds as [string, string];

    const first = await student.caller.programs.completeLesson({ id: p.id, lessonId: l1, timeSpentSeconds: 120 });
    s.clock.advance(60_000);
    const again = await student.caller.programs.completeLesson({ id: p.id, lessonId: l1, timeSpentSeconds: 60 });
    expect(first.newlyCompleted).toBe(true);
    expect(again.newlyCompleted).toBe(false);
    const rows = await s.db.lessonProgress.findMany({ where: { userId: student.id, programId: p.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ lessonId: l1, timeSpentSeconds: 180 });
    expect(rows[0]!.completedAt!.getTime()).toBe(s.clock.now().getTime() - 60_000); // the first completion is kept
    let e = (await enrollmentOf(student.id, p.id))!;
    expect(e).toMatchObject({ progressPercent: 50, status: 'active', completedAt: null });
    expect(e.lastAccessedAt).toEqual(s.clock.now());

    const done = await student.caller.programs.completeLesson({ id: p.id, lessonId: l2 });
    e = (await enrollmentOf(student.id, p.id))!;
    expect(e).toMatchObject({ progressPercent: 100, status: 'completed' });
    expect(e.completedAt).toEqual(s.clock.now());
    expect(done.progress).toEqual({
      programId: p.id,
      completionPercentage: 100,
      lessonsCompleted: 2,
      lessonsTotal: 2,
      quizzesTaken: 0,
      quizzesTotal: 0,
      timeSpentMinutes: 3,
      lastAccessedAt: s.clock.now(),
      completedAt: s.clock.now(),
    });
    const rest = await s.rest<{ success: boolean; progress: { completionPercentage: number } }>({
      url: `/api/programs/${p.id}/progress`,
      headers: s.bearer(student.token),
    });
    expect(rest.body).toMatchObject({ success: true, progress: { completionPercentage: 100, lessonsCompleted: 2 } });
  });

  it('shows the new progress in users.enrolledPrograms (and GET /api/courses/enrolled)', async () => {
    const p = await makeProgram(s, { ownerId: owner.id, prices: 'free', sections: 1, lessonsPerSection: 4 });
    const student = await makeUser(s, 'student');
    await student.caller.programs.enroll({ id: p.id });
    await student.caller.programs.completeLesson({ id: p.id, lessonId: p.lessonIds[0]! });
    const mine = await student.caller.users.enrolledPrograms();
    expect(mine.programs.find((x) => x.id === p.id)).toMatchObject({ progress: 25, status: 'active' });
    const rest = await s.rest<{ programs: { id: string; progress: number }[] }>({
      url: '/api/courses/enrolled',
      headers: s.bearer(student.token),
    });
    expect(rest.body.programs.find((x) => x.id === p.id)?.progress).toBe(25);
  });

  it('records concurrent completions of different lessons without losing any', async () => {
    const p = await makeProgram(s, { ownerId: owner.id, sections: 2, lessonsPerSection: 3 });
    const student = await makeUser(s, 'student');
    await enrollDirectly(s, student.id, p.id);
    await Promise.all(p.lessonIds.map((lessonId) => student.caller.programs.completeLesson({ id: p.id, lessonId })));
    expect(await enrollmentOf(student.id, p.id)).toMatchObject({ progressPercent: 100, status: 'completed' });
  });

  it('refuses lessons of other programs (404), non-enrolled callers and enrollments without documentation (403)', async () => {
    const p = await makeProgram(s, { ownerId: owner.id });
    const other = await makeProgram(s, { ownerId: owner.id });
    const [student, chatOnly, stranger] = await Promise.all([
      makeUser(s, 'student'),
      makeUser(s, 'student'),
      makeUser(s, 'student'),
    ]);
    await enrollDirectly(s, student.id, p.id);
    await enrollDirectly(s, chatOnly.id, p.id, { access: { chatbot: true } });
    await expect(
      student.caller.programs.completeLesson({ id: p.id, lessonId: other.lessonIds[0]! }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      stranger.caller.programs.completeLesson({ id: p.id, lessonId: p.lessonIds[1]! }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: containing('Enroll') });
    await expect(stranger.caller.programs.progress({ id: p.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      chatOnly.caller.programs.completeLesson({ id: p.id, lessonId: p.lessonIds[1]! }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: containing('documentation') });
    // The preview lesson is open to every enrolled student.
    await chatOnly.caller.programs.completeLesson({ id: p.id, lessonId: p.lessonIds[0]! });
    const bad = await s.rest<ErrorBody>({
      method: 'POST',
      url: `/api/programs/${p.id}/lessons/${p.lessonIds[0]}/complete`,
      payload: { timeSpentSeconds: -5 },
      headers: s.bearer(student.token),
    });
    expect(bad.status).toBe(400);
  });

  it("reports a seeded student's progress as the rows say (quizzes included)", async () => {
    const john = await s.db.user.findUniqueOrThrow({ where: { email: DEMO_EMAILS.student } });
    const enrollment = await s.db.enrollment.findFirstOrThrow({
      where: { userId: john.id, status: { not: 'cancelled' }, program: { quizzes: { some: {} } } },
    });
    const programId = enrollment.programId;
    const caller = await s.as('student', john.id);
    const { progress } = await caller.programs.progress({ id: programId });
    const [lessonsTotal, done, quizzesTotal, attempts] = await Promise.all([
      s.db.lesson.count({ where: { programId } }),
      s.db.lessonProgress.findMany({ where: { userId: john.id, programId, completedAt: { not: null } } }),
      s.db.quiz.count({ where: { programId, status: 'published' } }),
      s.db.quizAttempt.findMany({ where: { userId: john.id, status: 'submitted', quiz: { programId } } }),
    ]);
    expect(progress).toEqual({
      programId,
      completionPercentage: Math.round((100 * done.length) / lessonsTotal),
      lessonsCompleted: done.length,
      lessonsTotal,
      quizzesTaken: new Set(attempts.map((a) => a.quizId)).size,
      quizzesTotal,
      timeSpentMinutes: Math.round(done.reduce((n, d) => n + d.timeSpentSeconds, 0) / 60),
      lastAccessedAt: enrollment.lastAccessedAt,
      completedAt: enrollment.completedAt,
    });
    expect(progress.completionPercentage).toBe(enrollment.progressPercent);
  });
});
