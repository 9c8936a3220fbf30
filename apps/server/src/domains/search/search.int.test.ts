// search.global (API.md "search"): ranked, typo-tolerant search over published programs and
// instructors, and proof that at 10^5 programs the query is served by indexes, not a table scan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programSearchSql } from '@learningpt/core';
import { Prisma } from '@learningpt/db';
import { createTestDatabase, type TestDatabase } from '@learningpt/db/testing';
import type { TestServer } from '../../testing/harness';
import { startTestServer } from '../../testing/harness';
import { makeProgram, makeUser } from '../../testing/learning-fixtures';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

describe('search.global', () => {
  it('finds a seeded program despite a typo ("Reakt Mastery" → React Mastery)', async () => {
    const res = await s.anonymous.search.global({ q: 'Reakt Mastery', type: 'programs' });
    expect(res.results.programs[0]).toMatchObject({ title: 'React Mastery', slug: 'react-mastery' });
    expect(res.results.instructors).toEqual([]);
    expect(res.pagination.totalInstructors).toBe(0);

    const rest = await s.rest<{ success: boolean; results: { programs: { title: string }[] } }>(
      '/api/search?q=Reakt%20Mastery&type=programs&page=1',
    );
    expect(rest.status).toBe(200);
    expect(rest.body.success).toBe(true);
    expect(rest.body.results.programs[0]!.title).toBe('React Mastery');
  });

  it('ranks an exact title match first', async () => {
    const res = await s.anonymous.search.global({ q: 'react mastery' });
    expect(res.results.programs[0]!.title).toBe('React Mastery');
    const scores = res.results.programs.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[0]!).toBeGreaterThan(scores[1] ?? 0);
  });

  it('matches words of descriptions with full-text search (stemmed)', async () => {
    const teacher = await makeUser(s, 'instructor', 'Stem Teacher');
    const p = await makeProgram(s, { ownerId: teacher.id });
    await s.db.program.update({
      where: { id: p.id },
      data: { description: 'Everything about photosynthesizing organisms and their chloroplasts.' },
    });
    const res = await s.anonymous.search.global({ q: 'chloroplast', type: 'programs' });
    expect(res.results.programs.map((x) => x.id)).toEqual([p.id]);
  });

  it('finds an instructor by name (with a typo) and by expertise', async () => {
    const byName = await s.anonymous.search.global({ q: 'Marcus Chen', type: 'instructors' });
    expect(byName.results.instructors[0]).toMatchObject({ name: 'Marcus Chen' });
    expect(byName.results.programs).toEqual([]);
    const typo = await s.anonymous.search.global({ q: 'Marcos Chen', type: 'instructors' });
    expect(typo.results.instructors[0]!.name).toBe('Marcus Chen');

    const expert = await makeUser(s, 'instructor', 'Expert Person');
    await s.db.instructorProfile.create({ data: { userId: expert.id, expertise: ['Kubernetes'] } });
    const byExpertise = await s.anonymous.search.global({ q: 'kubernetes', type: 'instructors' });
    expect(byExpertise.results.instructors.map((i) => i.id)).toContain(expert.id);
    // Students never show up as instructors.
    const student = await makeUser(s, 'student', 'Marcus Chen');
    const all = await s.anonymous.search.global({ q: 'Marcus Chen' });
    expect(all.results.instructors.map((i) => i.id)).not.toContain(student.id);
  });

  it('leaves out drafts and deleted programs, and pages through the rest', async () => {
    const teacher = await makeUser(s, 'instructor', 'Paging Teacher');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const p = await makeProgram(s, { ownerId: teacher.id, sections: 0 });
      await s.db.program.update({ where: { id: p.id }, data: { title: `Zyxwv Orchestration ${i}` } });
      ids.push(p.id);
    }
    for (const opts of [{ status: 'draft' as const }, { deleted: true }]) {
      const p = await makeProgram(s, { ownerId: teacher.id, sections: 0, ...opts });
      await s.db.program.update({ where: { id: p.id }, data: { title: 'Zyxwv Orchestration hidden' } });
    }

    const seen: string[] = [];
    for (const page of [1, 2, 3]) {
      const res = await s.anonymous.search.global({ q: 'Zyxwv Orchestration', type: 'programs', page, limit: 2 });
      expect(res.pagination).toMatchObject({
        currentPage: page,
        totalPages: 3,
        totalPrograms: 5,
        hasNext: page < 3,
        hasPrev: page > 1,
      });
      seen.push(...res.results.programs.map((p) => p.id));
    }
    expect(seen.sort()).toEqual([...ids].sort());
    const past = await s.anonymous.search.global({ q: 'Zyxwv Orchestration', type: 'programs', page: 9, limit: 2 });
    expect(past.results.programs).toEqual([]);
    expect(past.pagination).toMatchObject({ totalPrograms: 5, hasNext: false });
  });

  it('answers bad input with 400 and issues', async () => {
    for (const url of [
      '/api/search',
      '/api/search?q=a',
      '/api/search?q=react&type=courses',
      '/api/search?q=react&page=0',
    ]) {
      const res = await s.rest<{ success: boolean; error: { code: string; issues: unknown[] } }>(url);
      expect(res.status, url).toBe(400);
      expect(res.body.success).toBe(false);
      expect(res.body.error.issues.length).toBeGreaterThan(0);
    }
    // Characters with meaning to tsquery / LIKE are just text.
    const odd = await s.rest(`/api/search?q=${encodeURIComponent("react & (hooks | 'x' !%_\\")}`);
    expect(odd.status).toBe(200);
  });
});

describe('the search query plan at 10^5 programs', () => {
  let big: TestDatabase;
  beforeAll(async () => {
    big = await createTestDatabase({ max: 2 });
    const [category] = await big.db.$queryRaw<{ id: string }[]>`
      INSERT INTO "Category" (id, name, slug, "updatedAt") VALUES (gen_random_uuid(), 'Big', 'big', now()) RETURNING id`;
    const [teacher] = await big.db.$queryRaw<{ id: string }[]>`
      INSERT INTO "User" (id, email, name, role, "updatedAt")
      VALUES (gen_random_uuid(), 'big@example.org', 'Big Teacher', 'instructor', now()) RETURNING id`;
    // Titles from a small vocabulary plus a unique tail, like a real catalogue: many share words.
    await big.db.$executeRaw`
      INSERT INTO "Program" (id, slug, title, description, "categoryId", "instructorId", status, "publishedAt", "updatedAt")
      SELECT gen_random_uuid(), 'p-' || i,
        (ARRAY['Python','Java','Rust','Go','Kotlin','Swift','Ruby','Elixir','Haskell','Scala'])[1 + i % 10] || ' '
          || (ARRAY['Basics','Deep Dive','Bootcamp','Patterns','Essentials','Workshop','Projects'])[1 + i % 7] || ' '
          || substr(md5(i::text), 1, 8),
        'Learn ' || (ARRAY['web apps','data pipelines','testing','APIs','concurrency'])[1 + i % 5] || ' step by step, '
          || substr(md5((i * 7)::text), 1, 12),
        ${category!.id}::uuid, ${teacher!.id}::uuid,
        (CASE WHEN i % 10 = 0 THEN 'draft' ELSE 'published' END)::"ProgramStatus", now(), now()
      FROM generate_series(1, 100000) AS i`;
    await big.db.$executeRaw`
      INSERT INTO "Program" (id, slug, title, description, "categoryId", "instructorId", status, "publishedAt", "updatedAt")
      VALUES (gen_random_uuid(), 'react-mastery', 'React Mastery', 'Hooks, state and testing.',
        ${category!.id}::uuid, ${teacher!.id}::uuid, 'published', now(), now())`;
    await big.db.$executeRawUnsafe('ANALYZE "Program"');
    // 10^5 rows through the search indexes: seconds on an idle machine, minutes on a loaded one.
  }, 240_000);
  afterAll(() => big?.drop());

  /** Every plan node, depth first. */
  function nodes(plan: Record<string, unknown>): Record<string, unknown>[] {
    const children = (plan.Plans as Record<string, unknown>[] | undefined) ?? [];
    return [plan, ...children.flatMap(nodes)];
  }

  it.each(['Reakt Mastery', 'react mastery', 'python bootcamp', 'concurrency'])(
    'uses indexes, never a sequential scan of "Program", for %j',
    async (q) => {
      const [row] = await big.db.$queryRaw<{ 'QUERY PLAN': { Plan: Record<string, unknown> }[] }[]>(
        Prisma.sql`EXPLAIN (FORMAT JSON) ${programSearchSql({ q, limit: 10, offset: 0 })}`,
      );
      const all = nodes(row!['QUERY PLAN'][0]!.Plan);
      const seq = all.filter((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'Program');
      expect(seq, JSON.stringify(row!['QUERY PLAN'][0]!.Plan, null, 1)).toEqual([]);
      const indexes = all.map((n) => n['Index Name']).filter(Boolean);
      expect(indexes).toEqual(expect.arrayContaining(['Program_searchVector_idx', 'Program_title_idx']));
    },
  );

  it('still finds the typo at that size', async () => {
    const hits = await big.db.$queryRaw<{ id: string }[]>(
      programSearchSql({ q: 'Reakt Mastery', limit: 10, offset: 0 }),
    );
    const first = await big.db.program.findUniqueOrThrow({ where: { id: hits[0]!.id } });
    expect(first.title).toBe('React Mastery');
  });
});
