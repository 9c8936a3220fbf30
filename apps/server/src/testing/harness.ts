// Test helpers for the server: a real app on a real (fresh) database, callers for any role on
// the tRPC face, and the REST face through app.inject(). Nothing of ours is mocked.
import type { FastifyInstance, InjectOptions } from 'fastify';
import { createCaller, type AppContext } from '@learningpt/api';
import { fixedClock } from '@learningpt/core';
import type { Db } from '@learningpt/db';
import { createTestDatabase } from '@learningpt/db/testing';
import { buildApp } from '../app';
import { loadConfig, type Config } from '../config';
import { createSeededTestDatabase } from './seeded-database';

export type Role = 'student' | 'instructor' | 'admin';

export interface TestServer {
  app: FastifyInstance;
  db: Db;
  url: string;
  clock: ReturnType<typeof fixedClock>;
  config: Config;
  /** The tRPC face, as nobody in particular. */
  anonymous: ReturnType<typeof createCaller>;
  /** The tRPC face, as the first seeded user with this role (or a given user id). */
  as(role: Role, userId?: string): Promise<ReturnType<typeof createCaller>>;
  /** The REST face: app.inject with JSON parsed. */
  rest<T = unknown>(
    opts: InjectOptions | string,
  ): Promise<{ status: number; body: T; headers: Record<string, unknown> }>;
  close(): Promise<void>;
}

export function testConfig(databaseUrl: string, overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', ...overrides });
}

/** A server on a fresh database: `seeded` (the demo data) or empty but migrated. */
export async function startTestServer(
  opts: { seeded?: boolean; env?: Record<string, string> } = {},
): Promise<TestServer> {
  const database = opts.seeded === false ? await createTestDatabase({ max: 4 }) : await createSeededTestDatabase();
  const config = testConfig(database.url, opts.env);
  const clock = fixedClock(new Date('2026-11-23T12:00:00Z'));
  const app = await buildApp({ config, db: database.db, clock }, { closeDb: false });
  await app.ready();

  const context = (session: AppContext['session']): AppContext => ({
    db: database.db,
    clock,
    log: app.log,
    requestId: 'test',
    session,
  });

  return {
    app,
    db: database.db,
    url: database.url,
    clock,
    config,
    anonymous: createCaller(context(null)),
    async as(role, userId) {
      const user = await database.db.user.findFirstOrThrow({
        where: userId ? { id: userId } : { role, status: 'active' },
        orderBy: { createdAt: 'asc' },
      });
      return createCaller(
        context({
          sessionId: `test-${user.id}`,
          user: { userId: user.id, role: user.role, name: user.name, email: user.email },
        }),
      );
    },
    async rest<T>(o: InjectOptions | string) {
      const res = await app.inject(typeof o === 'string' ? { method: 'GET', url: o } : o);
      const isJson = String(res.headers['content-type'] ?? '').includes('json');
      return { status: res.statusCode, body: (isJson ? res.json() : res.body) as T, headers: res.headers };
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
