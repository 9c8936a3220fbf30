// Writing the catalogue: programs (create / update / status / soft delete / featured),
// categories, and curriculum sections and lessons. Expectations are checked against the rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness';
import { enrollDirectly, makeProgram, makeUser, type TestUser, containing } from '../../testing/learning-fixtures';

let s: TestServer;
let jane: TestUser;
let admin: TestUser;
let student: TestUser;
beforeAll(async () => {
  s = await startTestServer();
  [jane, admin, student] = await Promise.all([
    makeUser(s, 'instructor', 'Jane Writer'),
    makeUser(s, 'admin'),
    makeUser(s, 'student'),
  ]);
});
afterAll(() => s.close());

type ErrorBody = {
  success: false;
  error: { code: string; message: string; issues?: { path: unknown[]; message: string }[] };
};

describe('programs.create', () => {
  it('creates a draft owned by the caller, with prices in minor units and a slug from the title', async () => {
    const category = await s.db.category.findFirstOrThrow({ where: { slug: 'web-development' } });
    const { program } = await jane.caller.programs.create({
      title: 'Advanced React: Patterns & Hooks!',
      description: 'Master advanced React with real projects.',
      category: 'Web Development', // by name, as the spec sends it
      pricing: { chatbot: 12.99, documentation: 17.99, examSimulator: 22.99, bundle: 39.99 },
      freeQuestionsCount: 3,
      prerequisites: ['React Basics'],
      level: 'advanced',
      duration: '6 weeks',
      thumbnailUrl: 'https://cdn.example.com/thumb.png',
    });
    const row = await s.db.program.findUniqueOrThrow({ where: { id: program.id } });
    expect(row).toMatchObject({
      slug: 'advanced-react-patterns-and-hooks',
      instructorId: jane.id,
      status: 'draft',
      categoryId: category.id,
      priceChatbot: 1299,
      priceDocumentation: 1799,
      priceExamSimulator: 2299,
      priceBundle: 3999,
      currency: 'USD',
      level: 'advanced',
      durationLabel: '6 weeks',
      thumbnailUrl: 'https://cdn.example.com/thumb.png',
      featured: false,
      deletedAt: null,
    });
    expect(program).toMatchObject({
      status: 'draft',
      pricing: { chatbot: 12.99, documentation: 17.99, examSimulator: 22.99, bundle: 39.99, currency: 'USD' },
      instructor: { id: jane.id },
    });
    // A draft is not in the catalogue.
    const list = await s.anonymous.programs.list({ search: 'Patterns & Hooks' });
    expect(list.programs.map((p) => p.id)).not.toContain(program.id);
  });

  it('adds a numeric suffix when the slug is taken, also under concurrency', async () => {
    const input = { title: 'Same Title Twice', description: 'Same description here.', category: 'design' };
    const first = await jane.caller.programs.create(input);
    const more = await Promise.all([1, 2, 3, 4].map(() => jane.caller.programs.create(input)));
    const slugs = [first, ...more].map((r) => r.program.slug);
    expect(new Set(slugs).size).toBe(5);
    expect(slugs[0]).toBe('same-title-twice');
    expect([...slugs].sort()).toEqual(
      [
        'same-title-twice',
        'same-title-twice-2',
        'same-title-twice-3',
        'same-title-twice-4',
        'same-title-twice-5',
      ].sort(),
    );
  });

  it('stores the overview sanitised: no <script>, onerror= or javascript: links', async () => {
    const { program } = await jane.caller.programs.create({
      title: 'Sanitised overview',
      description: 'Checks the allow-list on overviews.',
      category: 'design',
      overview:
        '<h2>Intro</h2><p onclick="x()">Hi<script>alert(document.cookie)</script></p>' +
        '<img src="https://cdn.example.com/a.png" onerror="alert(1)">' +
        '<a href="javascript:alert(1)">click</a><a href="https://example.com">ok</a>',
    });
    const row = await s.db.program.findUniqueOrThrow({ where: { id: program.id } });
    expect(row.overview).not.toMatch(/<script|onerror|onclick|javascript:/i);
    expect(row.overview).toContain('<h2>Intro</h2>');
    expect(row.overview).toContain('<img src="https://cdn.example.com/a.png" />');
    expect(row.overview).toContain('<a href="https://example.com" rel="noopener noreferrer nofollow">ok</a>');
    expect(program.overview).toBe(row.overview);

    await jane.caller.programs.update({ id: program.id, overview: '<p>New<script>bad()</script></p>' });
    expect((await s.db.program.findUniqueOrThrow({ where: { id: program.id } })).overview).toBe('<p>New</p>');
  });

  it.each([
    ['a negative price', { pricing: { bundle: -1 } }, 'pricing', 'Prices cannot be negative'],
    ['three decimals', { pricing: { chatbot: 9.999 } }, 'pricing', 'at most two decimals'],
    ['an http thumbnail', { thumbnailUrl: 'http://x.test/a.png' }, 'thumbnailUrl', 'https://'],
    ['a short title', { title: 'ab' }, 'title', 'at least 3'],
    ['an unknown category', { category: 'no-such-category' }, 'category', 'Unknown category'],
    ['a retired category', { category: 'fitness' }, 'category', 'retired'],
  ])('answers %s with a 400 and the field in issues, on both faces', async (_what, patch, field, message) => {
    const input = { title: 'Valid title', description: 'A valid description.', category: 'design', ...patch };
    const res = await s.rest<ErrorBody>({
      method: 'POST',
      url: '/api/programs',
      payload: input,
      headers: s.bearer(jane.token),
    });
    expect(res.status).toBe(400);
    expect(res.body.success).toBe(false);
    expect(res.body.error.code).toBe('BAD_REQUEST');
    expect(res.body.error.issues?.some((i) => i.path[0] === field && i.message.includes(message))).toBe(true);
    await expect(jane.caller.programs.create(input as never)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('answers a malformed id with 400, an unknown one with 404', async () => {
    const bad = await s.rest<ErrorBody>({
      method: 'PUT',
      url: '/api/programs/not-a-uuid',
      payload: { title: 'x y z' },
      headers: s.bearer(jane.token),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues?.[0]?.path).toEqual(['id']);
    const unknown = await s.rest<ErrorBody>({
      method: 'DELETE',
      url: '/api/programs/0190a0b0-0000-7000-8000-000000000000',
      headers: s.bearer(jane.token),
    });
    expect(unknown.status).toBe(404);
  });
});

describe('programs.update, setStatus, delete and featuring', () => {
  it('updates the given fields only; an explicit slug that is taken is a 409', async () => {
    const p = await makeProgram(s, { ownerId: jane.id });
    const other = await makeProgram(s, { ownerId: jane.id });
    const before = await s.db.program.findUniqueOrThrow({ where: { id: p.id } });
    await jane.caller.programs.update({ id: p.id, title: 'A brand new title', pricing: { bundle: 49.5 } });
    const after = await s.db.program.findUniqueOrThrow({ where: { id: p.id } });
    expect(after).toMatchObject({ title: 'A brand new title', priceBundle: 4950, slug: before.slug });
    expect(after.priceChatbot).toBe(before.priceChatbot);
    await expect(jane.caller.programs.update({ id: p.id, slug: other.slug })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('follows the status rules: owner publishes and archives, only admins re-publish', async () => {
    const p = await makeProgram(s, { ownerId: jane.id, status: 'draft' });
    const published = await jane.caller.programs.setStatus({ id: p.id, status: 'published' });
    expect(published.program.status).toBe('published');
    expect((await s.db.program.findUniqueOrThrow({ where: { id: p.id } })).publishedAt).toEqual(s.clock.now());
    expect((await s.anonymous.programs.byId({ id: p.id })).program.id).toBe(p.id);
    await jane.caller.programs.setStatus({ id: p.id, status: 'archived' });
    await expect(jane.caller.programs.setStatus({ id: p.id, status: 'published' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: containing('admin'),
    });
    await admin.caller.programs.setStatus({ id: p.id, status: 'published' });
    expect((await s.db.program.findUniqueOrThrow({ where: { id: p.id } })).status).toBe('published');
  });

  it('soft-deletes: gone from lists, still readable (byId, lessons with content) by enrolled students', async () => {
    const p = await makeProgram(s, { ownerId: jane.id });
    await s.db.program.update({ where: { id: p.id }, data: { featured: true } });
    await enrollDirectly(s, student.id, p.id);
    const stranger = await makeUser(s, 'student');
    const listed = async () =>
      (await s.anonymous.programs.list({ search: p.slug, limit: 100 })).programs.some((x) => x.id === p.id);
    expect(await listed()).toBe(true);

    const res = await jane.caller.programs.delete({ id: p.id });
    expect(res.message).toContain('Enrolled students keep their access');
    const row = await s.db.program.findUniqueOrThrow({ where: { id: p.id } });
    expect(row.deletedAt).toEqual(s.clock.now());
    expect(await listed()).toBe(false);
    const featured = await s.anonymous.programs.featured({ limit: 24 });
    expect(featured.programs.map((x) => x.id)).not.toContain(p.id);

    await expect(s.anonymous.programs.byId({ id: p.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(stranger.caller.programs.lessons({ id: p.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const mine = await student.caller.programs.byId({ id: p.id });
    expect(mine.isEnrolled).toBe(true);
    const lessons = await student.caller.programs.lessons({ id: p.id });
    expect(lessons.lessonsTotal).toBe(p.lessonIds.length);
    expect(lessons.sections.flatMap((x) => x.lessons).every((l) => l.content !== null)).toBe(true);
    // Deleted is gone for writing, and for a second delete.
    await expect(jane.caller.programs.delete({ id: p.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(jane.caller.programs.update({ id: p.id, title: 'Back again' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('features published programs only (admin), via admin.programs.feature and update', async () => {
    const p = await makeProgram(s, { ownerId: jane.id });
    const draft = await makeProgram(s, { ownerId: jane.id, status: 'draft' });
    const res = await admin.caller.admin.programs.feature({ id: p.id, featured: true });
    expect(res.program.featured).toBe(true);
    expect((await s.anonymous.programs.featured({ limit: 24 })).programs.map((x) => x.id)).toContain(p.id);
    await expect(admin.caller.admin.programs.feature({ id: draft.id })).rejects.toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
    });
    await admin.caller.programs.update({ id: p.id, featured: false });
    expect((await s.db.program.findUniqueOrThrow({ where: { id: p.id } })).featured).toBe(false);
    const rest = await s.rest<{ success: boolean; program: { featured: boolean } }>({
      method: 'POST',
      url: `/api/admin/programs/${p.id}/feature`,
      payload: {},
      headers: s.bearer(admin.token),
    });
    expect(rest.status).toBe(200);
    expect(rest.body).toMatchObject({ success: true, program: { featured: true } });
    const audit = await s.db.auditLog.count({ where: { entityId: p.id, action: 'program.feature' } });
    expect(audit).toBe(2);
  });
});

describe('categories.create / update / delete', () => {
  it('creates with a generated slug; a taken slug is a 409', async () => {
    const { category } = await admin.caller.categories.create({ name: 'Quantum Computing', description: 'Qubits.' });
    expect(category).toMatchObject({ slug: 'quantum-computing', parentId: null, isActive: true });
    await expect(admin.caller.categories.create({ name: 'Quantum Computing' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: containing('quantum-computing'),
    });
    const listed = await s.anonymous.categories.list();
    expect(listed.categories.map((c) => c.id)).toContain(category.id);
  });

  it('refuses cycles in the tree, with a clear message', async () => {
    const a = (await admin.caller.categories.create({ name: `Tree A ${Date.now()}` })).category;
    const b = (await admin.caller.categories.create({ name: `Tree B ${Date.now()}`, parentId: a.id })).category;
    const c = (await admin.caller.categories.create({ name: `Tree C ${Date.now()}`, parentId: b.id })).category;
    await expect(admin.caller.categories.update({ id: a.id, parentId: c.id })).rejects.toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      message: containing('sub-categories'),
    });
    await expect(admin.caller.categories.update({ id: a.id, parentId: a.id })).rejects.toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
    });
    // Two concurrent moves that would each be fine alone cannot both win.
    const x = (await admin.caller.categories.create({ name: `Tree X ${Date.now()}` })).category;
    const y = (await admin.caller.categories.create({ name: `Tree Y ${Date.now()}` })).category;
    const results = await Promise.allSettled([
      admin.caller.categories.update({ id: x.id, parentId: y.id }),
      admin.caller.categories.update({ id: y.id, parentId: x.id }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rows = await s.db.category.findMany({ where: { id: { in: [x.id, y.id] } } });
    expect(rows.filter((r) => r.parentId !== null)).toHaveLength(1);
    // An unknown parent is a 400 on parentId.
    const res = await s.rest<ErrorBody>({
      method: 'PUT',
      url: `/api/categories/${a.id}`,
      payload: { parentId: '0190a0b0-0000-7000-8000-000000000000' },
      headers: s.bearer(admin.token),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues?.[0]?.path).toEqual(['parentId']);
  });

  it('refuses to delete a category that still has programs or children (409), deletes an empty one', async () => {
    const withPrograms = await s.db.category.findFirstOrThrow({ where: { slug: 'web-development' } });
    const programs = await s.db.program.count({ where: { categoryId: withPrograms.id } });
    const res = await s.rest<ErrorBody>({
      method: 'DELETE',
      url: `/api/categories/${withPrograms.id}`,
      headers: s.bearer(admin.token),
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain(`${programs} program`);
    const parent = await s.db.category.findFirstOrThrow({ where: { slug: 'development' } });
    await expect(admin.caller.categories.delete({ id: parent.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: containing('sub-categor'),
    });
    const empty = (await admin.caller.categories.create({ name: `Empty ${Date.now()}` })).category;
    await admin.caller.categories.delete({ id: empty.id });
    expect(await s.db.category.findUnique({ where: { id: empty.id } })).toBeNull();
  });
});

describe('curriculum: sections and lessons', () => {
  it('adds, edits, moves, reorders and deletes; content is sanitised; progress follows the lesson count', async () => {
    const p = await makeProgram(s, { ownerId: jane.id, sections: 1, lessonsPerSection: 2 });
    await enrollDirectly(s, student.id, p.id);
    await student.caller.programs.completeLesson({ id: p.id, lessonId: p.lessonIds[0]! });
    const percent = async () =>
      (
        await s.db.enrollment.findUniqueOrThrow({
          where: { userId_programId: { userId: student.id, programId: p.id } },
        })
      ).progressPercent;
    expect(await percent()).toBe(50);

    const { section } = await jane.caller.programs.sections.create({ id: p.id, title: 'Advanced topics' });
    expect(section.position).toBe(1);
    const { lesson } = await jane.caller.programs.createLesson({
      id: p.id,
      sectionId: section.id,
      title: 'Hooks in depth',
      durationMinutes: 30,
      content: '<h3>Hooks</h3><p>Use them<script>steal()</script></p><a href="javascript:x()">x</a>',
    });
    expect(lesson).toMatchObject({ slug: 'hooks-in-depth', position: 0, isPreview: false });
    expect(lesson.content).not.toMatch(/script|javascript/);
    expect(await percent()).toBe(33); // 1 of 3 lessons

    const dup = await jane.caller.programs.createLesson({ id: p.id, sectionId: section.id, title: 'Hooks in depth' });
    expect(dup.lesson.slug).toBe('hooks-in-depth-2');
    expect(await percent()).toBe(25); // 1 of 4
    await expect(
      jane.caller.programs.updateLesson({ id: p.id, lessonId: dup.lesson.id, slug: 'hooks-in-depth' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    // Move the first lesson into the new section (to its end), then reorder that section.
    const moved = await jane.caller.programs.updateLesson({
      id: p.id,
      lessonId: p.lessonIds[1]!,
      sectionId: section.id,
    });
    expect(moved.lesson).toMatchObject({ sectionId: section.id, position: 2 });
    const outline = await jane.caller.programs.reorderLessons({
      id: p.id,
      sectionId: section.id,
      lessonIds: [p.lessonIds[1]!, dup.lesson.id, lesson.id],
    });
    expect(outline.sections[1]!.lessons.map((l) => l.id)).toEqual([p.lessonIds[1], dup.lesson.id, lesson.id]);
    const reordered = await jane.caller.programs.sections.reorder({
      id: p.id,
      sectionIds: [section.id, p.sectionIds[0]!],
    });
    expect(reordered.sections.map((x) => x.id)).toEqual([section.id, p.sectionIds[0]]);

    // A list that is not a permutation is a 400 with issues.
    const bad = await s.rest<ErrorBody>({
      method: 'POST',
      url: `/api/programs/${p.id}/sections/reorder`,
      payload: { sectionIds: [section.id] },
      headers: s.bearer(jane.token),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues?.[0]?.path).toEqual(['sectionIds']);

    // A lesson of another program is not found through this one.
    const other = await makeProgram(s, { ownerId: jane.id });
    await expect(jane.caller.programs.deleteLesson({ id: p.id, lessonId: other.lessonIds[0]! })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    await jane.caller.programs.deleteLesson({ id: p.id, lessonId: dup.lesson.id });
    expect(await percent()).toBe(33); // 1 of 3 again
    await jane.caller.programs.sections.delete({ id: p.id, sectionId: section.id });
    expect(await s.db.lesson.count({ where: { programId: p.id } })).toBe(1);
    expect(await percent()).toBe(100);
    const positions = await s.db.curriculumSection.findMany({ where: { programId: p.id }, select: { position: true } });
    expect(positions).toEqual([{ position: 0 }]);
  });
});

describe('programs.setStatus and publishedAt', () => {
  it('sets publishedAt on the first publication and keeps it when an archived program is re-published', async () => {
    const p = await makeProgram(s, { ownerId: jane.id, status: 'draft' });
    await s.db.program.update({ where: { id: p.id }, data: { publishedAt: null } });
    const start = s.clock.now();
    const publishedAt = async () => (await s.db.program.findUniqueOrThrow({ where: { id: p.id } })).publishedAt;
    try {
      const first = await s.rest<{ success: boolean; program: { status: string } }>({
        method: 'PUT',
        url: `/api/programs/${p.id}/status`,
        headers: s.bearer(jane.token),
        payload: { status: 'published' },
      });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ success: true, program: { status: 'published' } });
      expect(await publishedAt()).toEqual(start);

      s.clock.advance(3 * 86_400_000);
      await jane.caller.programs.setStatus({ id: p.id, status: 'archived' });
      s.clock.advance(86_400_000);
      const again = await admin.caller.programs.setStatus({ id: p.id, status: 'published' });
      expect(again.program.status).toBe('published');
      const row = await s.db.program.findUniqueOrThrow({ where: { id: p.id } });
      expect(row.publishedAt).toEqual(start);
      expect(row.updatedAt).toEqual(s.clock.now());
    } finally {
      s.clock.set(start);
    }
  });

  it('refuses to publish a program without lessons (422, both faces), for owners and admins alike', async () => {
    const p = await makeProgram(s, { ownerId: jane.id, status: 'draft', sections: 1, lessonsPerSection: 0 });
    const rest = await s.rest<ErrorBody>({
      method: 'PUT',
      url: `/api/programs/${p.id}/status`,
      headers: s.bearer(jane.token),
      payload: { status: 'published' },
    });
    expect(rest.status).toBe(422);
    expect(rest.body.error.message).toBe(
      'Add at least one lesson before publishing: the catalog lists only programs people can start.',
    );
    await expect(admin.caller.programs.setStatus({ id: p.id, status: 'published' })).rejects.toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
    });
    const row = await s.db.program.findUniqueOrThrow({ where: { id: p.id } });
    expect(row).toMatchObject({ status: 'draft', publishedAt: null });

    // With a lesson it goes through.
    const sectionId = p.sectionIds[0]!;
    await jane.caller.programs.createLesson({ id: p.id, sectionId, title: 'The first lesson', content: '<p>Hi</p>' });
    const done = await jane.caller.programs.setStatus({ id: p.id, status: 'published' });
    expect(done.program.status).toBe('published');
  });
});
