// Attempts: the server keeps time, grades once, and never lets an answer out before submission.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTopicResults, GRACE_MS } from '@learningpt/core';
import pg from 'pg';
import type { TestServer } from '../../testing/harness';
import { startTestServer } from '../../testing/harness';
import { enrollDirectly, makeProgram, makeUser, outcome, type TestUser } from '../../testing/learning-fixtures';
import { answersFor, leaks, makeQuiz, type FixtureQuiz } from './exam-fixtures';

let s: TestServer;
let owner: TestUser;

beforeAll(async () => {
  s = await startTestServer();
  owner = await makeUser(s, 'instructor', 'Exam Owner');
});
afterAll(() => s.close());

type ErrorBody = { success: false; error: { code: string; message: string; issues?: { path: unknown[] }[] } };

/** A program, a quiz on it and a student with exam access (a purchase). */
async function setup(quizOpts: Omit<Parameters<typeof makeQuiz>[1], 'programId'> = {}) {
  const program = await makeProgram(s, { ownerId: owner.id });
  const quiz = await makeQuiz(s, { programId: program.id, ...quizOpts });
  const student = await makeUser(s, 'student');
  await enrollDirectly(s, student.id, program.id, { access: { examSimulator: true } });
  return { program, quiz, student };
}

const start = (token: string, quizId: string) =>
  s.rest<ErrorBody & { attemptId: string; questions: { id: string; options: string[] }[]; isPreview: boolean }>({
    method: 'POST',
    url: `/api/quizzes/${quizId}/start`,
    headers: s.bearer(token),
  });

/** The app over real HTTP (listening once for the whole file). */
let listening: Promise<string> | undefined;
const httpBase = () => (listening ??= s.app.listen({ host: '127.0.0.1', port: 0 }));

const postJson = async (path: string, token: string, body: unknown, method = 'POST') => {
  const res = await fetch(`${await httpBase()}${path}`, {
    method,
    headers: { ...s.bearer(token), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
};

const submit = (token: string, quizId: string, attemptId: string, answers: unknown[]) =>
  s.rest<ErrorBody & { result: Record<string, unknown> }>({
    method: 'POST',
    url: `/api/quizzes/${quizId}/submit`,
    headers: s.bearer(token),
    payload: { attemptId, answers },
  });

describe('quizzes.start', () => {
  it('serves the fixed questions with the server’s times and no answers', async () => {
    const { quiz, student } = await setup({ durationMinutes: 20 });
    const res = await start(student.token, quiz.id);
    expect(res.status).toBe(200);
    const body = res.body as unknown as {
      startedAt: string;
      expiresAt: string;
      timeLeftSeconds: number;
      resumed: boolean;
    };
    expect(res.body.questions.map((q) => q.id)).toEqual(quiz.questions.map((q) => q.id));
    expect(body.startedAt).toBe(s.clock.now().toISOString());
    expect(body.expiresAt).toBe(new Date(s.clock.now().getTime() + 20 * 60_000).toISOString());
    expect(body.timeLeftSeconds).toBe(20 * 60);
    expect(body.resumed).toBe(false);
    const row = await s.db.quizAttempt.findUniqueOrThrow({ where: { id: res.body.attemptId } });
    expect(row).toMatchObject({
      userId: student.id,
      status: 'in_progress',
      isPreview: false,
      startedAt: s.clock.now(),
    });
    expect(row.questionOrder).toEqual(quiz.questions.map((q) => q.id));
  });

  it('without exam access is 402 saying what to buy; with free questions it is a preview of only those', async () => {
    const program = await makeProgram(s, { ownerId: owner.id, prices: [999, 1499, 1999, 3499] });
    const quiz = await makeQuiz(s, { programId: program.id, count: 6 });
    const outsider = await makeUser(s, 'student');
    const denied = await start(outsider.token, quiz.id);
    expect(denied.status).toBe(402);
    expect(denied.body.error.code).toBe('PAYMENT_REQUIRED');
    expect(denied.body.error.message).toMatch(/exam simulator/);
    expect(denied.body.error.message).toContain('$19.99');
    expect(await s.db.quizAttempt.count({ where: { userId: outsider.id } })).toBe(0);

    // Enrolled without the exam simulator flag is no different.
    const chatOnly = await makeUser(s, 'student');
    await enrollDirectly(s, chatOnly.id, program.id, { access: { chatbot: true } });
    expect((await start(chatOnly.token, quiz.id)).status).toBe(402);

    await s.db.program.update({ where: { id: program.id }, data: { freeQuestionsCount: 2 } });
    const preview = await start(outsider.token, quiz.id);
    expect(preview.status).toBe(200);
    expect(preview.body.isPreview).toBe(true);
    expect(preview.body.questions.map((q) => q.id)).toEqual(quiz.questions.slice(0, 2).map((q) => q.id));

    // A perfect preview passes but earns no certificate and is not a quiz taken.
    const fixture: FixtureQuiz = { ...quiz, questions: quiz.questions.slice(0, 2) };
    const result = await submit(outsider.token, quiz.id, preview.body.attemptId, answersFor(fixture));
    expect(result.body.result).toMatchObject({
      passed: true,
      isPreview: true,
      certificateGenerated: false,
      certificateId: null,
    });
    expect(await s.db.certificate.count({ where: { userId: outsider.id } })).toBe(0);
    expect((await outsider.caller.users.stats()).stats.quizzesTaken).toBe(0);
    expect(await outcome(s.anonymous.quizzes.start({ id: quiz.id }))).toBe('UNAUTHORIZED');
  });

  it('is 404 for an unpublished or deleted quiz', async () => {
    const { quiz, student } = await setup();
    await s.db.quiz.update({ where: { id: quiz.id }, data: { status: 'draft' } });
    expect((await start(student.token, quiz.id)).status).toBe(404);
    await s.db.quiz.update({ where: { id: quiz.id }, data: { status: 'published', deletedAt: s.clock.now() } });
    expect((await start(student.token, quiz.id)).status).toBe(404);
  });

  it('10 concurrent starts leave one open attempt, and all of them answer it', async () => {
    const { quiz, student } = await setup({ randomize: true, shuffleOptions: true, count: 8 });
    const results = await Promise.all(Array.from({ length: 10 }, () => student.caller.quizzes.start({ id: quiz.id })));
    const ids = new Set(results.map((r) => r.attemptId));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => !r.resumed)).toHaveLength(1);
    expect(await s.db.quizAttempt.count({ where: { userId: student.id, quizId: quiz.id } })).toBe(1);
    // The order is fixed at start: every resume serves the same questions and options.
    const orders = new Set(results.map((r) => JSON.stringify(r.questions.map((q) => [q.id, q.options]))));
    expect(orders.size).toBe(1);
    const again = await student.caller.quizzes.start({ id: quiz.id });
    expect(JSON.stringify(again.questions)).toBe(JSON.stringify(results[0]!.questions));
    // Shuffled options are still the question's options.
    for (const q of again.questions) {
      const fixture = quiz.questions.find((x) => x.id === q.id)!;
      expect([...q.options].sort()).toEqual([...fixture.options].sort());
    }
  });
});

describe('no answer reaches the client before submission', () => {
  it('on the REST face, the tRPC face and on resume', async () => {
    const { quiz, student } = await setup({ count: 8, showAnswersAfterSubmit: true });
    const rest = await start(student.token, quiz.id);
    expect(rest.status).toBe(200);
    expect(leaks(quiz, rest.body)).toEqual([]);

    const trpc = await s.app.inject({
      method: 'POST',
      url: '/trpc/quizzes.start',
      headers: { ...s.bearer(student.token), 'content-type': 'application/json' },
      payload: JSON.stringify({ json: { id: quiz.id } }),
    });
    expect(trpc.statusCode).toBe(200);
    expect(trpc.body).toContain(rest.body.attemptId);
    expect(leaks(quiz, trpc.json())).toEqual([]);

    // (Wrong answers: a right short answer typed by the student would rightly come back as theirs.)
    await student.caller.quizzes.saveAnswers({
      id: quiz.id,
      attemptId: rest.body.attemptId,
      answers: answersFor(quiz, 'wrong'),
    });
    expect((await s.rest(`/api/quizzes/${quiz.id}/attempts/${rest.body.attemptId}`)).status).toBe(401);
    const resume = await s.rest({
      url: `/api/quizzes/${quiz.id}/attempts/${rest.body.attemptId}`,
      headers: s.bearer(student.token),
    });
    expect(resume.status).toBe(200);
    expect(leaks(quiz, resume.body)).toEqual([]);
    const trpcResume = await s.app.inject({
      method: 'GET',
      url: `/trpc/quizzes.attempt?input=${encodeURIComponent(JSON.stringify({ json: { id: quiz.id, attemptId: rest.body.attemptId } }))}`,
      headers: s.bearer(student.token),
    });
    expect(trpcResume.statusCode).toBe(200);
    expect(leaks(quiz, trpcResume.json())).toEqual([]);
    const byId = await s.rest({ url: `/api/quizzes/${quiz.id}`, headers: s.bearer(student.token) });
    expect(leaks(quiz, byId.body)).toEqual([]);

    // After submission the quiz shows them (showAnswersAfterSubmit): the scan does find them then.
    const done = await submit(student.token, quiz.id, rest.body.attemptId, []);
    expect(leaks(quiz, done.body).length).toBeGreaterThan(0);
  });
});

describe('quizzes.saveAnswers and quizzes.attempt (resume)', () => {
  it('keeps the saved answers and the time left; refuses choices that are not options', async () => {
    const { quiz, student } = await setup({ durationMinutes: 10 });
    const { attemptId } = await student.caller.quizzes.start({ id: quiz.id });
    const [mc, multi] = quiz.questions;
    const saved = await s.rest<{ saved: number; timeLeftSeconds: number }>({
      method: 'PUT',
      url: `/api/quizzes/${quiz.id}/attempts/${attemptId}/answers`,
      headers: s.bearer(student.token),
      payload: {
        answers: [
          { questionId: mc!.id, selectedAnswer: mc!.options[0] },
          { questionId: multi!.id, selectedAnswers: multi!.correct },
        ],
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.saved).toBe(2);
    // A later save replaces that answer and keeps the other.
    s.clock.advance(4 * 60_000);
    await student.caller.quizzes.saveAnswers({
      id: quiz.id,
      attemptId,
      answers: [{ questionId: mc!.id, selectedAnswer: ` ${mc!.correct[0]!.toUpperCase()} ` }],
    });
    const { attempt } = await student.caller.quizzes.attempt({ id: quiz.id, attemptId });
    expect(attempt.status).toBe('in_progress');
    expect(attempt.timeLeftSeconds).toBe(6 * 60);
    expect(attempt.answers.sort((a, b) => a.questionId.localeCompare(b.questionId))).toEqual(
      [
        { questionId: mc!.id, selectedAnswer: mc!.correct[0], selectedAnswers: [mc!.correct[0]] },
        { questionId: multi!.id, selectedAnswer: multi!.correct[0], selectedAnswers: multi!.correct },
      ].sort((a, b) => a.questionId.localeCompare(b.questionId)),
    );

    const bad = await s.rest<ErrorBody>({
      method: 'PUT',
      url: `/api/quizzes/${quiz.id}/attempts/${attemptId}/answers`,
      headers: s.bearer(student.token),
      payload: { answers: [{ questionId: mc!.id, selectedAnswer: 'Not an option' }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues![0]!.path).toEqual(['answers', 0, 'selectedAnswer']);
    const foreign = await student.caller.quizzes
      .saveAnswers({
        id: quiz.id,
        attemptId,
        answers: [{ questionId: '01900000-0000-7000-8000-000000000000', selectedAnswer: 'x' }],
      })
      .catch((e: { code: string }) => e.code);
    expect(foreign).toBe('BAD_REQUEST');
  });

  it('another user’s attempt is 404 on every attempt procedure', async () => {
    const { quiz, student } = await setup();
    const { attemptId } = await student.caller.quizzes.start({ id: quiz.id });
    const intruder = await makeUser(s, 'student');
    await enrollDirectly(s, intruder.id, quiz.programId);
    expect(await outcome(intruder.caller.quizzes.attempt({ id: quiz.id, attemptId }))).toBe('NOT_FOUND');
    expect(await outcome(intruder.caller.quizzes.saveAnswers({ id: quiz.id, attemptId, answers: [] }))).toBe(
      'NOT_FOUND',
    );
    expect(await outcome(intruder.caller.quizzes.submit({ id: quiz.id, attemptId, answers: [] }))).toBe('NOT_FOUND');
    const rest = await submit(intruder.token, quiz.id, attemptId, []);
    expect(rest.status).toBe(404);
    expect((await intruder.caller.quizzes.attempts({ id: quiz.id })).attempts).toEqual([]);
    expect((await s.db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).status).toBe('in_progress');
  });
});

describe('quizzes.submit', () => {
  it('grades with partial credit and answers the seed’s result shape', async () => {
    const { quiz, student } = await setup({ count: 4, points: 6, passingScore: 60, showAnswersAfterSubmit: true });
    const { attemptId } = await student.caller.quizzes.start({ id: quiz.id });
    const [mc, multi, tf, short] = quiz.questions;
    s.clock.advance(125_000);
    const res = await submit(student.token, quiz.id, attemptId, [
      { questionId: mc!.id, selectedAnswer: mc!.correct[0] },
      { questionId: multi!.id, selectedAnswers: [multi!.correct[0]] }, // half of the correct options
      { questionId: tf!.id, selectedAnswer: true }, // wrong: the answer is False
      { questionId: short!.id, selectedAnswer: `  ${short!.correct[1]!.toUpperCase()}!` },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.result).toMatchObject({
      attemptId,
      score: 15, // 6 + 3 + 0 + 6
      totalPoints: 24,
      scorePercentage: 62,
      passed: true,
      correctAnswers: 2,
      incorrectAnswers: 2,
      timeTaken: 125,
      timedOut: false,
    });
    const feedback = res.body.result.feedback as {
      questionId: string;
      isCorrect: boolean;
      pointsAwarded: number;
      correctAnswers: string[];
      explanation: string;
    }[];
    expect(feedback.map((f) => [f.questionId, f.isCorrect, f.pointsAwarded])).toEqual([
      [mc!.id, true, 6],
      [multi!.id, false, 3],
      [tf!.id, false, 0],
      [short!.id, true, 6],
    ]);
    expect(feedback[1]).toMatchObject({ correctAnswers: multi!.correct, explanation: multi!.explanation });
    const rows = await s.db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(rows).toMatchObject({
      status: 'submitted',
      score: 15,
      scorePercent: 62,
      passed: true,
      submittedAt: s.clock.now(),
    });
  });

  it('answers exactly the result that is read back later from the stored rows', async () => {
    // The submit builds its answer from what it wrote; quizzes.attempt reads it from the rows.
    // Saved answers, answers sent with the submit (one replacing a saved one), an unanswered
    // question, partial credit; once failing, once passing with a certificate.
    for (const pass of [false, true]) {
      const { quiz, student } = await setup({ count: 8, points: 4, passingScore: 50, showAnswersAfterSubmit: true });
      const { attemptId } = await student.caller.quizzes.start({ id: quiz.id });
      const right = answersFor(quiz);
      const wrong = answersFor(quiz, 'wrong');
      await student.caller.quizzes.saveAnswers({ id: quiz.id, attemptId, answers: [wrong[0]!, right[1]!, right[2]!] });
      const multi = quiz.questions[5]!;
      const sent = [
        pass ? right[0]! : wrong[0]!, // replaces the saved answer
        { questionId: multi.id, selectedAnswers: [multi.correct[0]!] }, // partial credit
        ...(pass ? [right[3]!, right[4]!, right[6]!] : [wrong[3]!]),
      ];
      s.clock.advance(61_000);
      const { result } = await student.caller.quizzes.submit({ id: quiz.id, attemptId, answers: sent });
      expect(result.passed).toBe(pass);
      expect(result.certificateGenerated).toBe(pass);
      const { attempt } = await student.caller.quizzes.attempt({ id: quiz.id, attemptId });
      expect(attempt.result).toEqual(result);
      const rest = await s.rest<{ attempt: { result: unknown } }>({
        method: 'GET',
        url: `/api/quizzes/${quiz.id}/attempts/${attemptId}`,
        headers: s.bearer(student.token),
      });
      expect(rest.status).toBe(200);
      expect(rest.body.attempt.result).toEqual(JSON.parse(JSON.stringify(result)));
      // Every served question has its graded row, the unanswered ones too.
      const rows = await s.db.attemptAnswer.findMany({ where: { attemptId } });
      expect(rows).toHaveLength(8);
      expect(rows.find((r) => r.questionId === quiz.questions[7]!.id)).toMatchObject({
        selected: [],
        isCorrect: false,
      });
    }
  });

  it('hides the feedback when the quiz does not show answers', async () => {
    const { quiz, student } = await setup({ showAnswersAfterSubmit: false });
    const { attemptId } = await student.caller.quizzes.start({ id: quiz.id });
    const { result } = await student.caller.quizzes.submit({ id: quiz.id, attemptId, answers: answersFor(quiz) });
    expect(result.feedback).toEqual([]);
    expect(result.scorePercentage).toBe(100);
    expect(leaks(quiz, result)).toEqual([]);
  });

  it('50 concurrent submits over real HTTP grade once, answer the same result and issue one certificate', async () => {
    const { quiz, student } = await setup({ count: 6 });
    const { attemptId } = await student.caller.quizzes.start({ id: quiz.id });
    const bodies = await Promise.all(
      Array.from({ length: 50 }, () =>
        postJson(`/api/quizzes/${quiz.id}/submit`, student.token, { attemptId, answers: answersFor(quiz) }),
      ),
    );
    expect(bodies.map((b) => b.status)).toEqual(Array(50).fill(200));
    expect(new Set(bodies.map((b) => b.text)).size).toBe(1);
    const { result } = JSON.parse(bodies[0]!.text) as { result: { passed: boolean; certificateId: string | null } };
    expect(result.passed).toBe(true);
    const certificates = await s.db.certificate.findMany({ where: { userId: student.id } });
    expect(certificates).toHaveLength(1);
    expect(result.certificateId).toBe(certificates[0]!.id);
    expect(await s.db.attemptAnswer.count({ where: { attemptId } })).toBe(quiz.questions.length);
    // A repeated submit later, with other answers, changes nothing.
    const late = await submit(student.token, quiz.id, attemptId, answersFor(quiz, 'wrong'));
    expect(JSON.stringify(late.body)).toBe(bodies[0]!.text);
  });

  it('50 concurrent failing submits with different answers (the lock-free path) grade once: all answer the stored result', async () => {
    const { quiz, student } = await setup({ count: 6 });
    const { attemptId } = await student.caller.quizzes.start({ id: quiz.id });
    const wrong = answersFor(quiz, 'wrong');
    const right = answersFor(quiz);
    // Two failing answer sets: all wrong, or only the first question right (1 of 6).
    const sets = [wrong, [right[0]!, ...wrong.slice(1)]];
    const bodies = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        postJson(`/api/quizzes/${quiz.id}/submit`, student.token, { attemptId, answers: sets[i % 2] }),
      ),
    );
    expect(bodies.map((b) => b.status)).toEqual(Array(50).fill(200));
    expect(new Set(bodies.map((b) => b.text)).size).toBe(1);
    const { result } = JSON.parse(bodies[0]!.text) as { result: Record<string, unknown> };
    expect(result.passed).toBe(false);
    expect([0, 1]).toContain(result.correctAnswers);
    // What every submit answered is what was stored: one grading landed.
    const { result: stored } = await student.caller.quizzes.submit({ id: quiz.id, attemptId, answers: [] });
    expect(JSON.parse(JSON.stringify(stored))).toEqual(result);
    const rows = await s.db.attemptAnswer.findMany({ where: { attemptId } });
    expect(rows).toHaveLength(6);
    expect(rows.filter((r) => r.isCorrect).length).toBe(result.correctAnswers);
  });

  it('an autosave that commits between a submit’s read and its write is graded, not overwritten', async () => {
    const { quiz, student } = await setup({ count: 6 });
    const { attemptId } = await student.caller.quizzes.start({ id: quiz.id });
    const right = answersFor(quiz);
    const wrong = answersFor(quiz, 'wrong');
    const held = new pg.Client({ connectionString: s.url });
    await held.connect();
    const waiting = async (n: number) => {
      for (let i = 0; i < 500; i++) {
        const { rows } = await held.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if (rows[0]!.n >= n) return;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(`fewer than ${n} statements waiting for the attempt's row`);
    };
    try {
      // Hold the attempt's row so the autosave waits inside its transaction...
      await held.query('BEGIN');
      await held.query(`SELECT 1 FROM "QuizAttempt" WHERE id = $1 FOR UPDATE`, [attemptId]);
      const autosave = postJson(
        `/api/quizzes/${quiz.id}/attempts/${attemptId}/answers`,
        student.token,
        { answers: [right[3], right[4]] },
        'PUT',
      );
      await waiting(1);
      // ...then the submit reads (nothing saved yet: a fail) and its write queues behind the autosave.
      const submitted = postJson(`/api/quizzes/${quiz.id}/submit`, student.token, {
        attemptId,
        answers: wrong.slice(0, 3),
      });
      await waiting(2);
      await held.query('ROLLBACK');
      const [saved, graded] = await Promise.all([autosave, submitted]);
      expect(saved.status).toBe(200);
      expect(graded.status).toBe(200);
      const { result } = JSON.parse(graded.text) as { result: { correctAnswers: number; passed: boolean } };
      // The autosaved answers (questions 4 and 5, both right) were graded with the sent ones.
      expect(result.correctAnswers).toBe(2);
      const rows = await s.db.attemptAnswer.findMany({ where: { attemptId }, orderBy: { questionId: 'asc' } });
      const byQuestion = new Map(rows.map((r) => [r.questionId, r]));
      expect(byQuestion.get(quiz.questions[3]!.id)?.isCorrect).toBe(true);
      expect(byQuestion.get(quiz.questions[4]!.id)?.isCorrect).toBe(true);
    } finally {
      await held.end();
    }
  });

  it('after the deadline and its grace refuses new answers and grades what was saved', async () => {
    const { quiz, student } = await setup({ durationMinutes: 10, count: 4 });
    const { attemptId } = await student.caller.quizzes.start({ id: quiz.id });
    const [first] = quiz.questions;
    await student.caller.quizzes.saveAnswers({
      id: quiz.id,
      attemptId,
      answers: [{ questionId: first!.id, selectedAnswer: first!.correct[0] }],
    });
    s.clock.advance(10 * 60_000 + GRACE_MS + 1000);
    const save = await s.rest<ErrorBody>({
      method: 'PUT',
      url: `/api/quizzes/${quiz.id}/attempts/${attemptId}/answers`,
      headers: s.bearer(student.token),
      payload: { answers: answersFor(quiz) },
    });
    expect(save.status).toBe(422);
    const res = await submit(student.token, quiz.id, attemptId, answersFor(quiz));
    expect(res.status).toBe(200);
    expect(res.body.result).toMatchObject({
      score: 5,
      totalPoints: 20,
      correctAnswers: 1,
      timedOut: true,
      timeTaken: 600,
      passed: false,
    });
    const answers = await s.db.attemptAnswer.findMany({ where: { attemptId } });
    expect(answers.filter((a) => a.selected.length > 0).map((a) => a.questionId)).toEqual([first!.id]);
  });

  it('within the grace period still takes the answers sent with the submit', async () => {
    const { quiz, student } = await setup({ durationMinutes: 10 });
    const { attemptId } = await student.caller.quizzes.start({ id: quiz.id });
    s.clock.advance(10 * 60_000 + GRACE_MS - 1000);
    const { result } = await student.caller.quizzes.submit({ id: quiz.id, attemptId, answers: answersFor(quiz) });
    expect(result).toMatchObject({ scorePercentage: 100, timedOut: false, timeTaken: 600 });
  });

  it('an expired open attempt is graded when its owner comes back (resume or start)', async () => {
    const { quiz, student } = await setup({ durationMinutes: 5, allowRetake: true });
    const first = await student.caller.quizzes.start({ id: quiz.id });
    s.clock.advance(6 * 60_000);
    const { attempt } = await student.caller.quizzes.attempt({ id: quiz.id, attemptId: first.attemptId });
    expect(attempt.status).toBe('submitted');
    expect(attempt.result).toMatchObject({ timedOut: true, score: 0 });

    const second = await student.caller.quizzes.start({ id: quiz.id });
    s.clock.advance(6 * 60_000);
    const third = await student.caller.quizzes.start({ id: quiz.id });
    expect(new Set([first.attemptId, second.attemptId, third.attemptId]).size).toBe(3);
    const statuses = await s.db.quizAttempt.findMany({ where: { userId: student.id }, orderBy: { startedAt: 'asc' } });
    expect(statuses.map((a) => [a.status, a.timedOut])).toEqual([
      ['submitted', true],
      ['submitted', true],
      ['in_progress', false],
    ]);
  });
});

describe('retake policy', () => {
  const takeAndFail = async (student: TestUser, quiz: FixtureQuiz) => {
    const { attemptId } = await student.caller.quizzes.start({ id: quiz.id });
    return student.caller.quizzes.submit({ id: quiz.id, attemptId, answers: answersFor(quiz, 'wrong') });
  };

  it('no retake when not allowed (409)', async () => {
    const { quiz, student } = await setup({ allowRetake: false });
    await takeAndFail(student, quiz);
    const res = await start(student.token, quiz.id);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/does not allow retakes/);
  });

  it('at most maxAttempts (409), previews not counted', async () => {
    const { quiz, student } = await setup({ maxAttempts: 2 });
    await takeAndFail(student, quiz);
    await takeAndFail(student, quiz);
    const res = await start(student.token, quiz.id);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/all 2 attempts/);
    expect(await s.db.quizAttempt.count({ where: { userId: student.id, quizId: quiz.id } })).toBe(2);
  });

  it('waits the cooldown after a failed attempt (422), not after a pass', async () => {
    const { quiz, student } = await setup({ retakeCooldownMinutes: 60 });
    await takeAndFail(student, quiz);
    s.clock.advance(30 * 60_000);
    const res = await start(student.token, quiz.id);
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/60 minutes/);
    s.clock.advance(31 * 60_000);
    const { attemptId } = await student.caller.quizzes.start({ id: quiz.id });
    await student.caller.quizzes.submit({ id: quiz.id, attemptId, answers: answersFor(quiz) });
    expect((await start(student.token, quiz.id)).status).toBe(200);
  });
});

describe('stats and per-topic results from the attempts', () => {
  it('users.stats and getTopicResults follow the graded rows', async () => {
    const { quiz, program, student } = await setup({ count: 4, points: 5, allowRetake: true });
    const a1 = await student.caller.quizzes.start({ id: quiz.id });
    await student.caller.quizzes.submit({ id: quiz.id, attemptId: a1.attemptId, answers: answersFor(quiz) });
    const a2 = await student.caller.quizzes.start({ id: quiz.id });
    const [even0, odd1] = quiz.questions;
    await student.caller.quizzes.submit({
      id: quiz.id,
      attemptId: a2.attemptId,
      answers: [
        { questionId: even0!.id, selectedAnswer: even0!.correct[0] },
        { questionId: odd1!.id, selectedAnswers: [odd1!.correct[0]!] },
      ],
    });
    const { stats } = await student.caller.users.stats();
    // 100 % (20 points) and 7.5 of 20 points (37 %).
    expect(stats).toMatchObject({
      quizzesTaken: 2,
      quizzesPassedPercentage: 50,
      averageQuizScore: 68.5,
      totalPoints: 28,
      certificatesEarned: 1,
    });
    expect(stats.currentStreak).toBeGreaterThanOrEqual(1);

    const topics = await getTopicResults({ db: s.db, userId: student.id, programId: program.id });
    expect(topics).toEqual([
      {
        programId: program.id,
        topic: 'Even topic',
        correct: 3,
        total: 4,
        percent: 75,
        pointsEarned: 15,
        pointsPossible: 20,
      },
      {
        programId: program.id,
        topic: 'Odd topic',
        correct: 2,
        total: 4,
        percent: 50,
        pointsEarned: 12.5,
        pointsPossible: 20,
      },
    ]);

    const list = await s.rest<{ attempts: { id: string; passed: boolean; score: number; scorePercentage: number }[] }>({
      url: `/api/quizzes/${quiz.id}/attempts`,
      headers: s.bearer(student.token),
    });
    expect(list.body.attempts.map((a) => [a.id, a.passed, a.score, a.scorePercentage])).toEqual([
      [a2.attemptId, false, 7.5, 37],
      [a1.attemptId, true, 20, 100],
    ]);
  });
});
