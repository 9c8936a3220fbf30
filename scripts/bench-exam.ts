// The exam simulator's submit in `pnpm bench`: grading a 50-question attempt over real HTTP
// (POST /api/quizzes/{id}/submit, signed in by bearer token), side by side with a raw Fastify + pg
// route running the same SQL by hand (the session and its user; one read of the attempt, its row
// version and its questions with their saved answers; one write of the grade, conditional on that
// version; the same pure grader), checked to answer the same figures before timing. Attempts are
// started beforehand, unmeasured, one per student, so the timed phase is submits only, back to
// back, from clients in a worker thread.
import { Worker } from 'node:worker_threads';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import pg from 'pg';
import { createSession, systemClock } from '@learningpt/core';
import { gradeAttempt, type GradableQuestion } from '../packages/core/src/quizzes/grade';
import { hashToken } from '../packages/core/src/auth/tokens';
import type { Db } from '@learningpt/db';
import type { Config } from '../apps/server/src/config';
import { authSettingsFrom } from '../apps/server/src/plugins/session';
import { startProfile } from './bench-tools';

const QUESTIONS = 50;

/** The clients: each submits its share of the attempts back to back. */
const SUBMITTER = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { target, attempts, answers, concurrency, trpcQuizId } = workerData;
  const latencies = [];
  const results = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < attempts.length) {
      const { token, attemptId } = attempts[next++];
      const t = performance.now();
      const res = await fetch(target, {
        method: 'POST',
        headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' },
        body: JSON.stringify(trpcQuizId ? { json: { id: trpcQuizId, attemptId, answers } } : { attemptId, answers }),
      });
      const body = await res.text();
      if (!res.ok) throw new Error(target + ' answered ' + res.status + ': ' + body);
      latencies.push(performance.now() - t);
      const parsed = JSON.parse(body);
      results.push(trpcQuizId ? parsed.result.data.json.result : parsed.result);
    }
  }));
  parentPort.postMessage({ latencies, results, elapsedMs: performance.now() - t0 });
})();
`;

interface Figures {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
}

function figures(latencies: number[], elapsedMs: number): Figures {
  const s = [...latencies].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { rps: s.length / (elapsedMs / 1000), p50: q(0.5), p95: q(0.95), p99: q(0.99) };
}

/** A hand-written submit: what the endpoint does, without our layers. Answers the graded figures. */
function rawSubmitServer(url: string, max: number) {
  const pool = new pg.Pool({ connectionString: url, max });
  const app = Fastify({ logger: false });
  app.post<{
    Params: { id: string };
    Body: { attemptId: string; answers: { questionId: string; selectedAnswers: string[] }[] };
  }>('/raw/quizzes/:id/submit', async (req, reply) => {
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const session = await pool.query<{ userId: string; status: string }>(
      `SELECT s."userId", u.status::text AS status FROM "Session" s JOIN "User" u ON u.id = s."userId"
         WHERE s.id = $1 AND s."expiresAt" > now()`,
      [hashToken(token)],
    );
    const viewer = session.rows[0];
    if (!viewer || viewer.status !== 'active') return reply.code(401).send({ error: 'unauthorized' });
    const { rows: attempts } = await pool.query<{
      id: string;
      userId: string;
      startedAt: Date;
      status: string;
      passingScore: number;
      version: string;
      questions: (GradableQuestion & { saved: string[] | null })[];
    }>(
      `SELECT a.id, a."userId", a."startedAt", a.status::text AS status, q."passingScore", a.xmin::text AS version,
         COALESCE((SELECT json_agg(json_build_object('id', x.id, 'type', x.type::text, 'correctAnswers', x."correctAnswers",
                      'points', x.points, 'saved', s.selected) ORDER BY o.n)
                   FROM unnest(a."questionOrder"::uuid[]) WITH ORDINALITY AS o(id, n) JOIN "Question" x ON x.id = o.id
                   LEFT JOIN "AttemptAnswer" s ON s."attemptId" = a.id AND s."questionId" = x.id), '[]') AS questions
         FROM "QuizAttempt" a JOIN "Quiz" q ON q.id = a."quizId"
         WHERE a.id = $1 AND a."quizId" = $2`,
      [req.body.attemptId, req.params.id],
    );
    const a = attempts[0];
    if (!a || a.userId !== viewer.userId || a.status !== 'in_progress') {
      return reply.code(409).send({ error: 'not open' });
    }
    const sent = new Map(req.body.answers.map((x) => [x.questionId, x.selectedAnswers]));
    const graded = gradeAttempt(a.questions, new Map(a.questions.map((q) => [q.id, sent.get(q.id) ?? q.saved ?? []])));
    const now = new Date();
    const passed = graded.scorePercent >= a.passingScore;
    const { rows: written } = await pool.query<{ n: number }>(
      `WITH graded AS (
         UPDATE "QuizAttempt" SET status = 'submitted', "submittedAt" = $2, score = $3, "totalPoints" = $4,
           "scorePercent" = $5, passed = $6, "timeTakenSeconds" = $7, "updatedAt" = $2
         WHERE id = $1 AND status = 'in_progress' AND xmin = $8::xid RETURNING id
       ), answers AS (
         INSERT INTO "AttemptAnswer" (id, "attemptId", "questionId", selected, "isCorrect", "pointsAwarded", "createdAt", "updatedAt")
         SELECT gen_random_uuid(), graded.id, r."questionId"::uuid, ARRAY(SELECT jsonb_array_elements_text(r.selected)),
                r."isCorrect", r."pointsAwarded", $2, $2
         FROM graded, jsonb_to_recordset($9::jsonb)
           AS r("questionId" text, selected jsonb, "isCorrect" boolean, "pointsAwarded" double precision)
         ON CONFLICT ("attemptId", "questionId") DO UPDATE SET selected = EXCLUDED.selected,
           "isCorrect" = EXCLUDED."isCorrect", "pointsAwarded" = EXCLUDED."pointsAwarded", "updatedAt" = EXCLUDED."updatedAt"
       )
       SELECT count(*)::int AS n FROM graded`,
      [
        a.id,
        now,
        graded.score,
        graded.totalPoints,
        graded.scorePercent,
        passed,
        Math.floor((now.getTime() - a.startedAt.getTime()) / 1000),
        a.version,
        JSON.stringify(graded.answers),
      ],
    );
    if (written[0]?.n !== 1) return reply.code(409).send({ error: 'changed' });
    return {
      result: {
        score: graded.score,
        totalPoints: graded.totalPoints,
        scorePercentage: graded.scorePercent,
        passed,
        correctAnswers: graded.correctCount,
        incorrectAnswers: graded.incorrectCount,
      },
    };
  });
  return { app, pool };
}

export async function benchExamSubmit({
  db,
  url,
  base,
  config,
  concurrency,
  rounds = Number(process.env.BENCH_EXAM_ROUNDS ?? 150),
}: {
  db: Db;
  url: string;
  base: string;
  config: Config;
  concurrency: number;
  /** Submits per client in each timed phase. */
  rounds?: number;
}) {
  const instructor = await db.user.findFirstOrThrow({ where: { role: 'instructor' }, orderBy: { createdAt: 'asc' } });
  const category = await db.category.findFirstOrThrow({ where: { isActive: true } });
  const tag = Date.now().toString(36);
  const program = await db.program.create({
    data: {
      slug: `bench-exam-${tag}`,
      title: 'Bench exam program',
      description: 'A program for the exam benchmark.',
      categoryId: category.id,
      instructorId: instructor.id,
      status: 'published',
      publishedAt: new Date(),
    },
  });
  // No certificate on a pass here (the completion rule is not met): grading is what is measured.
  const quiz = await db.quiz.create({
    data: {
      programId: program.id,
      title: 'Bench exam',
      status: 'published',
      durationMinutes: 60,
      passingScore: 70,
      allowRetake: true,
    },
  });
  const questions = await db.question.createManyAndReturn({
    data: Array.from({ length: QUESTIONS }, (_, i) => ({
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

  // One student per submit (one open attempt per student and quiz), each with an attempt started
  // through the API before the clock runs.
  const count = concurrency * rounds;
  const policy = authSettingsFrom(config);
  const prepare = async (label: string) => {
    const users = await db.user.createManyAndReturn({
      data: Array.from({ length: count }, (_, i) => ({
        email: `bench.exam.${label}.${tag}.${i}@example.org`,
        name: `Bench ${label} ${i}`,
        emailVerified: true,
      })),
      select: { id: true },
    });
    await db.enrollment.createMany({
      data: users.map((u) => ({
        userId: u.id,
        programId: program.id,
        source: 'admin' as const,
        examSimulatorAccess: true,
      })),
    });
    const out: { token: string; attemptId: string }[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < users.length) {
          const user = users[next++]!;
          const { token } = await createSession({ db, clock: systemClock, policy, userId: user.id });
          const res = await fetch(`${base}/api/quizzes/${quiz.id}/start`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: '{}',
          });
          if (!res.ok) throw new Error(`start answered ${res.status}: ${await res.text()}`);
          out.push({ token, attemptId: ((await res.json()) as { attemptId: string }).attemptId });
        }
      }),
    );
    process.stderr.write(`  exam bench: ${count} attempts started for ${label}\n`);
    return out;
  };

  // The learners' requests run in a worker thread: the figures are the server's, not the client's.
  const submitAll = async (target: string, attempts: { token: string; attemptId: string }[], trpcQuizId?: string) => {
    const before = performance.eventLoopUtilization();
    const out = await new Promise<{ latencies: number[]; results: unknown[]; elapsedMs: number }>((resolve, reject) => {
      const w = new Worker(SUBMITTER, {
        eval: true,
        workerData: { target, attempts, answers, concurrency, trpcQuizId },
      });
      w.once('message', resolve);
      w.once('error', reject);
    });
    // The servers share this thread and only one is loaded at a time: its busy time is theirs.
    const busyMs = performance.eventLoopUtilization(before).active;
    return {
      figures: figures(out.latencies, out.elapsedMs),
      results: out.results,
      busyUs: (busyMs * 1000) / out.latencies.length,
    };
  };

  const raw = rawSubmitServer(url, 10);
  const rawBase = await raw.app.listen({ host: '127.0.0.1', port: 0 });
  void (raw.app.server.address() as AddressInfo);
  try {
    // Warm-up of both (JIT, pools), then a check that both grade alike.
    const warm = await prepare('warm');
    const half = Math.floor(warm.length / 2);
    const ours = await submitAll(`${base}/api/quizzes/${quiz.id}/submit`, warm.slice(0, half));
    const theirs = await submitAll(`${rawBase}/raw/quizzes/${quiz.id}/submit`, warm.slice(half));
    const pick = (r: unknown) => {
      const x = r as Record<string, unknown>;
      return [x.score, x.totalPoints, x.scorePercentage, x.passed, x.correctAnswers, x.incorrectAnswers];
    };
    if (JSON.stringify(pick(ours.results[0])) !== JSON.stringify(pick(theirs.results[0]))) {
      throw new Error(`the raw submit grades differently: ${JSON.stringify([ours.results[0], theirs.results[0]])}`);
    }

    const forOurs = await prepare('api');
    const forRaw = await prepare('raw');
    const forTrpc = await prepare('trpc');
    const profile = await startProfile();
    const api = await submitAll(`${base}/api/quizzes/${quiz.id}/submit`, forOurs);
    const trpc = await submitAll(`${base}/trpc/quizzes.submit`, forTrpc, quiz.id);
    await profile.stop('exam-submit');
    const baseline = await submitAll(`${rawBase}/raw/quizzes/${quiz.id}/submit`, forRaw);
    const row = (name: string, f: Figures, extra = '') =>
      console.log(
        name.padEnd(64),
        f.rps.toFixed(0).padStart(8),
        f.p50.toFixed(2).padStart(8),
        f.p95.toFixed(2).padStart(8),
        f.p99.toFixed(2).padStart(8),
        extra,
      );
    const busy = (x: { busyUs: number }) => `${x.busyUs.toFixed(0).padStart(6)} µs`;
    row(`REST  POST /api/quizzes/{id}/submit (${QUESTIONS} questions)`, api.figures, busy(api));
    row(`tRPC  POST /trpc/quizzes.submit (the same)`, trpc.figures, busy(trpc));
    row(`raw   Fastify + pg submit (same SQL work, same grader)`, baseline.figures, busy(baseline));
    console.log(
      `      submit: ${(api.figures.rps / baseline.figures.rps).toFixed(2)}× the raw route's throughput ` +
        `(target ≥ 200/s, p99 ≤ 100 ms; ${concurrency} clients, ${count} submits a run; last column: the ` +
        `server thread's busy time per submit, ${(api.busyUs / baseline.busyUs).toFixed(2)}× the raw route's)`,
    );
  } finally {
    await raw.app.close();
    await raw.pool.end();
  }
}
