// The "banned" column of the authorization matrix, for EVERY procedure of the router: whatever
// needs a signed-in caller answers 401 to a banned (or deleted) account's still-held token, on
// both faces, and nothing runs on its behalf. The list of procedures is read from the router
// itself, so a procedure added later is covered without touching this file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '@learningpt/api';
import { startTestServer, type Caller, type TestServer } from '../../testing/harness';
import { makeUser, outcome, type TestUser } from '../../testing/learning-fixtures';

let s: TestServer;
let banned: TestUser;
let deleted: TestUser;

beforeAll(async () => {
  s = await startTestServer();
  [banned, deleted] = await Promise.all([makeUser(s, 'admin', 'Banned Admin'), makeUser(s, 'student', 'Gone')]);
  // Straight in the table, sessions left in place: the status alone must end them.
  await s.db.user.update({ where: { id: banned.id }, data: { status: 'banned' } });
  await s.db.user.update({ where: { id: deleted.id }, data: { status: 'deleted', deletedAt: s.clock.now() } });
});
afterAll(() => s.close());

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>);

function call(caller: Caller, path: string): Promise<unknown> {
  const fn = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], caller);
  // No input: a procedure behind sign-in refuses before it reads its input.
  return (fn as (input?: unknown) => Promise<unknown>)(undefined);
}

describe('a banned or deleted account', () => {
  it('gets 401 from every procedure that needs a signed-in caller (tRPC face)', async () => {
    const signedInOnly: string[] = [];
    for (const [path] of procedures) {
      if ((await outcome(call(s.anonymous, path))) !== 'UNAUTHORIZED') continue;
      signedInOnly.push(path);
      expect({ path, banned: await outcome(call(banned.caller, path)) }).toEqual({ path, banned: 'UNAUTHORIZED' });
      expect({ path, deleted: await outcome(call(deleted.caller, path)) }).toEqual({ path, deleted: 'UNAUTHORIZED' });
    }
    // The router really has such procedures (and this walk found them).
    expect(signedInOnly).toEqual(expect.arrayContaining(['auth.me', 'users.profile', 'admin.users.list']));
    expect(signedInOnly.length).toBeGreaterThan(30);
  });

  it('gets 401 on the REST face too, and an admin-only action does not happen', async () => {
    const victim = await makeUser(s, 'student', 'Not Banned By A Banned Admin');
    for (const [method, url] of [
      ['GET', '/api/auth/profile'],
      ['GET', '/api/admin/users'],
      ['POST', `/api/admin/users/${victim.id}/ban`],
    ] as const) {
      const res = await s.rest({
        method,
        url,
        headers: s.bearer(banned.token),
        payload: method === 'POST' ? {} : undefined,
      });
      expect({ url, status: res.status }).toEqual({ url, status: 401 });
    }
    expect((await s.db.user.findUniqueOrThrow({ where: { id: victim.id } })).status).toBe('active');
  });
});
