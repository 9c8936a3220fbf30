// admin.categories.list (GET /api/admin/categories): every category, inactive ones included, for
// admins only — categories.list shows only the active ones, so a retired category could not be
// found again to re-activate it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness';
import { makeProgram, makeUser, outcome, type TestUser } from '../../testing/learning-fixtures';

let s: TestServer;
let admin: TestUser;
beforeAll(async () => {
  s = await startTestServer();
  admin = await makeUser(s, 'admin');
});
afterAll(() => s.close());

interface Listed {
  id: string;
  slug: string;
  isActive: boolean;
  parentId: string | null;
  programCount: number;
  childCount: number;
}

describe('admin.categories.list', () => {
  it('is for admins only: anonymous 401, student and instructor 403 (tRPC and REST)', async () => {
    const [student, instructor] = await Promise.all([makeUser(s, 'student'), makeUser(s, 'instructor')]);
    expect(await outcome(s.anonymous.admin.categories.list())).toBe('UNAUTHORIZED');
    expect(await outcome(student.caller.admin.categories.list())).toBe('FORBIDDEN');
    expect(await outcome(instructor.caller.admin.categories.list())).toBe('FORBIDDEN');
    expect(await outcome(admin.caller.admin.categories.list())).toBe('OK');

    expect((await s.rest('/api/admin/categories')).status).toBe(401);
    for (const who of [student, instructor]) {
      const res = await s.rest<{ success: boolean }>({ url: '/api/admin/categories', headers: s.bearer(who.token) });
      expect(res.status).toBe(403);
      expect(res.body.success).toBe(false);
    }
  });

  it('lists inactive categories with their counts, which categories.list leaves out', async () => {
    const { category: parent } = await admin.caller.categories.create({ name: 'Retired Topics', isActive: false });
    const { category: child } = await admin.caller.categories.create({ name: 'Old Child', parentId: parent.id });
    const teacher = await makeUser(s, 'instructor');
    const p = await makeProgram(s, { ownerId: teacher.id, status: 'draft' });
    await s.db.program.update({ where: { id: p.id }, data: { categoryId: parent.id } });

    const publicList = await s.anonymous.categories.list();
    expect(publicList.categories.some((c) => c.id === parent.id)).toBe(false);

    const res = await s.rest<{ success: boolean; categories: Listed[] }>({
      url: '/api/admin/categories',
      headers: s.bearer(admin.token),
    });
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
    const retired = res.body.categories.find((c) => c.id === parent.id);
    expect(retired).toMatchObject({ slug: 'retired-topics', isActive: false, programCount: 1, childCount: 1 });
    expect(res.body.categories.find((c) => c.id === child.id)).toMatchObject({
      parentId: parent.id,
      programCount: 0,
      childCount: 0,
    });
    const all = await s.db.category.count();
    expect(res.body.categories).toHaveLength(all);

    // Found again, it can be re-activated, and then the public sees it.
    await admin.caller.categories.update({ id: parent.id, isActive: true });
    const again = await admin.caller.admin.categories.list();
    expect(again.categories.find((c) => c.id === parent.id)?.isActive).toBe(true);
    expect((await s.anonymous.categories.list()).categories.some((c) => c.id === parent.id)).toBe(true);
  });
});
