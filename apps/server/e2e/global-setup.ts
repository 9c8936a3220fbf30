// Vitest globalSetup of the e2e project: starts the whole stack ONCE per run, then the test
// files drive it with Chromium (see ./browser.ts):
//   PostgreSQL (embedded, throw-away) -> migrated + demo data -> the API server on a free port
//   -> the job worker (sends the emails into a temporary dev mailbox, read through GET /dev/mail;
//      deletes replaced uploads from the same temporary uploads directory)
//   -> the local Stripe (@learningpt/stripe-local) on a free port: the API's real `stripe` SDK
//      talks to it, it sends signed webhooks to the API's /api/payments/webhook, and its hosted
//      Checkout page sends the buyer back to the web app (PUBLIC_WEB_URL is the web app's port)
//   -> the web and admin apps' Vite dev servers on free ports, proxying /trpc, /api ... to it.
//
// Already running stack: set E2E_WEB_URL, E2E_ADMIN_URL and E2E_API_URL and nothing is started.
// An existing PostgreSQL: TEST_DATABASE_URL (a role with CREATEDB); a fresh database is created.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb } from '@learningpt/db';
import { migrate } from '@learningpt/db/migrate';
import { installJobQueue, silentJobLog, startWorker } from '@learningpt/jobs';
import { createMailer } from '@learningpt/mail';
import { createStorage } from '@learningpt/storage';
import { createLocalStripe, LOCAL_WEBHOOK_SECRET } from '@learningpt/stripe-local';
import { ensureDatabase, startEmbeddedPostgres, withDatabase } from '@learningpt/db/postgres';
// `vite` is a dependency of the apps, not of the server; vitest re-exports the same Vite.
import { createViteServer, type TestProject, type Vite } from 'vitest/node';
import { seedDemoData } from '../../../prisma/seed/index';
import { buildApp, createAppDeps } from '../src/app';
import { loadConfig } from '../src/config';
import { billingSettingsFrom } from '../src/plugins/stripe-webhook';
import './provided-context';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
// Same prefix as the integration setup's: either run's clean-up removes servers orphaned by a
// killed run of the other (it only touches those whose owning process is gone).
const TEMP_PREFIX = 'learningpt-test-pg-';
const timings = process.env.LEARNINGPT_E2E_TIMINGS === '1';

type Teardown = () => Promise<unknown>;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = givenStack();
  if (given) {
    provideUrls(project, given);
    return async () => {};
  }

  // Teardowns run in reverse order, also when a later step fails.
  const teardowns: Teardown[] = [];
  const teardown = async () => {
    for (const fn of teardowns.reverse()) {
      await fn().catch((err: unknown) => console.warn(`e2e teardown: ${(err as Error).message}`));
    }
  };
  const t0 = performance.now();
  const mark = (what: string) => timings && console.log(`[e2e] ${what} at ${Math.round(performance.now() - t0)} ms`);

  try {
    const databaseUrl = await startDatabase(teardowns);
    mark('database migrated and seeded');
    // Ports first: the API links to itself (uploads) and sends Checkout buyers back to the web app.
    const [apiPort, webPort] = await Promise.all([freePort(), freePort()]);
    const stripeUrl = await startStripe(apiPort, teardowns);
    mark(`local Stripe on ${stripeUrl}`);
    const apiUrl = await startApi(databaseUrl, { port: apiPort, webPort, stripeUrl }, teardowns);
    mark(`API listening on ${apiUrl}`);
    const [webUrl, adminUrl] = await Promise.all([
      startApp('web', apiUrl, teardowns, webPort),
      startApp('admin', apiUrl, teardowns),
    ]);
    mark(`apps on ${webUrl} and ${adminUrl}`);
    provideUrls(project, { webUrl, adminUrl, apiUrl });
  } catch (err) {
    await teardown();
    throw err;
  }
  return teardown;
}

interface StackUrls {
  webUrl: string;
  adminUrl: string;
  apiUrl: string;
}

function givenStack(): StackUrls | undefined {
  const { E2E_WEB_URL: webUrl, E2E_ADMIN_URL: adminUrl, E2E_API_URL: apiUrl } = process.env;
  if (!webUrl && !adminUrl && !apiUrl) return undefined;
  if (!webUrl || !adminUrl || !apiUrl) {
    throw new Error('Set all of E2E_WEB_URL, E2E_ADMIN_URL and E2E_API_URL to test a running stack, or none.');
  }
  return { webUrl, adminUrl, apiUrl };
}

function provideUrls(project: TestProject, urls: StackUrls) {
  project.provide('webUrl', urls.webUrl.replace(/\/$/, ''));
  project.provide('adminUrl', urls.adminUrl.replace(/\/$/, ''));
  project.provide('apiUrl', urls.apiUrl.replace(/\/$/, ''));
}

/** A fresh, migrated database with the demo data; returns its URL. */
async function startDatabase(teardowns: Teardown[]): Promise<string> {
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    // Not mkdtemp: its 0700 dir would keep out the `postgres` OS user PostgreSQL runs as under root.
    const tempDir = path.join(os.tmpdir(), `${TEMP_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`);
    await fs.mkdir(tempDir, { mode: 0o755 });
    await fs.chmod(tempDir, 0o755);
    teardowns.push(() => fs.rm(tempDir, { recursive: true, force: true }));
    const pg = await startEmbeddedPostgres({ dataDir: path.join(tempDir, 'data'), persistent: false });
    teardowns.push(() => pg.stop());
    serverUrl = pg.url;
  }

  const url = withDatabase(serverUrl, `e2e_${process.pid}_${randomBytes(3).toString('hex')}`);
  await ensureDatabase(url);
  // On a shared server (TEST_DATABASE_URL) only this run's database is dropped; an embedded
  // server is thrown away whole.
  if (process.env.TEST_DATABASE_URL) teardowns.push(() => dropDatabase(serverUrl, url));
  await migrate({ connectionString: url });
  await installJobQueue(url);
  const db = createDb({ connectionString: url, max: 2 });
  try {
    await seedDemoData({ db });
  } finally {
    await db.$disconnect();
  }
  return url;
}

async function dropDatabase(serverUrl: string, url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = createDb({ connectionString: withDatabase(serverUrl, 'postgres'), max: 1 });
  try {
    // The name is ours (e2e_<pid>_<hex>), so quoting it is enough.
    await admin.$executeRawUnsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.$disconnect();
  }
}

/** The key the API uses with the e2e local Stripe (it accepts any sk_test_ key). */
const E2E_STRIPE_KEY = 'sk_test_e2e_local';

/**
 * The local Stripe of this run on a free port, its webhooks going to the API's route (on the port
 * the API will listen on). Retries are short: a test never waits 30 s for a redelivery.
 */
async function startStripe(apiPort: number, teardowns: Teardown[]): Promise<string> {
  const stripe = await createLocalStripe({
    webhookUrl: `http://127.0.0.1:${apiPort}/api/payments/webhook`,
    retryDelaysMs: [250, 1000],
  });
  teardowns.push(() => stripe.close());
  // Renewals and cancellations at period end act as time passes, as `pnpm dev`'s does.
  const timer = setInterval(() => stripe.tick(), 60_000);
  timer.unref();
  teardowns.push(async () => clearInterval(timer));
  return stripe.url;
}

/**
 * The real API (the same buildApp as production) listening on `port`, and the job worker beside it
 * (buildApp does not run one; server.ts does with WORKER_IN_PROCESS), both using one dev mailbox
 * in a temporary directory, so emails the tests trigger land where /dev/mail reads, and the local
 * Stripe at `stripeUrl`, so payments go through as in production.
 */
async function startApi(
  databaseUrl: string,
  { port, webPort, stripeUrl }: { port: number; webPort: number; stripeUrl: string },
  teardowns: Teardown[],
): Promise<string> {
  const mailDir = await fs.mkdtemp(path.join(os.tmpdir(), 'learningpt-e2e-mail-'));
  teardowns.push(() => fs.rm(mailDir, { recursive: true, force: true }));
  const uploadsDir = await fs.mkdtemp(path.join(os.tmpdir(), 'learningpt-e2e-uploads-'));
  teardowns.push(() => fs.rm(uploadsDir, { recursive: true, force: true }));
  // Uploaded pictures are linked by absolute URL (PUBLIC_API_URL), so the port is chosen first;
  // Checkout's success and cancel pages are on the web app (PUBLIC_WEB_URL), whose port is too.
  const config = loadConfig({
    // development: the browser tests read their emails through /dev/mail.
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    DATABASE_POOL_MAX: '5',
    // As behind one load balancer: accounts.ts signs test accounts up from their own addresses.
    TRUST_PROXY: '1',
    MAIL_DEV_DIR: mailDir,
    UPLOADS_DIR: uploadsDir,
    PUBLIC_API_URL: `http://127.0.0.1:${port}`,
    PUBLIC_WEB_URL: `http://127.0.0.1:${webPort}`,
    STRIPE_SECRET_KEY: E2E_STRIPE_KEY,
    STRIPE_WEBHOOK_SECRET: LOCAL_WEBHOOK_SECRET,
    STRIPE_API_BASE: stripeUrl,
  });
  const deps = createAppDeps(config);
  const worker = await startWorker({
    connectionString: databaseUrl,
    mailer: deps.mailer ?? createMailer(config),
    storage: deps.storage ?? createStorage(config),
    // As server.ts does: certificates link to the web app's verify page; billing jobs use Stripe.
    publicWebUrl: config.PUBLIC_WEB_URL,
    payments: deps.payments,
    billing: billingSettingsFrom(config),
    log: silentJobLog,
    concurrency: 2,
    // New jobs arrive through LISTEN/NOTIFY at once; this only matters for retries.
    pollInterval: 500,
  });
  teardowns.push(() => worker.stop());
  const app = await buildApp(deps);
  teardowns.push(() => app.close());
  await app.listen({ host: '127.0.0.1', port });
  return `http://127.0.0.1:${port}`;
}

/** A port that is free right now (the OS picks it; we release it for the API to take). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** One app's Vite dev server, configured by the app's own vite.config.ts, on `port` or a free one. */
async function startApp(name: 'web' | 'admin', apiUrl: string, teardowns: Teardown[], port = 0): Promise<string> {
  const root = path.join(repoRoot, 'apps', name);
  const proxy = { target: apiUrl, changeOrigin: true };
  const inline: Vite.InlineConfig = {
    root,
    configFile: path.join(root, 'vite.config.ts'),
    // Its own optimizer cache, so a developer's `pnpm dev` on the same checkout is left alone.
    cacheDir: path.join(root, 'node_modules', '.vite-e2e'),
    logLevel: 'warn',
    clearScreen: false,
    server: {
      host: '127.0.0.1',
      port,
      // A chosen port is one the API links to: Vite must not move to another.
      strictPort: port !== 0,
      proxy: { '/trpc': proxy, '/api': proxy, '/docs': proxy, '/health': proxy },
      // Nothing changes during a run; a reload mid-test (someone saving a file) would only flake.
      hmr: false,
      watch: null,
    },
  };
  const vite = await createViteServer(inline);
  teardowns.push(() => vite.close());
  await vite.listen();
  const url = `http://127.0.0.1:${(vite.httpServer?.address() as AddressInfo).port}`;
  await warmUp(url);
  return url;
}

/**
 * Fetch the page and its entry module once, so the first test does not pay for Vite's first
 * transform and dependency pre-bundling (and cannot hit the reload that follows it).
 */
async function warmUp(url: string): Promise<void> {
  for (const p of ['/', '/src/main.tsx']) {
    const res = await fetch(url + p);
    if (!res.ok) throw new Error(`Vite dev server at ${url} answered ${res.status} for ${p}`);
    await res.text();
  }
}
