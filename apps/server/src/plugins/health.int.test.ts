import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '@learningpt/db';
import { buildApp } from '../app';
import { startTestServer, testConfig, type TestServer } from '../testing/harness';
import { fixedClock } from '@learningpt/core';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ seeded: false });
});
afterAll(() => s.close());

describe('/health and /ready', () => {
  it('/health answers while the process is alive', async () => {
    const res = await s.app.inject({ url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('/ready answers 200 when the database is reachable and migrated', async () => {
    const res = await s.app.inject({ url: '/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', database: 'ok', pendingMigrations: [] });
  });

  it('/ready answers 503 naming a migration that is not applied', async () => {
    const [row] = await s.db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`;
    await s.db.$executeRaw`DELETE FROM _prisma_migrations WHERE migration_name = ${row!.migration_name}`;
    const res = await s.app.inject({ url: '/ready' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'unavailable', pendingMigrations: [row!.migration_name] });
  });

  it('/ready answers 503 when the database cannot be reached, and /health still 200', async () => {
    const url = 'postgresql://postgres:x@127.0.0.1:1/nowhere';
    const app = await buildApp({
      config: testConfig(url),
      db: createDb({ connectionString: url, connectionTimeoutMillis: 1000 }),
      clock: fixedClock(new Date()),
    });
    try {
      const ready = await app.inject({ url: '/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ status: 'unavailable', database: 'unreachable' });
      expect((await app.inject({ url: '/health' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
