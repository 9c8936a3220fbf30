// The authorization matrix of every categories / programs / admin.programs / notifications
// procedure: anonymous, a student (enrolled where that matters), another instructor, the
// program's owner and an admin — each allowed or refused as API.md says. Every cell runs on
// fresh rows, so a mutation in one cell cannot decide another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller, TestServer } from '../../testing/harness';
import { startTestServer } from '../../testing/harness';
import {
  enrollDirectly,
  makeProgram,
  makeUser,
  outcome,
  type TestProgram,
  type TestUser,
} from '../../testing/learning-fixtures';

let s: TestServer;
let owner: TestUser;
let other: TestUser;
let student: TestUser;
let admin: TestUser;
let anonymous: Caller;

beforeAll(async () => {
  s = await startTestServer();
  [owner, other, student, admin] = await Promise.all([
    makeUser(s, 'instructor', 'Owner Instructor'),
    makeUser(s, 'instructor', 'Other Instructor'),
    makeUser(s, 'student', 'Matrix Student'),
    makeUser(s, 'admin', 'Matrix Admin'),
  ]);
  anonymous = s.anonymous;
});
afterAll(() => s.close());

type Who = 'anonymous' | 'student' | 'otherInstructor' | 'owner' | 'admin';
const WHO: Who[] = ['anonymous', 'student', 'otherInstructor', 'owner', 'admin'];
const callerOf = (who: Who): Caller =>
  ({ anonymous, student: student.caller, otherInstructor: other.caller, owner: owner.caller, admin: admin.caller })[
    who
  ];

interface Fixture {
  program: TestProgram;
  who: Who;
  /** The id of the caller (null for anonymous). */
  userId: string | null;
}
interface Case {
  name: string;
  /** Extra rows for this cell; the returned value is passed to run. */
  setup?: (f: Fixture) => Promise<Record<string, string>>;
  run: (c: Caller, f: Fixture, x: Record<string, string>) => Promise<unknown>;
  expect: [Who extends never ? never : string, string, string, string, string];
  /** Program options for this case (default: published, paid, the student enrolled). */
  program?: Parameters<typeof makeProgram>[1] extends infer O ? Partial<O> : never;
  enrolled?: boolean;
}

const U = 'UNAUTHORIZED';
const F = 'FORBIDDEN';
const N = 'NOT_FOUND';
const OK = 'OK';
//                         anonymous student otherInstr owner admin
const ADMIN_ONLY = [U, F, F, F, OK] as Case['expect'];
const OWNER_OR_ADMIN = [U, F, F, OK, OK] as Case['expect'];
const INSTRUCTORS = [U, F, OK, OK, OK] as Case['expect'];
const EVERYONE = [OK, OK, OK, OK, OK] as Case['expect'];
const SIGNED_IN = [U, OK, OK, OK, OK] as Case['expect'];
const ENROLLED_ONLY = [U, OK, F, F, F] as Case['expect'];

let n = 0;
const uniq = () => `${Date.now().toString(36)}${++n}`;

const freshCategory = async () =>
  (await s.db.category.create({ data: { name: `Cat ${uniq()}`, slug: `cat-${uniq()}` } })).id;

/** A review with the program's running totals kept in step, as addReview leaves them. */
async function reviewBy(userId: string, programId: string) {
  const review = await s.db.review.create({ data: { userId, programId, rating: 4, comment: 'Good' } });
  await s.db.program.update({
    where: { id: programId },
    data: { ratingTotal: { increment: 4 }, reviewCount: { increment: 1 } },
  });
  return review.id;
}

const CASES: Case[] = [
  // categories
  { name: 'categories.list', run: (c) => c.categories.list(), expect: EVERYONE },
  {
    name: 'categories.create',
    run: (c) => c.categories.create({ name: `Category ${uniq()}` }),
    expect: ADMIN_ONLY,
  },
  {
    name: 'categories.update',
    setup: async () => ({ categoryId: await freshCategory() }),
    run: (c, _f, x) => c.categories.update({ id: x.categoryId!, name: 'Renamed category' }),
    expect: ADMIN_ONLY,
  },
  {
    name: 'categories.delete',
    setup: async () => ({ categoryId: await freshCategory() }),
    run: (c, _f, x) => c.categories.delete({ id: x.categoryId! }),
    expect: ADMIN_ONLY,
  },
  // programs: reading
  { name: 'programs.list', run: (c) => c.programs.list({}), expect: EVERYONE },
  { name: 'programs.featured', run: (c) => c.programs.featured(), expect: EVERYONE },
  { name: 'programs.byId', run: (c, f) => c.programs.byId({ id: f.program.id }), expect: EVERYONE },
  { name: 'programs.lessons', run: (c, f) => c.programs.lessons({ id: f.program.id }), expect: EVERYONE },
  { name: 'programs.reviews', run: (c, f) => c.programs.reviews({ id: f.program.id }), expect: EVERYONE },
  {
    name: 'programs.byId of a draft',
    program: { status: 'draft' },
    enrolled: false,
    run: (c, f) => c.programs.byId({ id: f.program.id }),
    expect: [N, N, N, OK, OK],
  },
  // programs: writing
  {
    name: 'programs.create',
    run: (c) =>
      c.programs.create({ title: 'Matrix program', description: 'Made by the matrix test.', category: 'design' }),
    expect: INSTRUCTORS,
  },
  {
    name: 'programs.update',
    run: (c, f) => c.programs.update({ id: f.program.id, title: 'Renamed program' }),
    expect: OWNER_OR_ADMIN,
  },
  {
    name: 'programs.update of a draft by someone who cannot see it',
    program: { status: 'draft' },
    enrolled: false,
    run: (c, f) => c.programs.update({ id: f.program.id, title: 'Renamed program' }),
    expect: [U, F, N, OK, OK],
  },
  {
    name: 'programs.update featured',
    run: (c, f) => c.programs.update({ id: f.program.id, featured: true }),
    expect: [U, F, F, F, OK],
  },
  {
    name: 'programs.setStatus draft -> published',
    program: { status: 'draft' },
    enrolled: false,
    run: (c, f) => c.programs.setStatus({ id: f.program.id, status: 'published' }),
    expect: [U, F, N, OK, OK],
  },
  {
    name: 'programs.setStatus published -> archived',
    run: (c, f) => c.programs.setStatus({ id: f.program.id, status: 'archived' }),
    expect: OWNER_OR_ADMIN,
  },
  {
    name: 'programs.setStatus archived -> published',
    program: { status: 'archived' },
    run: (c, f) => c.programs.setStatus({ id: f.program.id, status: 'published' }),
    // An archived program is not public: another instructor cannot even see it.
    expect: [U, F, N, F, OK],
  },
  {
    name: 'programs.setStatus published -> draft',
    run: (c, f) => c.programs.setStatus({ id: f.program.id, status: 'draft' }),
    expect: [U, F, F, F, OK],
  },
  { name: 'programs.delete', run: (c, f) => c.programs.delete({ id: f.program.id }), expect: OWNER_OR_ADMIN },
  {
    name: 'admin.programs.feature',
    run: (c, f) => c.admin.programs.feature({ id: f.program.id, featured: true }),
    expect: ADMIN_ONLY,
  },
  // curriculum management
  {
    name: 'programs.sections.create',
    run: (c, f) => c.programs.sections.create({ id: f.program.id, title: 'New section' }),
    expect: OWNER_OR_ADMIN,
  },
  {
    name: 'programs.sections.update',
    run: (c, f) => c.programs.sections.update({ id: f.program.id, sectionId: f.program.sectionIds[0]!, title: 'X' }),
    expect: OWNER_OR_ADMIN,
  },
  {
    name: 'programs.sections.delete',
    run: (c, f) => c.programs.sections.delete({ id: f.program.id, sectionId: f.program.sectionIds[1]! }),
    expect: OWNER_OR_ADMIN,
  },
  {
    name: 'programs.sections.reorder',
    run: (c, f) => c.programs.sections.reorder({ id: f.program.id, sectionIds: [...f.program.sectionIds].reverse() }),
    expect: OWNER_OR_ADMIN,
  },
  {
    name: 'programs.createLesson',
    run: (c, f) =>
      c.programs.createLesson({ id: f.program.id, sectionId: f.program.sectionIds[0]!, title: 'New lesson' }),
    expect: OWNER_OR_ADMIN,
  },
  {
    name: 'programs.updateLesson',
    run: (c, f) => c.programs.updateLesson({ id: f.program.id, lessonId: f.program.lessonIds[1]!, title: 'Edited' }),
    expect: OWNER_OR_ADMIN,
  },
  {
    name: 'programs.deleteLesson',
    run: (c, f) => c.programs.deleteLesson({ id: f.program.id, lessonId: f.program.lessonIds[1]! }),
    expect: OWNER_OR_ADMIN,
  },
  {
    name: 'programs.reorderLessons',
    run: (c, f) =>
      c.programs.reorderLessons({
        id: f.program.id,
        sectionId: f.program.sectionIds[0]!,
        lessonIds: f.program.lessonIds.slice(0, 2).reverse(),
      }),
    expect: OWNER_OR_ADMIN,
  },
  // learning
  {
    name: 'programs.enroll (free program, not yet enrolled)',
    program: { prices: 'free' },
    enrolled: false,
    run: (c, f) => c.programs.enroll({ id: f.program.id }),
    expect: [U, OK, F, F, F],
  },
  { name: 'programs.progress', run: (c, f) => c.programs.progress({ id: f.program.id }), expect: ENROLLED_ONLY },
  {
    name: 'programs.completeLesson',
    run: (c, f) => c.programs.completeLesson({ id: f.program.id, lessonId: f.program.lessonIds[1]! }),
    expect: ENROLLED_ONLY,
  },
  // reviews
  {
    name: 'programs.addReview',
    run: (c, f) => c.programs.addReview({ id: f.program.id, rating: 5, comment: 'Great' }),
    expect: ENROLLED_ONLY,
  },
  {
    name: "programs.updateReview (the student's review)",
    setup: async (f) => ({ reviewId: await reviewBy(student.id, f.program.id) }),
    run: (c, f, x) => c.programs.updateReview({ id: f.program.id, reviewId: x.reviewId!, rating: 2 }),
    expect: ENROLLED_ONLY,
  },
  {
    name: "programs.voteReviewHelpful (someone else's review)",
    setup: async (f) => {
      const author = await makeUser(s, 'student');
      await enrollDirectly(s, author.id, f.program.id);
      return { reviewId: await reviewBy(author.id, f.program.id) };
    },
    run: (c, f, x) => c.programs.voteReviewHelpful({ id: f.program.id, reviewId: x.reviewId! }),
    expect: SIGNED_IN,
  },
  // notifications
  { name: 'notifications.list', run: (c) => c.notifications.list(), expect: SIGNED_IN },
  { name: 'notifications.markAllRead', run: (c) => c.notifications.markAllRead(), expect: SIGNED_IN },
  {
    name: "notifications.markRead (the student's notification)",
    setup: async () => ({
      notificationId: (
        await s.db.notification.create({ data: { userId: student.id, type: 'system', title: 'Hi', body: 'Hello' } })
      ).id,
    }),
    run: (c, _f, x) => c.notifications.markRead({ id: x.notificationId! }),
    expect: [U, OK, N, N, N],
  },
];

describe('authorization matrix', () => {
  it.each(CASES)('$name', async (tc) => {
    const got: Record<string, string> = {};
    for (const who of WHO) {
      const program = await makeProgram(s, { ownerId: owner.id, ...tc.program });
      if (tc.enrolled !== false) await enrollDirectly(s, student.id, program.id);
      const userId = {
        anonymous: null,
        student: student.id,
        otherInstructor: other.id,
        owner: owner.id,
        admin: admin.id,
      }[who];
      const f: Fixture = { program, who, userId };
      const extra = tc.setup ? await tc.setup(f) : {};
      got[who] = await outcome(tc.run(callerOf(who), f, extra));
    }
    expect(got).toEqual(Object.fromEntries(WHO.map((w, i) => [w, tc.expect[i]])));
  });

  it('answers the same statuses on the REST face (401, 403, 200)', async () => {
    const program = await makeProgram(s, { ownerId: owner.id });
    const body = { title: 'Renamed over REST' };
    const put = (headers: Record<string, string>) =>
      s.rest({ method: 'PUT', url: `/api/programs/${program.id}`, payload: body, headers });
    expect((await put({})).status).toBe(401);
    expect((await put(s.bearer(other.token))).status).toBe(403);
    const ok = await put(s.bearer(owner.token));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ success: true, program: { id: program.id, title: 'Renamed over REST' } });
  });
});
