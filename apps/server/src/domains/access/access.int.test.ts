// The one access model (packages/core/src/access/feature-access.ts), asked directly against
// the database: enrollments, plans, owner/admin, lapsed subscriptions, deleted programs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFeatureAccess, PLAN_PROGRAM_ACCESS, type Feature, type Viewer } from '@learningpt/core';
import { SUBSCRIPTION_PLANS } from '../../../../../prisma/seed/fixtures';
import { startTestServer, type TestServer } from '../../testing/harness';
import { enrollDirectly, makeProgram, makeUser, subscribe, type TestUser } from '../../testing/learning-fixtures';

let s: TestServer;
let owner: TestUser;
beforeAll(async () => {
  s = await startTestServer();
  owner = await makeUser(s, 'instructor');
});
afterAll(() => s.close());

const ask = (viewer: Viewer | null, programId: string, feature: Feature) =>
  getFeatureAccess({ db: s.db, clock: s.clock, viewer, program: programId, feature });
const student = (u: TestUser): Viewer => ({ userId: u.id, role: 'student' });

describe('getFeatureAccess', () => {
  it('describes every plan of the plans table', () => {
    expect(Object.keys(PLAN_PROGRAM_ACCESS).sort()).toEqual(SUBSCRIPTION_PLANS.map((p) => p.id).sort());
  });

  it('grants admins and the owner everything, anonymous callers nothing', async () => {
    const p = await makeProgram(s, { ownerId: owner.id, status: 'draft' });
    const admin = await makeUser(s, 'admin');
    expect(await ask({ userId: admin.id, role: 'admin' }, p.id, 'examSimulator')).toEqual({
      allowed: true,
      via: 'admin',
    });
    expect(await ask({ userId: owner.id, role: 'instructor' }, p.id, 'documentation')).toEqual({
      allowed: true,
      via: 'owner',
    });
    expect(await ask(null, p.id, 'chatbot')).toEqual({ allowed: false, via: null });
    const other = await makeUser(s, 'instructor');
    expect((await ask({ userId: other.id, role: 'instructor' }, p.id, 'chatbot')).allowed).toBe(false);
  });

  it('follows the per-feature flags of purchased enrollments, kept after a soft delete, lost when cancelled', async () => {
    const p = await makeProgram(s, { ownerId: owner.id });
    const [buyer, cancelled] = await Promise.all([makeUser(s, 'student'), makeUser(s, 'student')]);
    await enrollDirectly(s, buyer.id, p.id, { access: { chatbot: true, examSimulator: true } });
    await enrollDirectly(s, cancelled.id, p.id, { status: 'cancelled' });
    expect(await ask(student(buyer), p.id, 'chatbot')).toEqual({ allowed: true, via: 'enrollment' });
    expect((await ask(student(buyer), p.id, 'documentation')).allowed).toBe(false);
    await s.db.program.update({ where: { id: p.id }, data: { deletedAt: s.clock.now() } });
    expect((await ask(student(buyer), p.id, 'examSimulator')).allowed).toBe(true);
    expect((await ask(student(cancelled), p.id, 'chatbot')).allowed).toBe(false);
  });

  it('grants by live plan and level; subscription-sourced access ends with the subscription', async () => {
    const beginner = await makeProgram(s, { ownerId: owner.id, level: 'beginner' });
    const advanced = await makeProgram(s, { ownerId: owner.id, level: 'advanced' });
    const u = await makeUser(s, 'student');
    expect((await ask(student(u), beginner.id, 'chatbot')).allowed).toBe(false);
    await subscribe(s, u.id, 'basic', { periodEndsInDays: 2 });
    expect(await ask(student(u), beginner.id, 'chatbot')).toEqual({ allowed: true, via: 'subscription' });
    expect((await ask(student(u), advanced.id, 'chatbot')).allowed).toBe(false);
    await enrollDirectly(s, u.id, beginner.id, { source: 'subscription' });
    expect(await ask(student(u), beginner.id, 'documentation')).toEqual({ allowed: true, via: 'subscription' });

    s.clock.advance(3 * 86_400_000); // the period ends: the enrollment row stays, the access does not
    try {
      expect((await ask(student(u), beginner.id, 'documentation')).allowed).toBe(false);
      const lessons = await u.caller.programs.lessons({ id: beginner.id });
      expect(lessons.access.documentation).toBe(false);
    } finally {
      s.clock.advance(-3 * 86_400_000);
    }
  });

  it('does not open a non-public program through a plan alone', async () => {
    const draft = await makeProgram(s, { ownerId: owner.id, level: 'beginner', status: 'draft' });
    const deleted = await makeProgram(s, { ownerId: owner.id, level: 'beginner', deleted: true });
    const u = await makeUser(s, 'student');
    await subscribe(s, u.id, 'premium');
    expect((await ask(student(u), draft.id, 'chatbot')).allowed).toBe(false);
    expect((await ask(student(u), deleted.id, 'chatbot')).allowed).toBe(false);
  });
});

describe('users.enrolledPrograms asks the access model', () => {
  type Listed = { id: string; access: Record<Feature, boolean> };
  const accessOf = (programs: readonly Listed[], id: string) => programs.find((p) => p.id === id)?.access;

  it('shows plan-given access while the plan is live and none once it lapsed or was cancelled; purchases stay', async () => {
    const viaPlan = await makeProgram(s, { ownerId: owner.id, level: 'beginner' });
    const bought = await makeProgram(s, { ownerId: owner.id, level: 'advanced' });
    const all = { chatbot: true, documentation: true, examSimulator: true };
    const none = { chatbot: false, documentation: false, examSimulator: false };

    const lapsing = await makeUser(s, 'student');
    await subscribe(s, lapsing.id, 'basic', { periodEndsInDays: 2 });
    await enrollDirectly(s, lapsing.id, viaPlan.id, { source: 'subscription' });
    await enrollDirectly(s, lapsing.id, bought.id, { source: 'purchase', access: { documentation: true } });
    const live = (await lapsing.caller.users.enrolledPrograms({ limit: 100 })).programs;
    expect(accessOf(live, viaPlan.id)).toEqual(all);
    expect(accessOf(live, bought.id)).toEqual({ ...none, documentation: true });

    s.clock.advance(3 * 86_400_000); // the period ended; the enrollment rows keep their flags
    try {
      const lapsed = (await lapsing.caller.users.enrolledPrograms({ limit: 100 })).programs;
      expect(accessOf(lapsed, viaPlan.id)).toEqual(none);
      expect(accessOf(lapsed, bought.id)).toEqual({ ...none, documentation: true });
      const rest = await s.rest<{ success: boolean; programs: Listed[] }>({
        url: '/api/users/enrolled-programs?limit=100',
        headers: s.bearer(lapsing.token),
      });
      expect(rest.body.success).toBe(true);
      expect(accessOf(rest.body.programs, viaPlan.id)).toEqual(none);
      const alias = await s.rest<{ programs: Listed[] }>({
        url: '/api/courses/enrolled?limit=100',
        headers: s.bearer(lapsing.token),
      });
      expect(accessOf(alias.body.programs, viaPlan.id)).toEqual(none);
      const stored = await s.db.enrollment.findUniqueOrThrow({
        where: { userId_programId: { userId: lapsing.id, programId: viaPlan.id } },
      });
      expect(stored).toMatchObject({ chatbotAccess: true, documentationAccess: true, examSimulatorAccess: true });
    } finally {
      s.clock.advance(-3 * 86_400_000);
    }

    const cancelled = await makeUser(s, 'student');
    const sub = await subscribe(s, cancelled.id, 'premium');
    await enrollDirectly(s, cancelled.id, viaPlan.id, { source: 'subscription' });
    expect(accessOf((await cancelled.caller.users.enrolledPrograms()).programs, viaPlan.id)).toEqual(all);
    await s.db.subscription.update({ where: { id: sub.id }, data: { status: 'canceled' } });
    expect(accessOf((await cancelled.caller.users.enrolledPrograms()).programs, viaPlan.id)).toEqual(none);
  });
});
