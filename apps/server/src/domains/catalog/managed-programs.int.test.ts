// The lists behind the instructor area and the admin catalogue: instructors.myPrograms (own
// programs in every status), admin.programs.list (everything, deleted on request) and
// instructors.myApplication (the caller's latest application). Who may call them, exactly which
// rows they answer, and their REST paths next to the public /instructors/{id} ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManagedProgram } from '@learningpt/schema';
import { startTestServer, type TestServer } from '../../testing/harness';
import { makeProgram, makeUser, outcome, type TestProgram, type TestUser } from '../../testing/learning-fixtures';

let s: TestServer;
let owner: TestUser;
let other: TestUser;
let student: TestUser;
let admin: TestUser;
let draft: TestProgram;
let published: TestProgram;
let archived: TestProgram;
let deleted: TestProgram;
let othersProgram: TestProgram;

beforeAll(async () => {
  s = await startTestServer();
  [owner, other, student, admin] = await Promise.all([
    makeUser(s, 'instructor', 'Managed Owner'),
    makeUser(s, 'instructor', 'Managed Other'),
    makeUser(s, 'student', 'Managed Student'),
    makeUser(s, 'admin', 'Managed Admin'),
  ]);
  // Created one after another so "most recently changed first" is a known order.
  draft = await makeProgram(s, { ownerId: owner.id, status: 'draft', sections: 1, lessonsPerSection: 3 });
  published = await makeProgram(s, { ownerId: owner.id, status: 'published', sections: 2, lessonsPerSection: 2 });
  archived = await makeProgram(s, { ownerId: owner.id, status: 'archived' });
  deleted = await makeProgram(s, { ownerId: owner.id, deleted: true });
  othersProgram = await makeProgram(s, { ownerId: other.id, status: 'draft' });
  // Distinct, increasing updatedAt values whatever the fixtures wrote.
  const order = [draft, published, archived, deleted, othersProgram];
  for (const [i, p] of order.entries()) {
    await s.db.program.update({ where: { id: p.id }, data: { updatedAt: new Date(Date.UTC(2026, 0, 1 + i)) } });
  }
});
afterAll(() => s.close());

const ids = (programs: ManagedProgram[]) => programs.map((p) => p.id);

describe('authorization', () => {
  const WHO = ['anonymous', 'student', 'instructor', 'admin'] as const;
  const callerOf = (who: (typeof WHO)[number]) =>
    ({ anonymous: s.anonymous, student: student.caller, instructor: owner.caller, admin: admin.caller })[who];
  const cases = [
    { name: 'instructors.myPrograms', run: (c = s.anonymous) => c.instructors.myPrograms(), expect: 'U F OK OK' },
    { name: 'admin.programs.list', run: (c = s.anonymous) => c.admin.programs.list(), expect: 'U F F OK' },
    {
      name: 'instructors.myApplication',
      run: (c = s.anonymous) => c.instructors.myApplication(),
      expect: 'U OK OK OK',
    },
  ];
  it.each(cases)('$name: anonymous / student / instructor / admin → $expect', async ({ run, expect: want }) => {
    const got = [];
    for (const who of WHO) got.push(await outcome(run(callerOf(who))));
    expect(got.join(' ')).toBe(want.replaceAll('U', 'UNAUTHORIZED').replaceAll('F', 'FORBIDDEN'));
  });
});

describe('instructors.myPrograms', () => {
  it('lists only the caller’s programs, every status but deleted, most recently changed first', async () => {
    const res = await owner.caller.instructors.myPrograms();
    expect(ids(res.programs)).toEqual([archived.id, published.id, draft.id]);
    expect(res.pagination).toMatchObject({ total: 3, currentPage: 1, totalPages: 1, hasNext: false });
    const byId = new Map(res.programs.map((p) => [p.id, p]));
    expect(byId.get(draft.id)).toMatchObject({ status: 'draft', publishedAt: null, deletedAt: null, lessonsCount: 3 });
    expect(byId.get(published.id)).toMatchObject({ status: 'published', lessonsCount: 4 });
    expect(byId.get(published.id)!.publishedAt).toBeInstanceOf(Date);
  });

  it('filters by status, searches title and slug, and pages without overlap', async () => {
    expect(ids((await owner.caller.instructors.myPrograms({ status: 'draft' })).programs)).toEqual([draft.id]);
    expect(ids((await owner.caller.instructors.myPrograms({ status: 'archived' })).programs)).toEqual([archived.id]);
    const found = await owner.caller.instructors.myPrograms({ search: published.slug.toUpperCase() });
    expect(ids(found.programs)).toEqual([published.id]);
    const p1 = await owner.caller.instructors.myPrograms({ limit: 2, page: 1 });
    const p2 = await owner.caller.instructors.myPrograms({ limit: 2, page: 2 });
    expect([...ids(p1.programs), ...ids(p2.programs)]).toEqual([archived.id, published.id, draft.id]);
    expect(p1.pagination).toMatchObject({ totalPages: 2, hasNext: true, hasPrev: false });
    expect(p2.pagination).toMatchObject({ hasNext: false, hasPrev: true });
  });

  it('an admin sees their own programs there (none), not everyone’s', async () => {
    expect((await admin.caller.instructors.myPrograms()).programs).toEqual([]);
  });

  it('REST GET /api/instructors/me/programs answers the same rows (not /instructors/{id})', async () => {
    const res = await s.rest<{ success: boolean; programs: { id: string; status: string }[] }>({
      method: 'GET',
      url: '/api/instructors/me/programs?status=draft',
      headers: s.bearer(owner.token),
    });
    expect(res.status).toBe(200);
    expect(res.body.programs.map((p) => p.id)).toEqual([draft.id]);
    const bad = await s.rest<{ error: { message: string } }>({
      method: 'GET',
      url: '/api/instructors/me/programs?status=deleted',
      headers: s.bearer(owner.token),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/status must be one of: draft, published, archived/);
  });
});

describe('admin.programs.list', () => {
  const mine = (programs: ManagedProgram[]) =>
    ids(programs).filter((id) => [draft, published, archived, deleted, othersProgram].some((p) => p.id === id));

  it('without a status lists every program that is not deleted, any instructor', async () => {
    const res = await admin.caller.admin.programs.list({ limit: 100, instructorId: owner.id });
    expect(ids(res.programs)).toEqual([archived.id, published.id, draft.id]);
    const all = await admin.caller.admin.programs.list({ limit: 100, search: 'test program' });
    expect(mine(all.programs)).toEqual([othersProgram.id, archived.id, published.id, draft.id]);
  });

  it('status=deleted lists the soft-deleted ones with their deletion date; each status filters exactly', async () => {
    const gone = await admin.caller.admin.programs.list({ status: 'deleted', limit: 100 });
    expect(mine(gone.programs)).toEqual([deleted.id]);
    expect(gone.programs.find((p) => p.id === deleted.id)!.deletedAt).toBeInstanceOf(Date);
    for (const status of ['draft', 'published', 'archived'] as const) {
      const res = await admin.caller.admin.programs.list({ status, limit: 100 });
      expect(res.programs.every((p) => p.status === status && p.deletedAt === null)).toBe(true);
    }
    const drafts = await admin.caller.admin.programs.list({ status: 'draft', limit: 100 });
    expect(mine(drafts.programs)).toEqual([othersProgram.id, draft.id]);
  });

  it('filters featured programs and counts the total for pagination', async () => {
    await s.db.program.update({ where: { id: published.id }, data: { featured: true } });
    const featured = await admin.caller.admin.programs.list({ featured: true, instructorId: owner.id });
    expect(ids(featured.programs)).toEqual([published.id]);
    const page = await admin.caller.admin.programs.list({ instructorId: owner.id, limit: 1, page: 3 });
    expect(ids(page.programs)).toEqual([draft.id]);
    expect(page.pagination).toMatchObject({ total: 3, totalPages: 3, hasNext: false, hasPrev: true });
  });

  it('REST GET /api/admin/programs?status=deleted', async () => {
    const res = await s.rest<{ success: boolean; programs: { id: string }[] }>({
      method: 'GET',
      url: `/api/admin/programs?status=deleted&instructorId=${owner.id}`,
      headers: s.bearer(admin.token),
    });
    expect(res.status).toBe(200);
    expect(res.body.programs.map((p) => p.id)).toEqual([deleted.id]);
  });
});

describe('instructors.myApplication', () => {
  const application = {
    bio: 'I have taught data science for eight years, in evening classes and online, to working adults.',
    expertise: ['Python', 'Statistics'],
  };

  it('is null before applying, then the latest application with its status and reason', async () => {
    const applicant = await makeUser(s, 'student', 'Managed Applicant');
    expect((await applicant.caller.instructors.myApplication()).application).toBeNull();

    const { applicationId } = await applicant.caller.instructors.applyToTeach(application);
    const pending = await applicant.caller.instructors.myApplication();
    expect(pending.application).toMatchObject({ id: applicationId, status: 'pending', rejectionReason: null });

    await admin.caller.instructors.reject({ id: applicationId, reason: 'Please add a sample of your teaching.' });
    const rejected = await applicant.caller.instructors.myApplication();
    expect(rejected.application).toMatchObject({
      id: applicationId,
      status: 'rejected',
      rejectionReason: 'Please add a sample of your teaching.',
    });

    const again = await applicant.caller.instructors.applyToTeach({ ...application, sampleWork: 'https://a.example' });
    expect((await applicant.caller.instructors.myApplication()).application?.id).toBe(again.applicationId);
    // Nobody else's application is ever answered.
    expect((await student.caller.instructors.myApplication()).application).toBeNull();
  });

  it('REST GET /api/instructors/applications/mine', async () => {
    const res = await s.rest<{ success: boolean; application: unknown }>({
      method: 'GET',
      url: '/api/instructors/applications/mine',
      headers: s.bearer(student.token),
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, application: null });
  });
});
