// `pnpm bench`: measures the catalog hot paths over real HTTP on a seeded database and prints
// figures (no pass/fail: targets are read by people, not asserted in tests).
// Uses DATABASE_URL's server if set (a scratch database is created there), else an embedded one.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createDb } from '@learningpt/db';
import { migrate } from '@learningpt/db/migrate';
import { ensureDatabase, scratchDir, startEmbeddedPostgres, withDatabase } from '@learningpt/db/postgres';
import { createSession, issueCertificateForPass, systemClock } from '@learningpt/core';
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
const { programs } = (await (await fetch(`${base}/api/programs?limit=1`)).json()) as { programs: { slug: string }[] };

const scenarios: [string, string][] = [
  ['REST  GET /api/programs (default)', '/api/programs'],
  [
    'REST  GET /api/programs?category&sort=newest&page=2&limit=5',
    '/api/programs?category=development&sort=newest&page=2&limit=5',
  ],
  ['REST  GET /api/programs?search=react&sort=rating', '/api/programs?search=react&sort=rating'],
  ['REST  GET /api/programs/{slug}', `/api/programs/${programs[0]!.slug}`],
  ['REST  GET /api/categories', '/api/categories'],
  [
    'tRPC  programs.list (newest, page 2)',
    `/trpc/programs.list?input=${encodeURIComponent(JSON.stringify({ json: { sort: 'newest', page: 2, limit: 5 } }))}`,
  ],
  ['plain GET /health (baseline)', '/health'],
];

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
for (const [name, path] of scenarios) {
  // Warm up (JIT, pool, caches), then measure.
  for (let i = 0; i < 50; i++) await (await fetch(base + path)).arrayBuffer();
  const latencies: number[] = [];
  const end = performance.now() + DURATION_MS;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const res = await fetch(base + path);
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${path} answered ${res.status}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(2);
  const rps = (latencies.length / (DURATION_MS / 1000)).toFixed(0);
  console.log(name.padEnd(64), rps.padStart(8), q(0.5).padStart(8), q(0.95).padStart(8), q(0.99).padStart(8));
}

// Exam simulator: submit (grade, per-answer rows, certificate check) of a 50-question attempt, one
// student per client; each round starts an attempt unmeasured, then measures its submit.
{
  const instructor = await db.user.findFirstOrThrow({ where: { role: 'instructor' }, orderBy: { createdAt: 'asc' } });
  const category = await db.category.findFirstOrThrow({ where: { isActive: true } });
  const program = await db.program.create({
    data: {
      slug: `bench-exam-${Date.now()}`,
      title: 'Bench exam program',
      description: 'A program for the exam benchmark.',
      categoryId: category.id,
      instructorId: instructor.id,
      status: 'published',
      publishedAt: new Date(),
    },
  });
  const quiz = await db.quiz.create({
    data: { programId: program.id, title: 'Bench exam', status: 'published', durationMinutes: 60, passingScore: 70 },
  });
  const questions = await db.question.createManyAndReturn({
    data: Array.from({ length: 50 }, (_, i) => ({
      quizId: quiz.id,
      programId: program.id,
      type: i % 2 === 0 ? ('multiple_choice' as const) : ('multi_select' as const),
      text: `Bench question ${i}?`,
      options: ['A', 'B', 'C', 'D'],
      correctAnswers: i % 2 === 0 ? ['B'] : ['A', 'C'],
      points: 2,
      topic: `Topic ${i % 5}`,
      position: i,
    })),
  });
  const answers = questions.map((q) => ({
    questionId: q.id,
    selectedAnswers: q.position % 3 === 0 ? ['D'] : q.correctAnswers,
  }));
  const policy = authSettingsFrom(config);
  const tokens: string[] = [];
  for (let i = 0; i < CONCURRENCY; i++) {
    const user = await db.user.create({
      data: { email: `bench.exam.${Date.now()}.${i}@example.org`, name: `Bench ${i}`, emailVerified: true },
    });
    await db.enrollment.create({
      data: { userId: user.id, programId: program.id, source: 'admin', examSimulatorAccess: true },
    });
    tokens.push((await createSession({ db, clock: systemClock, policy, userId: user.id })).token);
  }
  const call = async (token: string, path: string, body: unknown) => {
    const res = await fetch(base + path, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${text}`);
    return JSON.parse(text) as { attemptId: string };
  };
  const latencies: number[] = [];
  const end = performance.now() + DURATION_MS;
  await Promise.all(
    tokens.map(async (token) => {
      while (performance.now() < end) {
        const { attemptId } = await call(token, `/api/quizzes/${quiz.id}/start`, {});
        const t = performance.now();
        await call(token, `/api/quizzes/${quiz.id}/submit`, { attemptId, answers });
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(2);
  // Throughput over the whole loop (starts included), latency of the submits alone.
  const rps = (latencies.length / (DURATION_MS / 1000)).toFixed(0);
  const name = 'REST  POST /api/quizzes/{id}/submit (50 questions)';
  console.log(name.padEnd(64), rps.padStart(8), q(0.5).padStart(8), q(0.95).padStart(8), q(0.99).padStart(8));
}

// Certificates: the API's event-loop lag while the in-process worker (WORKER_IN_PROCESS, the
// development default) renders, stores and emails 100 certificate PDFs, with requests coming in.
// Rendering in a worker thread (the default) against rendering on the API's own loop.
{
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
    const lag = monitorEventLoopDelay({ resolution: 5 });
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
    const ms = (ns: number) => (ns / 1e6).toFixed(1).padStart(8);
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
await benchAiRelay({ db, url, env: BENCH_PRODUCTION_ENV });

await app.close();
await pg?.stop();
await rm(dir, { recursive: true, force: true });
