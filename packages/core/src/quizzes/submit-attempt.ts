// quizzes.submit: grades an attempt exactly once. The attempt row is locked (SELECT … FOR UPDATE)
// for the whole transaction and the status moves by a conditional UPDATE … WHERE status =
// 'in_progress', so of any number of concurrent or repeated submits one grades and the others,
// once the lock is released, find it graded and answer the stored result. The certificate is
// issued in the same transaction. A submit costs the lock, one read of the served questions with
// their saved answers, one write of every graded answer (the ones sent with it included) and one
// of the attempt; its answer is built from what was written rather than read back.
import type { Db, Prisma } from '@learningpt/db';
import type { AnswerData, AttemptResult } from '@learningpt/schema';
import { issueCertificateForPass } from '../certificates/issue-certificate';
import type { Clock } from '../shared/clock';
import { AppError } from '../shared/errors';
import type { Viewer } from '../shared/viewer';
import { checkAnswers, isPastGrace, ownAttempt, servedQuestions, type AttemptCore } from './attempt-common';
import { gradeAttempt } from './grade';
import { TYPE_FROM_DB, type QuestionRow } from './question-view';
import { uuid7 } from './uuid7';

type DbLike = Db | Prisma.TransactionClient;

export const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

/** The attempt row-locked (only the attempt: FOR UPDATE OF), with what grading needs of its quiz. */
async function lockAttemptForGrading(tx: Prisma.TransactionClient, attemptId: string) {
  const rows = await tx.$queryRaw<(AttemptCore & GradingQuiz)[]>`
    SELECT a.id, a."userId", a."quizId", a.status::text AS status, a."startedAt", a."expiresAt", a."questionOrder",
           a."optionOrder", a."isPreview", q."passingScore", q."programId", q."showAnswersAfterSubmit"
    FROM "QuizAttempt" a JOIN "Quiz" q ON q.id = a."quizId"
    WHERE a.id = ${attemptId}::uuid
    FOR UPDATE OF a`;
  return rows[0] ?? null;
}

interface GradingQuiz {
  passingScore: number;
  programId: string;
  showAnswersAfterSubmit: boolean;
}

/** The served questions in the order served, each with the answer saved for it (one query). */
type ServedWithSaved = QuestionRow & { saved: string[] | null };

async function servedQuestionsWithSaved(
  tx: Prisma.TransactionClient,
  a: Pick<AttemptCore, 'id' | 'questionOrder'>,
): Promise<ServedWithSaved[]> {
  return tx.$queryRaw<ServedWithSaved[]>`
    SELECT q.id, q.type::text AS type, q.text, q.options, q."correctAnswers", q.explanation, q.points,
           q.difficulty::text AS difficulty, q.topic, q.position, q.draft, s.selected AS saved
    FROM unnest(${a.questionOrder}::uuid[]) WITH ORDINALITY AS o(id, n)
    JOIN "Question" q ON q.id = o.id
    LEFT JOIN "AttemptAnswer" s ON s."attemptId" = ${a.id}::uuid AND s."questionId" = q.id
    ORDER BY o.n`;
}

/**
 * Grades an open attempt (inside the caller's transaction) from its saved answers, with `incoming`
 * answers replacing saved ones first. `timedOut`: the server grades it because time ran out.
 * Returns the result, or null when the attempt was not open (someone graded it first).
 */
export async function gradeAttemptInTx(
  tx: Prisma.TransactionClient,
  {
    clock,
    attemptId,
    timedOut,
    locked,
    questions: served,
    incoming,
  }: {
    clock: Clock;
    attemptId: string;
    timedOut: boolean;
    /** The attempt, when the caller already holds its lock (from lockAttemptForGrading). */
    locked?: AttemptCore & GradingQuiz;
    /** Its served questions with their saved answers, when the caller has read them. */
    questions?: ServedWithSaved[];
    /** Answers sent with the submit, already checked against the served questions. */
    incoming?: ReadonlyMap<string, readonly string[]>;
  },
): Promise<AttemptResult | null> {
  const a = locked ?? (await lockAttemptForGrading(tx, attemptId));
  if (!a || a.status !== 'in_progress') return null;
  const now = clock.now();
  const questions = served ?? (await servedQuestionsWithSaved(tx, a));
  const selected = new Map(questions.map((q) => [q.id, incoming?.get(q.id) ?? q.saved ?? []]));
  const graded = gradeAttempt(questions, selected);

  // Every served question gets its graded row, unanswered ones too, so per-topic results count
  // them; the answers sent with the submit are written by the same statement.
  const rows = graded.answers.map((g) => ({ id: uuid7(now.getTime()), ...g }));
  await tx.$executeRaw`
    INSERT INTO "AttemptAnswer" (id, "attemptId", "questionId", selected, "isCorrect", "pointsAwarded", "createdAt", "updatedAt")
    SELECT r.id::uuid, ${a.id}::uuid, r."questionId"::uuid, ARRAY(SELECT jsonb_array_elements_text(r.selected)),
           r."isCorrect", r."pointsAwarded", ${now}, ${now}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS r(id text, "questionId" text, selected jsonb, "isCorrect" boolean, "pointsAwarded" double precision)
    ON CONFLICT ("attemptId", "questionId")
    DO UPDATE SET selected = EXCLUDED.selected, "isCorrect" = EXCLUDED."isCorrect",
                  "pointsAwarded" = EXCLUDED."pointsAwarded", "updatedAt" = EXCLUDED."updatedAt"`;

  // Time counts up to the deadline at most (the grace period is for the network, not for working).
  const end = a.expiresAt !== null && now > a.expiresAt ? a.expiresAt : now;
  const passed = graded.scorePercent >= a.passingScore;
  const submittedAt = timedOut && a.expiresAt !== null ? a.expiresAt : now;
  const timeTaken = Math.max(0, Math.floor((end.getTime() - a.startedAt.getTime()) / 1000));
  const { count } = await tx.quizAttempt.updateMany({
    where: { id: a.id, status: 'in_progress' },
    data: {
      status: 'submitted',
      submittedAt,
      score: graded.score,
      totalPoints: graded.totalPoints,
      scorePercent: graded.scorePercent,
      passed,
      timeTakenSeconds: timeTaken,
      timedOut,
      updatedAt: now,
    },
  });
  if (count !== 1) throw new Error(`attempt ${a.id} changed under its row lock`);

  // A preview is a taste of the exam, never a certificate.
  let certificateId: string | null = null;
  if (passed && !a.isPreview) {
    const certificate = await issueCertificateForPass(tx, {
      clock,
      userId: a.userId,
      programId: a.programId,
      attemptId: a.id,
      scorePercent: graded.scorePercent,
    });
    if (certificate) {
      certificateId = certificate.certificateId;
      await tx.quizAttempt.update({ where: { id: a.id }, data: { certificateId } });
    }
  }

  // The answer attemptResult would read back from these rows, built from what was just written.
  const byQuestion = new Map(graded.answers.map((g) => [g.questionId, g]));
  return toAttemptResult({
    attempt: a,
    quiz: a,
    score: graded.score,
    totalPoints: graded.totalPoints,
    scorePercent: graded.scorePercent,
    passed,
    correct: graded.correctCount,
    submittedAt,
    timeTaken,
    timedOut,
    certificateId,
    feedback: a.showAnswersAfterSubmit ? questions : [],
    answerOf: (id) => byQuestion.get(id),
  });
}

interface ResultParts {
  attempt: Pick<AttemptCore, 'id' | 'quizId' | 'questionOrder' | 'isPreview'>;
  quiz: Pick<GradingQuiz, 'passingScore'>;
  score: number;
  totalPoints: number;
  scorePercent: number;
  passed: boolean;
  correct: number;
  submittedAt: Date;
  timeTaken: number;
  timedOut: boolean;
  certificateId: string | null;
  /** The served questions when the quiz shows answers after submit, else none. */
  feedback: QuestionRow[];
  answerOf: (
    questionId: string,
  ) => { selected: string[]; isCorrect: boolean | null; pointsAwarded: number } | undefined;
}

/** One shape for a result, whether just graded or read back later. */
function toAttemptResult(p: ResultParts): AttemptResult {
  return {
    attemptId: p.attempt.id,
    quizId: p.attempt.quizId,
    score: p.score,
    totalPoints: p.totalPoints,
    scorePercentage: p.scorePercent,
    passed: p.passed,
    passingScore: p.quiz.passingScore,
    correctAnswers: p.correct,
    incorrectAnswers: p.attempt.questionOrder.length - p.correct,
    timeTaken: p.timeTaken,
    timedOut: p.timedOut,
    isPreview: p.attempt.isPreview,
    submittedAt: p.submittedAt,
    feedback: p.feedback.map((q) => {
      const answer = p.answerOf(q.id);
      return {
        questionId: q.id,
        questionText: q.text,
        questionType: TYPE_FROM_DB[q.type],
        isCorrect: answer?.isCorrect === true,
        points: q.points,
        pointsAwarded: answer?.pointsAwarded ?? 0,
        selectedAnswer: answer?.selected[0] ?? null,
        selectedAnswers: answer?.selected ?? [],
        correctAnswer: q.correctAnswers[0] ?? '',
        correctAnswers: q.correctAnswers,
        explanation: q.explanation,
      };
    }),
    certificateGenerated: p.certificateId !== null,
    certificateId: p.certificateId,
  };
}

/** The stored result of a graded attempt (null while it is not graded). */
export async function attemptResult(db: DbLike, attemptId: string): Promise<AttemptResult | null> {
  const a = await db.quizAttempt.findUnique({
    where: { id: attemptId },
    select: {
      id: true,
      quizId: true,
      status: true,
      score: true,
      totalPoints: true,
      scorePercent: true,
      passed: true,
      submittedAt: true,
      timeTakenSeconds: true,
      timedOut: true,
      isPreview: true,
      certificateId: true,
      questionOrder: true,
      quiz: { select: { passingScore: true, showAnswersAfterSubmit: true } },
      answers: { select: { questionId: true, selected: true, isCorrect: true, pointsAwarded: true } },
    },
  });
  if (!a || a.status !== 'submitted' || a.score === null || a.submittedAt === null) return null;
  const byQuestion = new Map(a.answers.map((x) => [x.questionId, x]));
  return toAttemptResult({
    attempt: a,
    quiz: a.quiz,
    score: a.score,
    totalPoints: a.totalPoints ?? 0,
    scorePercent: a.scorePercent ?? 0,
    passed: a.passed === true,
    correct: a.answers.filter((x) => x.isCorrect === true).length,
    submittedAt: a.submittedAt,
    timeTaken: a.timeTakenSeconds ?? 0,
    timedOut: a.timedOut,
    certificateId: a.certificateId,
    feedback: a.quiz.showAnswersAfterSubmit ? await servedQuestions(db, a) : [],
    answerOf: (id) => byQuestion.get(id),
  });
}

export async function submitAttempt({
  db,
  clock,
  viewer,
  quizId,
  attemptId,
  answers,
}: {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  quizId: string;
  attemptId: string;
  answers: AnswerData[];
}): Promise<{ result: AttemptResult }> {
  const graded = await db.$transaction(async (tx) => {
    const a = ownAttempt(await lockAttemptForGrading(tx, attemptId), viewer.userId, quizId);
    if (a.status !== 'in_progress') return null;
    const late = isPastGrace(a, clock.now());
    // After the deadline and its grace, answers sent now are refused: the saved ones are graded.
    // Answers are checked against the served questions before anything is written.
    const questions = await servedQuestionsWithSaved(tx, a);
    const incoming = !late && answers.length > 0 ? checkAnswers(answers, questions) : undefined;
    return gradeAttemptInTx(tx, { clock, attemptId: a.id, timedOut: late, locked: a, questions, incoming });
  }, TX_OPTIONS);
  // Graded by someone else first (a concurrent or repeated submit): their stored result.
  const result = graded ?? (await attemptResult(db, attemptId));
  if (!result) throw new AppError('CONFLICT', 'This attempt ended without being submitted; start the quiz again.');
  return { result };
}
