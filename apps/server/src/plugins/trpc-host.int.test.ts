// The direct answer of single tRPC calls (TRPC_FAST_PATH=on) is byte for byte what the stock
// Fastify adapter answers (off): two servers on identically seeded databases and one fixed clock
// get the same requests, and every answer's status, body and content headers must match.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness';

let fast: TestServer;
let stock: TestServer;
beforeAll(async () => {
  [fast, stock] = await Promise.all([
    startTestServer({ env: { TRPC_FAST_PATH: 'on' } }),
    startTestServer({ env: { TRPC_FAST_PATH: 'off' } }),
  ]);
});
afterAll(() => Promise.all([fast?.close(), stock?.close()]));

const q = (input: unknown) => `input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
/** A batch's query string: each call's input by its index, as httpBatchLink sends it. */
const bq = (inputs: Record<number, unknown>) =>
  `batch=1&input=${encodeURIComponent(
    JSON.stringify(Object.fromEntries(Object.entries(inputs).map(([i, v]) => [i, { json: v }]))),
  )}`;

interface Call {
  name: string;
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  body?: string;
  contentType?: string;
  /** Signed in as the seeded student (a session made on each server). */
  signedIn?: boolean;
  /** Left to the stock adapter by the fast path (else answered directly). */
  adapter?: boolean;
}

const CALLS: Call[] = [
  {
    name: 'query with input (dates through superjson)',
    method: 'GET',
    url: `/trpc/programs.list?${q({ page: 1, limit: 3 })}`,
  },
  { name: 'query without input', method: 'GET', url: '/trpc/categories.list' },
  { name: 'query, invalid input (400 with issues)', method: 'GET', url: `/trpc/programs.list?${q({ limit: 5000 })}` },
  { name: 'query, input not JSON', adapter: true, method: 'GET', url: '/trpc/programs.list?input=%7Bnope' },
  { name: 'domain refusal (404)', method: 'GET', url: `/trpc/programs.byId?${q({ id: 'no-such-program' })}` },
  { name: 'unknown procedure', adapter: true, method: 'GET', url: '/trpc/programs.nothing' },
  {
    name: 'query by POST',
    adapter: true,
    method: 'POST',
    url: '/trpc/categories.list',
    body: '{}',
    contentType: 'application/json',
  },
  {
    name: 'mutation by GET',
    adapter: true,
    method: 'GET',
    url: `/trpc/auth.login?${q({ email: 'a@b.co', password: 'x' })}`,
  },
  {
    name: 'other method',
    adapter: true,
    method: 'PUT',
    url: '/trpc/categories.list',
    body: '{}',
    contentType: 'application/json',
  },
  { name: 'signed-in query, signed out (401)', method: 'GET', url: '/trpc/users.profile' },
  { name: 'signed-in query', method: 'GET', url: '/trpc/users.profile', signedIn: true },
  { name: 'signed-in query with input', method: 'GET', url: `/trpc/notifications.list?${q({})}`, signedIn: true },
  {
    name: 'mutation, invalid input',
    method: 'POST',
    url: '/trpc/auth.login',
    body: JSON.stringify({ json: { email: 'not an email', password: '' } }),
    contentType: 'application/json',
  },
  {
    name: 'mutation that changes a row',
    method: 'POST',
    url: '/trpc/users.updateProfile',
    body: JSON.stringify({ json: { bio: 'Same on both servers.' } }),
    contentType: 'application/json',
    signedIn: true,
  },
  {
    name: 'mutation with a NUL character (400 naming the field)',
    method: 'POST',
    url: '/trpc/users.updateProfile',
    body: JSON.stringify({ json: { bio: 'a\u0000b' } }),
    contentType: 'application/json',
    signedIn: true,
  },
  {
    name: 'mutation without a content type',
    adapter: true,
    method: 'POST',
    url: '/trpc/users.updateProfile',
    body: JSON.stringify({ json: { bio: 'x' } }),
    signedIn: true,
  },
  {
    name: 'mutation, body not JSON',
    adapter: true,
    method: 'POST',
    url: '/trpc/auth.login',
    body: '{',
    contentType: 'application/json',
  },
  {
    name: 'batch of queries without input',
    method: 'GET',
    url: `/trpc/categories.list,programs.featured?batch=1&input=${encodeURIComponent('{}')}`,
  },
  {
    name: 'batch of queries with inputs, one missing',
    method: 'GET',
    url: `/trpc/programs.list,categories.list,programs.list?${bq({ 0: { page: 1, limit: 2 }, 2: { page: 2, limit: 1 } })}`,
  },
  { name: 'batch of one query', method: 'GET', url: `/trpc/programs.list?${bq({ 0: { limit: 1 } })}` },
  { name: 'batch without an input parameter', method: 'GET', url: '/trpc/categories.list,programs.featured?batch=1' },
  {
    name: 'batch, one call refused (207)',
    method: 'GET',
    url: `/trpc/categories.list,programs.byId?${bq({ 1: { id: 'no-such-program' } })}`,
  },
  {
    name: 'batch, every call refused alike (404)',
    method: 'GET',
    url: `/trpc/programs.byId,programs.byId?${bq({ 0: { id: 'nope' }, 1: { id: 'nope-2' } })}`,
  },
  {
    name: 'batch, invalid input in one call',
    method: 'GET',
    url: `/trpc/programs.list,categories.list?${bq({ 0: { limit: 5000 } })}`,
  },
  { name: 'batch, signed-in queries signed out', method: 'GET', url: `/trpc/users.profile,categories.list?batch=1` },
  {
    name: 'batch, signed-in queries',
    method: 'GET',
    url: `/trpc/users.profile,notifications.list?${bq({ 1: {} })}`,
    signedIn: true,
  },
  {
    name: 'batch with an unknown procedure',
    adapter: true,
    method: 'GET',
    url: '/trpc/categories.list,programs.nothing?batch=1',
  },
  {
    name: 'batch with a mutation by GET',
    adapter: true,
    method: 'GET',
    url: `/trpc/categories.list,auth.logout?batch=1`,
  },
  {
    name: 'batch, input not JSON',
    adapter: true,
    method: 'GET',
    url: '/trpc/categories.list,programs.featured?batch=1&input=%7B',
  },
  {
    name: 'batch, input not an object',
    adapter: true,
    method: 'GET',
    url: `/trpc/categories.list,programs.featured?batch=1&input=${encodeURIComponent('[1]')}`,
  },
  {
    name: 'batch over the size limit',
    adapter: true,
    method: 'GET',
    url: `/trpc/${Array(60).fill('categories.list').join(',')}?batch=1`,
  },
  {
    name: 'batch=true is not a batch',
    adapter: true,
    method: 'GET',
    url: '/trpc/categories.list,programs.featured?batch=true',
  },
];

async function ask(s: TestServer, call: Call) {
  const headers: Record<string, string> = {};
  if (call.contentType) headers['content-type'] = call.contentType;
  if (call.signedIn) Object.assign(headers, s.bearer((await s.sessionFor('student')).token));
  const res = await s.app.inject({ method: call.method, url: call.url, headers, payload: call.body });
  return {
    status: res.statusCode,
    body: res.body,
    contentType: res.headers['content-type'],
    vary: res.headers['vary'],
  };
}

describe('the direct tRPC answer', () => {
  it.each(CALLS)('is the adapter’s answer: $name', async (call) => {
    const before = fast.app.trpcHost.directAnswers;
    const [a, b] = [await ask(fast, call), await ask(stock, call)];
    expect(a).toEqual(b);
    // Answered directly unless it is a case for the adapter; the stock server never does.
    expect(fast.app.trpcHost.directAnswers - before).toBe(call.adapter ? 0 : 1);
    expect(stock.app.trpcHost.directAnswers).toBe(0);
  });

  it('covers successes and failures both (the list above is not all errors)', async () => {
    const statuses = await Promise.all(CALLS.map(async (c) => (await ask(fast, c)).status));
    expect(statuses.filter((x) => x === 200).length).toBeGreaterThanOrEqual(5);
    expect(new Set(statuses.filter((x) => x >= 400))).toEqual(new Set([400, 401, 404, 405, 415]));
    expect(statuses).toContain(207);
  });
});
