import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import { appRouter, errorAnswer, nulPath, NUL_REFUSED, type AppContext, type AppRouter } from '@learningpt/api';
import { createDb, type Db } from '@learningpt/db';
import { configurePasswordHasher, createModelGate, systemClock, type Clock, type ModelGate } from '@learningpt/core';
import { createMailer, type Mailer } from '@learningpt/mail';
import { createStorage, type FileStorage } from '@learningpt/storage';
import { createPaymentGateway, type PaymentGateway } from '@learningpt/billing';
import type { OpenBadgeIssuer } from '@learningpt/certificates/credentials';
import type { Config } from './config';
import { sendError, sendErrorAnswer } from './errors';
import { loggerOptions } from './logger';
import { registerRestApi } from './rest/rest-api';
import { registerTrpcHost } from './plugins/trpc-host';
import { registerDocs } from './plugins/docs';
import { registerHealth } from './plugins/health';
import { registerDevMail } from './plugins/dev-mail';
import { registerUploads } from './plugins/uploads';
import { authSettingsFrom, registerSession, sessionCookies } from './plugins/session';
import { billingSettingsFrom, registerStripeWebhook } from './plugins/stripe-webhook';
import { createCredentialIssuer, registerCertificates } from './plugins/certificates';
import { registerAiChat } from './plugins/ai-chat';
import { registerReports } from './plugins/reports';
import { registerCatalogCache } from './plugins/catalog-cache';
import { aiSettingsFrom } from './ai-settings';
import { createTutorModels, type TutorModels } from '@learningpt/ai';

/** Everything the app needs from outside; tests pass their own (a test database, a fixed clock). */
export interface AppDeps {
  config: Config;
  db: Db;
  clock: Clock;
  /** Sends email (the job worker uses it). Optional for tests that send none; /dev/mail needs the dev mailbox. */
  mailer?: Mailer;
  /** Where uploads (avatars) go. Default: chosen by the config (local disk or UploadThing). */
  storage?: FileStorage;
  /** The payment provider (Stripe or the local Stripe). Default: chosen by the config; null = none. */
  payments?: PaymentGateway | null;
  /** Signs certificates' Open Badges credentials. Default: from the config (CREDENTIAL_SIGNING_KEY). */
  credentials?: OpenBadgeIssuer;
  /** The AI tutor's models and its cap on model calls. Default: from the config (OpenAI, Mistral, or the offline tutor). */
  ai?: { models: TutorModels; gate: ModelGate };
}

export function createAppDeps(config: Config): AppDeps {
  return {
    config,
    db: createDb({ connectionString: config.DATABASE_URL, max: config.DATABASE_POOL_MAX }),
    clock: systemClock,
    mailer: createMailer(config),
    storage: createStorage(config),
    payments: createPaymentGateway(config),
  };
}

export interface BuildAppOptions {
  /** Close the database pool when the app closes (the default; tests that share a db pass false). */
  closeDb?: boolean;
}

const draining = new WeakSet<FastifyInstance>();

/**
 * Shutdown's first step (server.ts), before the listener closes: from now on every answer closes
 * its connection, so keep-alive clients (a proxy, a browser) take their next request elsewhere.
 * close() does the same from its start.
 */
export function startDraining(app: FastifyInstance): void {
  draining.add(app);
}

/** Builds the whole HTTP app without listening: server.ts listens, tests use `app.inject()`. */
export async function buildApp(deps: AppDeps, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const { config, db } = deps;
  if (config.PASSWORD_HASH_CONCURRENCY) configurePasswordHasher({ concurrency: config.PASSWORD_HASH_CONCURRENCY });
  const app = Fastify({
    logger: loggerOptions(config),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    // A hop count trusts exactly that many proxies from our side: the address a client writes
    // at the left of X-Forwarded-For is never taken. A list trusts those proxy addresses only.
    trustProxy:
      typeof config.TRUST_PROXY === 'number'
        ? (_address: string, hop: number) => hop < (config.TRUST_PROXY as number)
        : config.TRUST_PROXY,
    // Let in-flight requests finish on shutdown; drop idle keep-alive sockets at once.
    forceCloseConnections: 'idle',
    routerOptions: { maxParamLength: 5000 },
    bodyLimit: 1024 * 1024,
  });

  // Requests already under way when shutdown starts still finish, but their keep-alive sockets
  // must not outlive them: Node keeps such a socket open (and a client honours the Keep-Alive
  // hint) for up to 72 s, and close() waits for it. Answer them with `Connection: close`.
  app.addHook('preClose', async () => {
    draining.add(app);
  });
  app.addHook('onSend', async (req, reply) => {
    if (draining.has(app) && req.raw.httpVersionMajor < 2) reply.header('connection', 'close');
  });

  // Set before any route is registered: routes keep the handlers in force when they are added.
  app.setNotFoundHandler((req, reply) =>
    sendError(reply, 404, 'NOT_FOUND', `Nothing here: ${req.method} ${req.url.split('?')[0]}`),
  );
  app.setErrorHandler((error, req, reply) => {
    const answer = errorAnswer(error);
    if (answer.unexpected) req.log.error({ err: error }, 'request failed');
    return sendErrorAnswer(reply, answer);
  });

  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await app.register(helmet, {
    // The API answers JSON; /docs relaxes this for its own page.
    contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
  await app.register(cors, {
    origin: config.APP_ORIGINS,
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    maxAge: 600,
  });

  const auth = authSettingsFrom(config);
  const payments = deps.payments !== undefined ? deps.payments : createPaymentGateway(config);
  const billing = billingSettingsFrom(config);
  const credentials = deps.credentials ?? createCredentialIssuer(config);
  const ai = deps.ai ?? {
    models: createTutorModels(aiSettingsFrom(config), {
      onModerationFallback: (err) => app.log.warn({ err }, 'AI moderation unavailable: the local check was used'),
    }),
    gate: createModelGate(config.AI_MAX_IN_FLIGHT),
  };
  const storage = deps.storage ?? createStorage(config);
  await registerSession(app, { db, clock: deps.clock, config, settings: auth });
  if (config.CATALOG_CACHE === 'on') await registerCatalogCache(app, { connectionString: config.DATABASE_URL });

  const createContext = (req: FastifyRequest, reply: FastifyReply): AppContext => {
    const cookies = sessionCookies(config, req, reply);
    return {
      db,
      clock: deps.clock,
      log: req.log,
      requestId: req.id,
      session: req.authSession,
      auth,
      ip: req.ip,
      userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'].slice(0, 500) : null,
      setSessionCookie: cookies.set,
      clearSessionCookie: cookies.clear,
      setHeader: (name, value) => void reply.header(name, value),
      payments,
      billing,
      credentials,
      ai,
    };
  };

  // One HTTP request must not buy unbounded work: batches are capped, and mutations (sign-in,
  // register, submit...) are never batched, so each one meets its rate limit on its own request.
  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'POST' || !req.url.startsWith('/trpc/')) return;
    const [path, query = ''] = req.url.slice('/trpc/'.length).split('?');
    if (new URLSearchParams(query).has('batch') && decodeURIComponent(path ?? '').includes(',')) {
      return sendError(reply, 400, 'BAD_REQUEST', 'Mutations cannot be batched: send one mutation per request.');
    }
  });

  // PostgreSQL text cannot hold the NUL character: input carrying one is a 400 naming the field,
  // never a database 500. Procedures check their input (packages/api trpc.ts); this covers plain
  // routes: a JSON body (the tutor's stream) and the URL of the others (/uploads, /dev/mail).
  app.addHook('onRequest', async (req, reply) => {
    if (/^\/(api|trpc)\//.test(req.url) || !/%00/i.test(req.url)) return;
    return sendError(reply, 400, 'BAD_REQUEST', NUL_REFUSED);
  });
  app.addHook('preValidation', async (req, reply) => {
    if (req.url.startsWith('/trpc/') || req.body === null || typeof req.body !== 'object') return;
    const at = nulPath(req.body);
    if (at) {
      const field = at.join('.') || 'input';
      return sendErrorAnswer(reply, {
        status: 400,
        code: 'BAD_REQUEST',
        message: `Some fields are invalid: ${field}: ${NUL_REFUSED}`,
        issues: [{ path: at, message: NUL_REFUSED }],
        unexpected: false,
      });
    }
  });

  const trpcHost = await registerTrpcHost(app, {
    prefix: '/trpc',
    fastPath: config.TRPC_FAST_PATH === 'on',
    trpcOptions: {
      router: appRouter,
      maxBatchSize: config.TRPC_MAX_BATCH_SIZE,
      createContext: ({ req, res }) => createContext(req, res),
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });
  app.decorate('trpcHost', { getter: () => trpcHost });

  const { document } = await registerRestApi(app, { createContext });
  await registerDocs(app, document);
  await registerHealth(app, { db });
  await registerStripeWebhook(app, { db, clock: deps.clock, payments });
  await registerDevMail(app, { mailer: deps.mailer, config });
  await registerUploads(app, { db, clock: deps.clock, config, storage });
  await registerCertificates(app, { db, storage, issuer: credentials });
  await registerAiChat(app, { db, clock: deps.clock, models: ai.models, gate: ai.gate });
  await registerReports(app, { db, clock: deps.clock });

  if (options.closeDb !== false) app.addHook('onClose', async () => db.$disconnect());
  return app;
}

/** Also used by the worker process (src/worker.ts), so both log alike. */
