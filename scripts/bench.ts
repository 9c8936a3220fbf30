// `pnpm bench`: measures the catalog hot paths over real HTTP on a seeded database and prints
// figures (no pass/fail: targets are read by people, not asserted in tests). The admin analytics
// run at 10⁵ orders by default; BENCH_ANALYTICS_ROWS=1000000 for the 10⁶ run.
// Uses DATABASE_URL's server if set (a scratch database is created there), else an embedded one.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDb, Prisma } from '@learningpt/db';
import { migrate } from '@learningpt/db/migrate';
import { ensureDatabase, scratchDir, startEmbeddedPostgres, withDatabase } from '@learningpt/db/postgres';
import {
  adminDashboard,
  createSession,
  issueCertificateForPass,
  resolveRange,
  revenueAnalytics,
  systemClock,
} from '@learningpt/core';
import { createCertificateRenderer } from '@learningpt/certificates';
import { installJobQueue, silentJobLog, startWorker } from '@learningpt/jobs';
import type { Mailer } from '@learningpt/mail';
import { LocalDiskStorage } from '@learningpt/storage';
import { generateSigningKeyPem } from '@learningpt/certificates/credentials';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';
import { authSettingsFrom } from '../apps/server/src/plugins/session';
import { seedDemoData } from '../prisma/seed/index';
import { benchAiRelay } from './bench-ai';
import { benchExamSubmit } from './bench-exam';
import { benchTrpcHop } from './bench-hop';
import { lagMonitor } from './bench-tools';
import { benchCatalog } from './bench-catalog';

// Production settings (no development aids); the bench sends no email, so the key is a stand-in.
const BENCH_PRODUCTION_ENV = {
  NODE_ENV: 'production',
  APP_ORIGINS: 'http://localhost:5173',
  PUBLIC_WEB_URL: 'http://localhost:5173',
  PUBLIC_API_URL: 'http://localhost:3000',
  RESEND_API_KEY: 're_bench_unused',
  MAIL_FROM: 'LearninGPT <no-reply@localhost.localdomain>',
  CREDENTIAL_SIGNING_KEY: generateSigningKeyPem(),
};

const DURATION_MS = Number(process.env.BENCH_MS ?? 3000);
/** BENCH_ONLY=catalog|exam|certificates|analytics|ai|hop runs that part alone. */
const ONLY = process.env.BENCH_ONLY;
const part = (name: string) => !ONLY || ONLY === name;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

const dir = await mkdtemp(join(await scratchDir(), 'lgpt-bench-'));
// As root, PostgreSQL runs as the `postgres` user, which must be able to enter the directory.
await chmod(dir, 0o755);
const pg = process.env.DATABASE_URL
  ? null
  : await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), persistent: false });
const url = withDatabase(pg ? pg.url : process.env.DATABASE_URL!, `bench_${Date.now()}`);
await ensureDatabase(url);
await migrate({ connectionString: url });
const db = createDb({ connectionString: url, max: 10 });
await seedDemoData({ db });

const config = loadConfig({ ...BENCH_PRODUCTION_ENV, DATABASE_URL: url, LOG_LEVEL: 'silent' });
const app = await buildApp({ config, db, clock: systemClock });
const base = await app.listen({ host: '127.0.0.1', port: 0 });
// Catalog: its hot paths at 10⁴ and 10⁵ programs (BENCH_CATALOG_SIZES), each beside a raw Fastify +
// pg handler answering the same JSON, in a database of its own so the other parts' figures keep theirs.
if (part('catalog')) await benchCatalog({ url, env: BENCH_PRODUCTION_ENV });

console.log(
  `\nLearninGPT benchmarks — ${CONCURRENCY} concurrent clients, ${DURATION_MS} ms each, Node ${process.version}\n`,
);
console.log(
  'scenario'.padEnd(64),
  'req/s'.padStart(8),
  'p50 ms'.padStart(8),
  'p95 ms'.padStart(8),
  'p99 ms'.padStart(8),
);

// Exam simulator: submit of a 50-question attempt beside a hand-written raw route (scripts/bench-exam.ts).
if (part('exam')) await benchExamSubmit({ db, url, base, config, concurrency: CONCURRENCY });

// Certificates: the API's event-loop lag while the in-process worker (WORKER_IN_PROCESS, the
// development default) renders, stores and emails 100 certificate PDFs, with requests coming in.
// Rendering in a worker thread (the default) against rendering on the API's own loop.
if (part('certificates')) {
  const instructor = await db.user.findFirstOrThrow({ where: { role: 'instructor' }, orderBy: { createdAt: 'asc' } });
  const category = await db.category.findFirstOrThrow({ where: { isActive: true } });
  const COUNT = 100;
  // Emails go nowhere: the provider is not what is measured.
  const mailer: Mailer = { send: async (m) => ({ id: m.idempotencyKey }) };
  const storage = new LocalDiskStorage({ dir: join(dir, 'uploads'), publicUrl: 'http://localhost:3000' });
  await installJobQueue(url);

  const issueBatch = async (tag: string) => {
    const program = await db.program.create({
      data: {
        slug: `bench-certs-${tag}-${Date.now()}`,
        title: `Bench certificate program (${tag})`,
        description: 'A program for the certificate benchmark.',
        categoryId: category.id,
        instructorId: instructor.id,
        status: 'published',
        publishedAt: new Date(),
      },
    });
    const quiz = await db.quiz.create({ data: { programId: program.id, title: 'Bench', status: 'published' } });
    for (let i = 0; i < COUNT; i++) {
      const user = await db.user.create({
        data: {
          email: `bench.cert.${tag}.${Date.now()}.${i}@example.org`,
          name: `Zoë Łukasiewicz 李雷 ${i}`,
          emailVerified: true,
        },
      });
      const attempt = await db.quizAttempt.create({
        data: {
          userId: user.id,
          quizId: quiz.id,
          status: 'submitted',
          score: 90,
          totalPoints: 100,
          scorePercent: 90,
          passed: true,
          submittedAt: new Date(),
        },
      });
      await db.$transaction((tx) =>
        issueCertificateForPass(tx, {
          clock: systemClock,
          userId: user.id,
          programId: program.id,
          attemptId: attempt.id,
          scorePercent: 90,
        }),
      );
    }
    return program.id;
  };

  // The API's traffic meanwhile: a steady 50 requests a second (an open loop, so a stalled event
  // loop shows as latency instead of as fewer requests).
  const steadyLoad = () => {
    const latencies: number[] = [];
    const pending: Promise<void>[] = [];
    const timer = setInterval(() => {
      const t = performance.now();
      pending.push(
        fetch(`${base}/api/categories`)
          .then((r) => r.arrayBuffer())
          .then(() => void latencies.push(performance.now() - t)),
      );
    }, 20);
    return {
      latencies,
      stop: async () => {
        clearInterval(timer);
        await Promise.all(pending);
      },
    };
  };

  const measure = async (mode: 'threads' | 'inline' | 'none') => {
    const programId = mode === 'none' ? null : await issueBatch(mode);
    const renderer = createCertificateRenderer({ threads: mode === 'threads' ? 1 : 0 });
    const lag = lagMonitor();
    const started = performance.now();
    lag.enable();
    const load = steadyLoad();
    const worker = await startWorker({
      connectionString: url,
      mailer,
      storage,
      publicWebUrl: 'http://localhost:5173',
      certificateRenderer: renderer,
      log: silentJobLog,
      pollInterval: 200,
    });
    if (programId === null) await new Promise((r) => setTimeout(r, 5000));
    else {
      while ((await db.certificate.count({ where: { programId, fileId: { not: null } } })) < COUNT) {
        if (performance.now() - started > 300_000) throw new Error('certificates did not render within 5 minutes');
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const seconds = (performance.now() - started) / 1000;
    await load.stop();
    lag.disable();
    await worker.stop();
    await renderer.close();
    const latencies = load.latencies;
    latencies.sort((a, b) => a - b);
    const ms = (lag: number) => lag.toFixed(1).padStart(8);
    const p99 = latencies[Math.floor(0.99 * (latencies.length - 1))]!.toFixed(1);
    const label =
      mode === 'none'
        ? 'no certificates (baseline, 5 s)'
        : `${COUNT} certificates (${mode === 'threads' ? 'in a worker thread' : "on the API's loop"})`;
    console.log(
      label.padEnd(52),
      `${seconds.toFixed(1)} s`.padStart(8),
      ms(lag.percentile(50)),
      ms(lag.percentile(99)),
      ms(lag.max),
      p99.padStart(10),
    );
  };

  console.log(
    '\nevent-loop lag while certificates render (target p99 <= 20 ms)'.padEnd(53),
    'total'.padStart(8),
    'p50 ms'.padStart(8),
    'p99 ms'.padStart(8),
    'max ms'.padStart(8),
    'API p99 ms'.padStart(10),
  );
  await measure('none');
  await measure('threads');
  await measure('inline');
}

// The AI tutor's relay (its own app, on a fake provider).
if (part('ai')) await benchAiRelay({ db, url, env: BENCH_PRODUCTION_ENV });

// The tRPC hop: a trivial procedure beside a plain Fastify route (scripts/bench-hop.ts).
if (part('hop')) await benchTrpcHop({ durationMs: DURATION_MS });

// Admin analytics: admin.dashboard and admin.analytics.revenue at ANALYTICS_ROWS orders and as
// many enrollments (BENCH_ANALYTICS_ROWS, default 10⁵; the 10⁶ run: BENCH_ANALYTICS_ROWS=1000000),
// made with set-based SQL. Beside each endpoint's latency over HTTP, the floor: the PostgreSQL
// execution time of the very queries it ran (EXPLAIN ANALYZE), summed and the slowest one (they
// run in parallel on the pool). Target: p50 <= 200 ms at 10⁶.
if (part('analytics')) {
  const ROWS = Number(process.env.BENCH_ANALYTICS_ROWS ?? 100_000);
  const started = performance.now();
  const progress = (what: string) =>
    console.log(`  analytics data: ${what} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`\nadmin analytics at ${ROWS.toLocaleString('en')} orders and enrollments`);
  const instructor = await db.user.findFirstOrThrow({ where: { role: 'instructor' }, orderBy: { createdAt: 'asc' } });
  const category = await db.category.findFirstOrThrow({ where: { isActive: true } });
  const PROGRAMS = 20;
  const STUDENTS = Math.ceil(ROWS / PROGRAMS);
  await db.$executeRaw`
    INSERT INTO "Program" (id, slug, title, description, "categoryId", "instructorId", status, "publishedAt", "updatedAt")
    SELECT gen_random_uuid(), 'bench-analytics-' || g, 'Bench analytics program ' || g, 'For the analytics benchmark.',
      ${category.id}::uuid, ${instructor.id}::uuid, 'published', now(), now()
    FROM generate_series(1, ${PROGRAMS}) g`;
  // Students spread over the last two years; numbered so orders and enrollments can pick them.
  await db.$executeRaw`
    INSERT INTO "User" (id, email, name, role, status, "emailVerified", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), 'bench.analytics.' || g || '@example.org', 'Bench student ' || g, 'student', 'active', true,
      now() - (random() * interval '730 days'), now()
    FROM generate_series(1, ${STUDENTS}) g`;
  progress(`${STUDENTS.toLocaleString('en')} users`);
  // Students and programs numbered from 0, for the rows below to pick theirs (a hash join).
  await db.$executeRaw`CREATE UNLOGGED TABLE bench_students AS
    SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM "User" WHERE email LIKE 'bench.analytics.%'`;
  await db.$executeRaw`CREATE UNLOGGED TABLE bench_programs AS
    SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM "Program" WHERE slug LIKE 'bench-analytics-%'`;
  await db.$executeRawUnsafe('ANALYZE bench_students, bench_programs');
  // The revenue rollups' triggers work order by order: off for the bulk load, and the rollups
  // recomputed set-based after it (the daily counts' triggers work per statement and stay on).
  const revenueTriggers = [
    ['Order', 'revenue_rollup_order_insert'],
    ['OrderItem', 'revenue_rollup_items_insert'],
    ['Refund', 'revenue_rollup_refunds_insert'],
  ] as const;
  for (const [table, trigger] of revenueTriggers)
    await db.$executeRawUnsafe(`ALTER TABLE "${table}" DISABLE TRIGGER ${trigger}`);
  // Orders: 90 % paid (a minute after), 5 % in EUR, one program item each.
  await db.$executeRaw`
    INSERT INTO "Order" (id, "orderNumber", "userId", status, "paymentStatus", currency, subtotal, total, "paidAt", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), 'BENCH-' || g, s.id,
      CASE WHEN g % 10 = 0 THEN 'pending' ELSE 'completed' END::"OrderStatus",
      CASE WHEN g % 10 = 0 THEN 'pending' ELSE 'completed' END::"PaymentStatus",
      CASE WHEN g % 20 = 1 THEN 'EUR' ELSE 'USD' END, a.amount, a.amount,
      CASE WHEN g % 10 = 0 THEN NULL ELSE a.at + interval '1 minute' END, a.at, now()
    FROM generate_series(1::bigint, ${ROWS}::bigint) g JOIN bench_students s ON s.n = g % ${STUDENTS}
    CROSS JOIN LATERAL (SELECT (1000 + (g * 7919) % 9000)::int AS amount,
      now() - ((g * 104729) % (730 * 86400)) * interval '1 second' AS at) a`;
  progress(`${ROWS.toLocaleString('en')} orders`);
  await db.$executeRaw`
    INSERT INTO "OrderItem" (id, "orderId", kind, "programId", "accessType", description, "unitAmount", quantity, "createdAt")
    SELECT gen_random_uuid(), o.id, 'program_access', p.id, 'bundle', 'Bench item', o.subtotal, 1, o."createdAt"
    FROM "Order" o JOIN bench_programs p ON p.n = abs(hashtext(o.id::text)) % ${PROGRAMS}
    WHERE o."orderNumber" LIKE 'BENCH-%'`;
  await db.$executeRaw`
    INSERT INTO "Payment" (id, "orderId", provider, amount, currency, status, "createdAt", "updatedAt")
    SELECT gen_random_uuid(), o.id, 'stripe', o.total, o.currency, 'completed', o."paidAt", now()
    FROM "Order" o WHERE o."orderNumber" LIKE 'BENCH-%' AND o."paidAt" IS NOT NULL`;
  // 2 % of the paid orders refunded, half of them in part.
  await db.$executeRaw`
    INSERT INTO "Refund" (id, "paymentId", amount, status, "createdAt", "updatedAt")
    SELECT gen_random_uuid(), p.id, CASE WHEN random() < 0.5 THEN p.amount ELSE p.amount / 2 END, 'succeeded',
      p."createdAt" + interval '1 day', now()
    FROM "Payment" p JOIN "Order" o ON o.id = p."orderId"
    WHERE o."orderNumber" LIKE 'BENCH-%' AND abs(hashtext(p.id::text)) % 50 = 0`;
  progress('order items, payments, refunds');
  for (const [table, trigger] of revenueTriggers)
    await db.$executeRawUnsafe(`ALTER TABLE "${table}" ENABLE TRIGGER ${trigger}`);
  await db.$executeRawUnsafe('SELECT revenue_rollup_rebuild()');
  progress('revenue rollups recomputed');
  // Enrollments: every (student, program) pair once, ROWS of them.
  await db.$executeRaw`
    INSERT INTO "Enrollment" (id, "userId", "programId", source, status, "enrolledAt", "completedAt", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), s.id, p.id, 'purchase', 'active', a.at,
      CASE WHEN g % 4 = 0 THEN a.at + interval '20 days' END, a.at, now()
    FROM generate_series(0::bigint, ${ROWS - 1}::bigint) g
    JOIN bench_students s ON s.n = g / ${PROGRAMS} JOIN bench_programs p ON p.n = g % ${PROGRAMS}
    CROSS JOIN LATERAL (SELECT now() - ((g * 15485863::bigint) % (730 * 86400)) * interval '1 second' AS at) a`;
  progress(`${ROWS.toLocaleString('en')} enrollments`);
  await db.$executeRawUnsafe('DROP TABLE bench_students, bench_programs');
  // As autovacuum leaves a table in steady state: statistics and the visibility map (index-only scans).
  await db.$executeRawUnsafe(
    'VACUUM ANALYZE "User", "Order", "OrderItem", "Payment", "Refund", "Enrollment", "RevenueDaily", "RevenueDailyByKind", "DailyCount"',
  );
  progress('VACUUM ANALYZE');

  const admin = await db.user.findFirstOrThrow({ where: { role: 'admin', status: 'active' } });
  const adminToken = (
    await createSession({ db, clock: systemClock, policy: authSettingsFrom(config), userId: admin.id })
  ).token;
  // The floor: the queries each endpoint runs, recorded once and explained.
  const floor = async (run: (deps: { db: typeof db; clock: typeof systemClock }) => Promise<unknown>) => {
    const recorded: Prisma.Sql[] = [];
    const recorder = {
      $queryRaw: (strings: TemplateStringsArray, ...values: unknown[]) => {
        const sql = Prisma.sql(strings, ...values);
        recorded.push(sql);
        return db.$queryRaw(sql);
      },
    } as unknown as typeof db;
    await run({ db: recorder, clock: systemClock });
    const times: number[] = [];
    for (const sql of recorded) {
      const [row] = await db.$queryRawUnsafe<{ 'QUERY PLAN': { 'Execution Time': number }[] }[]>(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${sql.text}`,
        ...sql.values,
      );
      times.push(row!['QUERY PLAN'][0]!['Execution Time']);
      if (process.env.BENCH_DEBUG) console.log(times.at(-1)!.toFixed(1), sql.text.replace(/\s+/g, ' ').slice(0, 150));
      if (process.env.BENCH_DEBUG && times.at(-1)! > 20) {
        const plan = await db.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
          `EXPLAIN (ANALYZE) ${sql.text}`,
          ...sql.values,
        );
        console.log(plan.map((p) => p['QUERY PLAN']).join('\n'));
      }
    }
    return { sum: times.reduce((a, b) => a + b, 0), max: Math.max(...times), count: times.length };
  };
  const last30 = resolveRange(systemClock, {});
  const lastYear = resolveRange(systemClock, {
    from: new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10),
  });
  const analyticsScenarios: [
    string,
    string,
    (deps: { db: typeof db; clock: typeof systemClock }) => Promise<unknown>,
  ][] = [
    [
      'REST  GET /api/admin/dashboard (30 days)',
      '/api/admin/dashboard',
      (d) => adminDashboard(d, { granularity: 'day' }),
    ],
    [
      'REST  GET /api/admin/dashboard?granularity=month (12 months)',
      '/api/admin/dashboard?granularity=month',
      (d) => adminDashboard(d, { granularity: 'month' }),
    ],
    ['REST  GET /api/analytics/revenue (30 days)', '/api/analytics/revenue', (d) => revenueAnalytics(d, last30)],
    [
      'REST  GET /api/analytics/revenue (a year, by month)',
      `/api/analytics/revenue?from=${lastYear.from.toISOString().slice(0, 10)}`,
      (d) => revenueAnalytics(d, lastYear),
    ],
  ];
  console.log(
    'scenario (sequential requests)'.padEnd(64),
    'p50 ms'.padStart(8),
    'p95 ms'.padStart(8),
    'SQL sum'.padStart(8),
    'SQL max'.padStart(8),
    'queries'.padStart(8),
  );
  for (const [name, path, run] of analyticsScenarios) {
    const get = async () => {
      const res = await fetch(base + path, { headers: { authorization: `Bearer ${adminToken}` } });
      const text = await res.text();
      if (!res.ok) throw new Error(`${path} answered ${res.status}: ${text}`);
    };
    for (let i = 0; i < 3; i++) await get();
    const latencies: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t = performance.now();
      await get();
      latencies.push(performance.now() - t);
    }
    latencies.sort((a, b) => a - b);
    const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(1);
    const sql = await floor(run);
    console.log(
      name.padEnd(64),
      q(0.5).padStart(8),
      q(0.95).padStart(8),
      sql.sum.toFixed(1).padStart(8),
      sql.max.toFixed(1).padStart(8),
      String(sql.count).padStart(8),
    );
  }
}

await app.close();
await pg?.stop();
await rm(dir, { recursive: true, force: true });
