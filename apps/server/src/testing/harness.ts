// Test helpers for the server: a real app on a real (fresh) database, callers for any role on
// the tRPC face, and the REST face through app.inject(). Nothing of ours is mocked.
import type { FastifyInstance, InjectOptions } from 'fastify';
import { createCaller, type AppContext, type SessionInfo } from '@learningpt/api';
import { createModelGate, createSession, fixedClock, validateSessionToken, type AuthSettings } from '@learningpt/core';
import { createTutorModels } from '@learningpt/ai';
import { aiSettingsFrom } from '../ai-settings';
import type { Db } from '@learningpt/db';
import { createTestDatabase } from '@learningpt/db/testing';
import { generateSigningKeyPem } from '@learningpt/certificates/credentials';
import { buildApp } from '../app';
import { loadConfig, type Config } from '../config';
import { authSettingsFrom } from '../plugins/session';
import { billingSettingsFrom } from '../plugins/stripe-webhook';
import { createPaymentGateway } from '@learningpt/billing';
import { createSeededTestDatabase } from './seeded-database';

export type Role = 'student' | 'instructor' | 'admin';
export type Caller = ReturnType<typeof createCaller>;

export interface TestServer {
  app: FastifyInstance;
  db: Db;
  url: string;
  clock: ReturnType<typeof fixedClock>;
  config: Config;
  /** The auth settings the app runs with (from the test config). */
  auth: AuthSettings;
  /** The tRPC face, as nobody in particular. */
  anonymous: Caller;
  /**
   * The tRPC face, signed in for real as the first active seeded user with this role (or a
   * given user id): a Session row is created with the product's own createSession, and every
   * call resolves its token again (so logout, bans and expiry show).
   */
  as(role: Role, userId?: string): Promise<Caller>;
  /** A real session for such a user, for REST calls: `headers: s.bearer(token)`. */
  sessionFor(role: Role, userId?: string): Promise<{ token: string; userId: string; email: string }>;
  /** The tRPC face with a given session token (resolved at each call, as the server does). */
  withToken(token: string): Caller;
  /** Signs in through POST /api/auth/login; throws with the answer when that fails. */
  signIn(email: string, password: string): Promise<{ token: string; caller: Caller; userId: string }>;
  bearer(token: string): { authorization: string };
  /** The REST face: app.inject with JSON parsed. */
  rest<T = unknown>(
    opts: InjectOptions | string,
  ): Promise<{ status: number; body: T; headers: Record<string, unknown> }>;
  close(): Promise<void>;
}

/** What production needs beyond the defaults (config.ts PRODUCTION_REQUIRED), for tests of production behaviour. */
export const PRODUCTION_ENV: Readonly<Record<string, string>> = {
  NODE_ENV: 'production',
  APP_ORIGINS: 'https://app.example.com,https://admin.example.com',
  PUBLIC_WEB_URL: 'https://app.example.com',
  PUBLIC_API_URL: 'https://api.example.com',
  RESEND_API_KEY: 're_test_production',
  RESEND_BASE_URL: 'http://127.0.0.1:9',
  MAIL_FROM: 'LearninGPT <no-reply@example.com>',
  CREDENTIAL_SIGNING_KEY: generateSigningKeyPem(),
};

export function testConfig(databaseUrl: string, overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    // Keep the anti-enumeration floor short so the suite stays quick (the default is 250 ms).
    AUTH_RESPONSE_FLOOR_MS: '25',
    ...overrides,
  });
}

/** A server on a fresh database: `seeded` (the demo data) or empty but migrated. */
export async function startTestServer(
  opts: {
    seeded?: boolean;
    env?: Record<string, string>;
    /**
     * Connections in the app's pool. Default 4 (many files run at once); tests of many concurrent
     * requests take production's default (10), or a loaded machine queues them past the pool's
     * 5 s connection timeout.
     */
    poolMax?: number;
  } = {},
): Promise<TestServer> {
  const max = opts.poolMax ?? 4;
  const database = opts.seeded === false ? await createTestDatabase({ max }) : await createSeededTestDatabase({ max });
  const config = testConfig(database.url, opts.env);
  const clock = fixedClock(new Date('2026-11-23T12:00:00Z'));
  // Payments as the config says (tests of billing point STRIPE_API_BASE at a local Stripe).
  const payments = createPaymentGateway(config);
  // The tutor as the config says (tests of the AI point OPENAI_BASE_URL / MISTRAL_BASE_URL at a fake).
  const ai = { models: createTutorModels(aiSettingsFrom(config)), gate: createModelGate(config.AI_MAX_IN_FLIGHT) };
  const app = await buildApp({ config, db: database.db, clock, payments, ai }, { closeDb: false });
  await app.ready();

  const auth = authSettingsFrom(config);
  const context = (session: AppContext['session']): AppContext => ({
    db: database.db,
    clock,
    log: app.log,
    requestId: 'test',
    session,
    auth,
    ip: '127.0.0.1',
    userAgent: 'vitest',
    setSessionCookie: () => {},
    clearSessionCookie: () => {},
    setHeader: () => {},
    payments,
    billing: billingSettingsFrom(config),
    ai,
  });
  const withToken = (token: string): Caller =>
    createCaller(async () => {
      const valid = await validateSessionToken({ db: database.db, clock, policy: auth, token });
      const session: SessionInfo | null = valid
        ? {
            sessionId: valid.id,
            user: valid.user,
            expiresAt: valid.expiresAt,
            absoluteExpiresAt: valid.absoluteExpiresAt,
            via: 'bearer',
            token,
          }
        : null;
      return context(session);
    });
  const sessionFor = async (role: Role, userId?: string) => {
    const user = await database.db.user.findFirstOrThrow({
      where: userId ? { id: userId } : { role, status: 'active' },
      orderBy: { createdAt: 'asc' },
    });
    const { token } = await createSession({
      db: database.db,
      clock,
      policy: auth,
      userId: user.id,
      ip: '127.0.0.1',
      userAgent: 'vitest',
    });
    return { token, userId: user.id, email: user.email };
  };
  const rest = async <T>(o: InjectOptions | string) => {
    const res = await app.inject(typeof o === 'string' ? { method: 'GET', url: o } : o);
    const isJson = String(res.headers['content-type'] ?? '').includes('json');
    return { status: res.statusCode, body: (isJson ? res.json() : res.body) as T, headers: res.headers };
  };

  return {
    app,
    db: database.db,
    url: database.url,
    clock,
    config,
    anonymous: createCaller(context(null)),
    auth,
    async as(role, userId) {
      return withToken((await sessionFor(role, userId)).token);
    },
    sessionFor,
    withToken,
    async signIn(email, password) {
      const res = await rest<{ token?: string; user?: { id: string } }>({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password },
      });
      if (res.status !== 200 || !res.body.token) {
        throw new Error(`sign-in failed (${res.status}): ${JSON.stringify(res.body)}`);
      }
      return { token: res.body.token, caller: withToken(res.body.token), userId: res.body.user!.id };
    },
    bearer: (token) => ({ authorization: `Bearer ${token}` }),
    rest,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
