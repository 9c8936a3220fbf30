// A client written from either product spec sends enum values as the spec spells them
// ("Advanced", "price-high", "PRICE_HIGH", "Instructor"): the REST face takes them and answers
// with the canonical value.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness';
import { makeUser, type TestUser } from '../../testing/learning-fixtures';

let s: TestServer;
let jane: TestUser;
let admin: TestUser;
beforeAll(async () => {
  s = await startTestServer();
  jane = await makeUser(s, 'instructor', 'Jane Spelling');
  admin = await makeUser(s, 'admin', 'Admin Spelling');
});
afterAll(() => s.close());

type ProgramBody = { success: boolean; program: { id: string; level: string } };

describe('the seeds’ enum spellings on REST', () => {
  it('creates and updates a program with "level": "Advanced" (the seed’s example)', async () => {
    const created = await s.rest<ProgramBody>({
      method: 'POST',
      url: '/api/programs',
      headers: s.bearer(jane.token),
      payload: {
        title: 'Spelled the seed way',
        description: 'A program from a seed client.',
        category: 'design',
        level: 'Advanced',
      },
    });
    expect(created.status).toBe(200);
    expect(created.body.program.level).toBe('advanced');
    const updated = await s.rest<ProgramBody>({
      method: 'PUT',
      url: `/api/programs/${created.body.program.id}`,
      headers: s.bearer(jane.token),
      payload: { level: 'BEGINNER' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.program.level).toBe('beginner');
    expect((await s.db.program.findUniqueOrThrow({ where: { id: created.body.program.id } })).level).toBe('beginner');
  });

  it('filters and sorts the catalog with other spellings, with the same answer as the canonical one', async () => {
    const canonical = await s.rest<{ programs: { id: string }[] }>('/api/programs?level=intermediate&sort=price-high');
    const seedWay = await s.rest<{ programs: { id: string }[] }>('/api/programs?level=Intermediate&sort=PRICE_HIGH');
    expect(canonical.status).toBe(200);
    expect(seedWay.status).toBe(200);
    expect(canonical.body.programs.length).toBeGreaterThan(0);
    expect(seedWay.body.programs.map((p) => p.id)).toEqual(canonical.body.programs.map((p) => p.id));
  });

  it('takes a role as "Instructor" and still refuses an unknown value with the allowed ones named', async () => {
    const student = await makeUser(s, 'student', 'Promoted Spelling');
    const ok = await s.rest({
      method: 'PUT',
      url: `/api/admin/users/${student.id}/role`,
      headers: s.bearer(admin.token),
      payload: { role: 'Instructor' },
    });
    expect(ok.status).toBe(200);
    expect((await s.db.user.findUniqueOrThrow({ where: { id: student.id } })).role).toBe('instructor');
    const bad = await s.rest<{ error: { message: string } }>('/api/programs?level=expert');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/level must be one of: beginner, intermediate, advanced/);
  });
});
