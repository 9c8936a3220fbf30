// The authorization matrix of the dashboard, the analytics and the CSV reports: every procedure
// and route × anonymous / student / instructor / admin / banned, on the tRPC face and on REST
// (the procedures' own paths, the Insta iQ alias and the plain CSV route).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '@learningpt/api';
import { startTestServer, type Caller, type TestServer } from '../../testing/harness';
import { makeUser, outcome } from '../../testing/learning-fixtures';

let s: TestServer;
const callers: Record<string, Caller> = {};
const tokens: Record<string, string | null> = {};
const WHO = ['anonymous', 'student', 'instructor', 'admin', 'banned'] as const;
const EXPECTED: Record<(typeof WHO)[number], { trpc: string; status: number }> = {
  anonymous: { trpc: 'UNAUTHORIZED', status: 401 },
  student: { trpc: 'FORBIDDEN', status: 403 },
  instructor: { trpc: 'FORBIDDEN', status: 403 },
  admin: { trpc: 'OK', status: 200 },
  banned: { trpc: 'UNAUTHORIZED', status: 401 },
};

const PROCEDURES = [
  'admin.dashboard',
  'admin.analytics.overview',
  'admin.analytics.revenue',
  'admin.analytics.users',
  'admin.analytics.programs',
  'admin.analytics.events',
];
const REST_PATHS = [
  '/api/admin/dashboard',
  '/api/admin/analytics',
  '/api/analytics/dashboard',
  '/api/analytics/revenue',
  '/api/analytics/users',
  '/api/analytics/courses',
  '/api/analytics/events',
  '/api/admin/reports/orders.csv',
  '/api/admin/reports/users.csv',
  '/api/admin/reports/enrollments.csv',
  '/api/admin/reports/revenue.csv',
  '/api/admin/reports/events.csv',
];

beforeAll(async () => {
  s = await startTestServer({ seeded: false });
  callers.anonymous = s.anonymous;
  tokens.anonymous = null;
  for (const role of ['student', 'instructor', 'admin'] as const) {
    const u = await makeUser(s, role);
    callers[role] = u.caller;
    tokens[role] = u.token;
  }
  // An admin banned after signing in: the session is still held, the status alone must end it.
  const banned = await makeUser(s, 'admin', 'Banned Admin');
  await s.db.user.update({ where: { id: banned.id }, data: { status: 'banned' } });
  callers.banned = banned.caller;
  tokens.banned = banned.token;
});
afterAll(() => s?.close());

describe('dashboard, analytics and reports: who may call', () => {
  it('lists every new procedure (and no other analytics procedure goes untested)', () => {
    const all = Object.keys(appRouter._def.procedures);
    expect(all.filter((p) => p === 'admin.dashboard' || p.startsWith('admin.analytics.')).sort()).toEqual(
      [...PROCEDURES].sort(),
    );
  });

  it.each(PROCEDURES)('tRPC %s', async (path) => {
    for (const who of WHO) {
      const fn = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], callers[who]);
      const got = await outcome((fn as (input?: unknown) => Promise<unknown>)(undefined));
      expect({ who, got }).toEqual({ who, got: EXPECTED[who].trpc });
    }
  });

  it.each(REST_PATHS)('REST GET %s', async (url) => {
    for (const who of WHO) {
      const token = tokens[who];
      const res = await s.rest({ url, headers: token ? s.bearer(token) : {} });
      expect({ who, status: res.status }).toEqual({ who, status: EXPECTED[who].status });
      if (res.status !== 200) expect(String(res.headers['content-type'])).toContain('application/json');
    }
  });
});
