// The public catalog on seeded data, through both faces. Expected results are computed here from
// the rows themselves with plain Prisma queries, independently of the code under test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgramSummary } from '@learningpt/schema';
import { startTestServer, type TestServer } from '../../testing/harness';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const visible = { status: 'published', deletedAt: null } as const;

async function all(input: Record<string, unknown> = {}): Promise<ProgramSummary[]> {
  const out: ProgramSummary[] = [];
  for (let page = 1; ; page++) {
    const res = await s.anonymous.programs.list({ ...input, page, limit: 100 });
    out.push(...res.programs);
    if (!res.pagination.hasNext) return out;
  }
}

describe('programs.list', () => {
  it('lists exactly the published, not deleted programs', async () => {
    const expected = await s.db.program.findMany({ where: visible, select: { id: true } });
    const hidden = await s.db.program.findMany({ where: { NOT: visible }, select: { id: true } });
    expect(hidden.length).toBeGreaterThan(0); // the seed has drafts, archived and deleted ones
    const got = await all();
    expect(got.map((p) => p.id).sort()).toEqual(expected.map((p) => p.id).sort());
    const res = await s.anonymous.programs.list({});
    expect(res.pagination).toMatchObject({ currentPage: 1, total: expected.length, totalPrograms: expected.length });
    expect(res.programs).toHaveLength(Math.min(12, expected.length)); // the spec's default page size
  });

  it('filters by a parent category including its sub-categories, by slug or id', async () => {
    const parent = await s.db.category.findFirstOrThrow({
      where: { children: { some: {} } },
      include: { children: true },
    });
    const categoryIds = [parent.id, ...parent.children.map((c) => c.id)];
    const expected = await s.db.program.findMany({ where: { ...visible, categoryId: { in: categoryIds } } });
    const inChild = expected.filter((p) => p.categoryId !== parent.id);
    expect(inChild.length).toBeGreaterThan(0); // the sub-category rows are really part of the answer
    const bySlug = await all({ category: parent.slug });
    const byId = await all({ category: parent.id });
    expect(bySlug.map((p) => p.id).sort()).toEqual(expected.map((p) => p.id).sort());
    expect(byId.map((p) => p.id).sort()).toEqual(expected.map((p) => p.id).sort());
  });

  it('answers an unknown category with an empty page', async () => {
    const res = await s.anonymous.programs.list({ category: 'no-such-category' });
    expect(res.programs).toEqual([]);
    expect(res.pagination).toMatchObject({ total: 0, totalPages: 0, hasNext: false });
  });

  it('filters by level and by bundle price range in decimal amounts', async () => {
    const advanced = await s.db.program.count({ where: { ...visible, level: 'advanced' } });
    expect(advanced).toBeGreaterThan(0);
    const got = await all({ level: 'advanced' });
    expect(got).toHaveLength(advanced);
    expect(got.every((p) => p.level === 'advanced')).toBe(true);

    const inRange = await s.db.program.findMany({ where: { ...visible, priceBundle: { gte: 1000, lte: 4000 } } });
    expect(inRange.length).toBeGreaterThan(0);
    const priced = await all({ priceMin: 10, priceMax: 40 });
    expect(priced.map((p) => p.id).sort()).toEqual(inRange.map((p) => p.id).sort());
    expect(priced.every((p) => p.pricing.bundle >= 10 && p.pricing.bundle <= 40)).toBe(true);

    const free = await all({ priceMax: 0 });
    expect(free.length).toBeGreaterThan(0);
    expect(free.every((p) => p.isFree)).toBe(true);
  });

  it('searches titles and descriptions, case-insensitively, treating % and _ literally', async () => {
    const sample = await s.db.program.findFirstOrThrow({ where: visible, orderBy: { createdAt: 'asc' } });
    const word = sample.title
      .split(/\s+/)
      .find((w) => w.length >= 5)!
      .toUpperCase();
    const expected = await s.db.program.findMany({
      where: {
        ...visible,
        OR: [
          { title: { contains: word, mode: 'insensitive' } },
          { description: { contains: word, mode: 'insensitive' } },
        ],
      },
    });
    const got = await all({ search: word });
    expect(got.map((p) => p.id).sort()).toEqual(expected.map((p) => p.id).sort());
    expect(got.map((p) => p.id)).toContain(sample.id);
    expect(await all({ search: '%' })).toEqual([]);
    expect(await all({ search: '_' })).toEqual([]);
  });

  it.each([
    ['newest', (p: ProgramSummary) => -p.createdAt.getTime()],
    ['popular', (p: ProgramSummary) => -p.enrolledCount],
    ['price-low', (p: ProgramSummary) => p.pricing.bundle],
    ['price-high', (p: ProgramSummary) => -p.pricing.bundle],
  ] as const)('sorts by %s', async (sort, key) => {
    const got = await all({ sort });
    const keys = got.map(key);
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    expect(new Set(got.map((p) => p.id)).size).toBe(got.length);
  });

  it('sorts by rating using the exact average, unrated last', async () => {
    const rows = await s.db.program.findMany({
      where: visible,
      select: { id: true, ratingTotal: true, reviewCount: true },
    });
    const avg = new Map(rows.map((r) => [r.id, r.reviewCount ? r.ratingTotal / r.reviewCount : 0]));
    const got = await all({ sort: 'rating' });
    const averages = got.map((p) => avg.get(p.id)!);
    expect(averages).toEqual([...averages].sort((a, b) => b - a));
    expect(new Set(averages).size).toBeGreaterThan(2); // the seed really has varied ratings
  });

  it('pages without overlap or gaps, and says where it is', async () => {
    const whole = (await s.anonymous.programs.list({ sort: 'newest', limit: 100 })).programs.map((p) => p.id);
    const paged: string[] = [];
    let page = 1;
    for (;;) {
      const res = await s.anonymous.programs.list({ sort: 'newest', limit: 5, page });
      expect(res.pagination).toMatchObject({
        currentPage: page,
        total: whole.length,
        totalPages: Math.ceil(whole.length / 5),
        hasPrev: page > 1,
        hasNext: page < Math.ceil(whole.length / 5),
      });
      paged.push(...res.programs.map((p) => p.id));
      if (!res.pagination.hasNext) break;
      page++;
    }
    expect(paged).toEqual(whole);
    const beyond = await s.anonymous.programs.list({ limit: 5, page: page + 3 });
    expect(beyond.programs).toEqual([]);
    expect(beyond.pagination).toMatchObject({ total: whole.length, hasNext: false, hasPrev: true });
  });

  it('answers the same on the REST face', async () => {
    const cat = await s.db.category.findFirstOrThrow({ where: { programs: { some: visible } } });
    const trpc = await s.anonymous.programs.list({ category: cat.slug, sort: 'newest', page: 1, limit: 5 });
    const rest = await s.rest<{ programs: { id: string }[]; pagination: unknown }>(
      `/api/programs?category=${cat.slug}&sort=newest&page=1&limit=5`,
    );
    expect(rest.body.programs.map((p) => p.id)).toEqual(trpc.programs.map((p) => p.id));
    expect(rest.body.pagination).toEqual(trpc.pagination);
  });

  it('shows prices as decimals with the currency, from minor units', async () => {
    const row = await s.db.program.findFirstOrThrow({ where: { ...visible, priceBundle: { gt: 0 } } });
    const { program } = await s.anonymous.programs.byId({ id: row.id });
    expect(program.pricing).toEqual({
      chatbot: row.priceChatbot / 100,
      documentation: row.priceDocumentation / 100,
      examSimulator: row.priceExamSimulator / 100,
      bundle: row.priceBundle / 100,
      currency: row.currency,
    });
  });
});

describe('programs.featured and categories.list', () => {
  it('features only featured, visible programs', async () => {
    const expected = await s.db.program.count({ where: { ...visible, featured: true } });
    expect(expected).toBeGreaterThan(0);
    const { programs } = await s.anonymous.programs.featured({ limit: 24 });
    expect(programs).toHaveLength(expected);
    expect(programs.every((p) => p.featured)).toBe(true);
  });

  it('counts programs per category including sub-categories, parents before children', async () => {
    const { categories } = await s.anonymous.categories.list();
    const index = new Map(categories.map((c, i) => [c.id, i]));
    for (const c of categories) {
      const childIds = categories.filter((x) => x.parentId === c.id).map((x) => x.id);
      const own = await s.db.program.count({ where: { ...visible, categoryId: c.id } });
      const children = categories.filter((x) => x.parentId === c.id).reduce((n, x) => n + x.programCount, 0);
      expect(c.programCount).toBe(own + children);
      for (const id of childIds) expect(index.get(id)!).toBeGreaterThan(index.get(c.id)!);
    }
  });
});

describe('programs.byId visibility', () => {
  it('hides drafts from the public but shows them to their instructor and to admins', async () => {
    const draft = await s.db.program.findFirstOrThrow({ where: { status: 'draft', deletedAt: null } });
    await expect(s.anonymous.programs.byId({ id: draft.slug })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const student = await s.as('student');
    await expect(student.programs.byId({ id: draft.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const owner = await s.as('instructor', draft.instructorId);
    expect((await owner.programs.byId({ id: draft.id })).program.id).toBe(draft.id);
    const admin = await s.as('admin');
    expect((await admin.programs.byId({ id: draft.slug })).program.id).toBe(draft.id);
  });

  it('hides a deleted program from the public', async () => {
    const deleted = await s.db.program.findFirstOrThrow({ where: { deletedAt: { not: null } } });
    const res = await s.rest(`/api/programs/${deleted.id}`);
    expect(res.status).toBe(404);
  });

  it('gives the curriculum outline and the enrolled student their progress', async () => {
    const enrollment = await s.db.enrollment.findFirstOrThrow({
      where: { status: 'active', program: visible },
      include: { program: { include: { sections: { include: { lessons: true } } } } },
    });
    const caller = await s.as('student', enrollment.userId);
    const res = await caller.programs.byId({ id: enrollment.programId });
    expect(res.isEnrolled).toBe(true);
    const lessons = enrollment.program.sections.flatMap((x) => x.lessons);
    const done = await s.db.lessonProgress.count({
      where: { userId: enrollment.userId, programId: enrollment.programId, completedAt: { not: null } },
    });
    expect(res.userProgress).toMatchObject({ lessonsTotal: lessons.length, lessonsCompleted: done });
    expect(res.program.curriculum.map((c) => c.lessons)).toEqual(
      [...enrollment.program.sections].sort((a, b) => a.position - b.position).map((x) => x.lessons.length),
    );
  });

  it("says what of the program the viewer may use: nothing anonymously, an enrollment's flags, all for an admin", async () => {
    const denied = { allowed: false, via: null };
    const row = await s.db.program.findFirstOrThrow({ where: { ...visible, priceBundle: { gt: 0 } } });
    const anonymous = await s.anonymous.programs.byId({ id: row.id });
    expect(anonymous.access).toEqual({ chatbot: denied, documentation: denied, examSimulator: denied });

    const bought = await s.db.enrollment.findFirstOrThrow({
      where: { status: 'active', source: { in: ['purchase', 'free', 'admin'] }, program: visible },
    });
    const student = await s.as('student', bought.userId);
    const own = await student.programs.byId({ id: bought.programId });
    const flag = (on: boolean) => (on ? { allowed: true, via: 'enrollment' } : denied);
    expect(own.access).toEqual({
      chatbot: flag(bought.chatbotAccess),
      documentation: flag(bought.documentationAccess),
      examSimulator: flag(bought.examSimulatorAccess),
    });

    const admin = await s.as('admin');
    const all = { allowed: true, via: 'admin' };
    expect((await admin.programs.byId({ id: row.id })).access).toEqual({
      chatbot: all,
      documentation: all,
      examSimulator: all,
    });
  });
});
