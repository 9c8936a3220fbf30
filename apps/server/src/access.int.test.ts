// The one access model (packages/core/src/access/feature-access.ts), asked directly against
// the database: enrollments, plans, owner/admin, lapsed subscriptions, deleted programs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFeatureAccess, PLAN_PROGRAM_ACCESS, type Feature, type Viewer } from '@learningpt/core';
import { SUBSCRIPTION_PLANS } from '../../../prisma/seed/fixtures';
import { startTestServer, type TestServer } from './testing/harness';
import { enrollDirectly, makeProgram, makeUser, subscribe, type TestUser } from './testing/learning-fixtures';

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
