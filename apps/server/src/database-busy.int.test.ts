// A saturated database is an overload, not a bug: when no pool connection comes free in time, the
// answer is a 503 with Retry-After on every face, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testing/harness';

let s: TestServer;
beforeAll(async () => {
  // One connection in the app's pool, so the test can hold it.
  s = await startTestServer({ poolMax: 1 });
});
afterAll(() => s.close());

/** Holds the pool's only connection in a transaction until `release` is called. */
async function holdTheOnlyConnection() {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let held!: () => void;
  const isHeld = new Promise<void>((r) => (held = r));
  const done = s.db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      held();
      await released;
    },
    { timeout: 30_000 },
  );
  await isHeld;
  return async () => {
    release();
    await done;
  };
}

describe('database busy', () => {
  it('answers 503 with Retry-After on REST and tRPC while every connection is taken, then serves again', async () => {
    const release = await holdTheOnlyConnection();
    try {
      type Body = { success: boolean; error: { code: string; message: string } };
      const [list, login, trpc] = await Promise.all([
        // A plain query (waits for the pool's connection timeout) on REST ...
        s.rest<Body>({ method: 'GET', url: '/api/programs' }),
        // ... one that opens a transaction first (waits for its maxWait) ...
        s.rest<Body>({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'nobody@example.org', password: 'not the password' },
        }),
        // ... and a procedure on the tRPC face.
        s.app.inject({ method: 'GET', url: '/trpc/programs.list?input=%7B%22json%22%3A%7B%7D%7D' }),
      ]);
      for (const res of [list, login]) {
        expect(res.status).toBe(503);
        expect(res.headers['retry-after']).toBe('2');
        expect(res.body).toMatchObject({ success: false, error: { code: 'SERVICE_UNAVAILABLE' } });
        expect(res.body.error.message).toMatch(/busy right now/);
      }
      expect(trpc.statusCode).toBe(503);
      expect(trpc.headers['retry-after']).toBe('2');
      const body = trpc.json<{ error: { json: { message: string; data: { code: string } } } }>();
      expect(body.error.json.data.code).toBe('SERVICE_UNAVAILABLE');
      expect(body.error.json.message).toMatch(/busy right now/);
    } finally {
      await release();
    }
    const again = await s.rest({ method: 'GET', url: '/api/programs' });
    expect(again.status).toBe(200);
  }, 30_000);
});
