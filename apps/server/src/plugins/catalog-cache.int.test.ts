// The response cache of anonymous catalog reads: what it serves, and that every change to what
// it shows reaches the next answer. A write made with triggers switched off (replication role
// "replica") changes the rows without notifying, which shows whether an answer came from memory.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness';

let s: TestServer;
let slug: string;
beforeAll(async () => {
  s = await startTestServer();
  const first = await s.rest<{ programs: { slug: string }[] }>('/api/programs?limit=1');
  slug = first.body.programs[0]!.slug;
});
afterAll(() => s.close());

type Page = { program: { title: string } };
const title = async (headers: Record<string, string> = {}) =>
  (await s.rest<Page>({ method: 'GET', url: `/api/programs/${slug}`, headers })).body.program.title;

/** Changes the title without firing triggers: no notification, so a cached answer stays. */
async function silentlyRetitle(to: string) {
  await s.db.$transaction([
    s.db.$executeRaw`SET LOCAL session_replication_role = replica`,
    s.db.$executeRaw`UPDATE "Program" SET title = ${to} WHERE slug = ${slug}`,
  ]);
}

describe('the catalog response cache', () => {
  it('answers a repeated anonymous read from memory, with an ETag that revalidates to 304', async () => {
    const first = await s.rest<Page>(`/api/programs/${slug}`);
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('public, no-cache');
    expect(String(first.headers['vary'])).toContain('authorization, cookie');
    const etag = String(first.headers['etag']);
    expect(etag).toMatch(/^"[\w-]+"$/);

    await silentlyRetitle('Silently changed');
    const second = await s.rest<Page>(`/api/programs/${slug}`);
    expect(second.body).toEqual(first.body); // from memory: the database says otherwise
    expect(second.headers['etag']).toBe(etag);

    const revalidated = await s.rest({
      method: 'GET',
      url: `/api/programs/${slug}`,
      headers: { 'if-none-match': etag },
    });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body).toBe('');
  });

  it('never serves signed-in readers from it, nor stores what they read', async () => {
    const before = await title();
    await silentlyRetitle('Seen by the signed-in');
    const { token } = await s.sessionFor('student');
    expect(await title(s.bearer(token))).toBe('Seen by the signed-in');
    expect(await title()).toBe(before); // the anonymous answer is still the cached one
    // An unknown session cookie is not anonymous either (the answer clears the cookie).
    expect(await title({ cookie: 'lgpt_session=not-a-session' })).toBe('Seen by the signed-in');
  });

  it('drops every answer once a change to the catalog commits, whoever made it', async () => {
    await title(); // cached
    // A write outside this server (another process, a script, a job): PostgreSQL notifies.
    await s.db.$executeRaw`UPDATE "Program" SET title = 'Changed elsewhere' WHERE slug = ${slug}`;
    await vi.waitFor(async () => expect(await title()).toBe('Changed elsewhere'), { timeout: 10_000, interval: 20 });

    // The list shows the instructor's name: a rename reaches it too.
    const list = await s.rest<{ programs: { slug: string; instructor: { id: string; name: string } }[] }>(
      '/api/programs?limit=50',
    );
    const card = list.body.programs.find((p) => p.slug === slug)!;
    await s.db.$executeRaw`UPDATE "User" SET name = 'Renamed Instructor' WHERE id = ${card.instructor.id}::uuid`;
    await vi.waitFor(
      async () => {
        const again = await s.rest<typeof list.body>('/api/programs?limit=50');
        expect(again.body.programs.find((p) => p.slug === slug)!.instructor.name).toBe('Renamed Instructor');
      },
      { timeout: 10_000, interval: 20 },
    );
  });

  it("drops every answer when this server answers a mutation (the writer's next read is fresh)", async () => {
    await title(); // cached
    await silentlyRetitle('After a mutation');
    expect(await title()).not.toBe('After a mutation');
    // Any mutation this server answers, even a refused one.
    const refused = await s.rest({ method: 'POST', url: '/api/programs', payload: {} });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(await title()).toBe('After a mutation');
  });

  it('keeps answers apart by URL, query string included', async () => {
    const a = await s.rest<{ programs: unknown[] }>('/api/programs?limit=2');
    const b = await s.rest<{ programs: unknown[] }>('/api/programs?limit=3');
    expect(a.body.programs).toHaveLength(2);
    expect(b.body.programs).toHaveLength(3);
  });
});
