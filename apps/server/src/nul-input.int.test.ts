// PostgreSQL text cannot hold NUL: input with one is a clear 400 on every face, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testing/harness';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

describe('the NUL character in input', () => {
  it('is refused with a 400 in a REST query, a JSON body and a tRPC input', async () => {
    type Refusal = { error: { code: string; message: string; issues?: { path: unknown[] }[] } };
    const query = await s.rest<Refusal>({ url: '/api/programs?search=%00react' });
    expect(query.status).toBe(400);
    expect(query.body.error.message).toMatch(/search: .*NUL character/);
    expect(query.body.error.issues?.[0]?.path).toEqual(['search']);

    const body = await s.rest<Refusal>({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'someone@example.com\u0000', password: 'whatever-it-is' },
    });
    expect(body.status).toBe(400);
    expect(body.body.error.message).toMatch(/NUL character/);
    expect(body.body.error.issues?.[0]?.path).toEqual(['email']);

    const input = encodeURIComponent(JSON.stringify({ json: { search: 'a\u0000b' } }));
    const trpc = await s.app.inject({ url: `/trpc/programs.list?input=${input}` });
    expect(trpc.statusCode).toBe(400);
    expect(JSON.stringify(trpc.json())).toContain('search');

    // A plain route's URL.
    expect((await s.app.inject({ url: '/uploads/a%00b.png' })).statusCode).toBe(400);

    // The same requests without it work.
    expect((await s.rest({ url: '/api/programs?search=react' })).status).toBe(200);
  });
});
