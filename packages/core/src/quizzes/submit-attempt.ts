// quizzes.submit: grades an attempt exactly once. The attempt row is locked (SELECT … FOR UPDATE)
// for the whole transaction and the status moves by a conditional UPDATE … WHERE status =
// 'in_progress', so of any number of concurrent or repeated submits one grades and the others,
// once the lock is released, find it graded and answer the stored result. The certificate is
// issued in the same transaction.
import type { Db, Prisma } from '@learningpt/db';
import type { AnswerData, AttemptResult } from '@learningpt/schema';
import { issueCertificateForPass } from '../certificates/issue-certificate';
import type { Clock } from '../shared/clock';
import { AppError } from '../shared/errors';
import type { Viewer } from '../shared/viewer';
import {
  checkAnswers,
  isPastGrace,
  lockAttempt,
  ownAttempt,
  saveAnswerRows,
  savedAnswers,
  servedQuestions,
  type AttemptCore,
} from './attempt-common';
import { gradeAttempt } from './grade';
import { TYPE_FROM_DB, type QuestionRow } from './question-view';
import { uuid7 } from './uuid7';

type DbLike = Db | Prisma.TransactionClient;

export const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

/**
 * Grades an open attempt from its saved answers (inside the caller's transaction). `timedOut`: the
 * server grades it because time ran out. False when it was not open (someone graded it first).
 */
export async function gradeAttemptInTx(
  tx: Prisma.TransactionClient,
  {
    clock,
    attemptId,
    timedOut,
    locked,
  }: {
    clock: Clock;
    attemptId: string;
    timedOut: boolean;
    /** The attempt and its served questions, when the caller already holds its lock. */
    locked?: { attempt: AttemptCore; questions: QuestionRow[] };
  },
): Promise<boolean> {
  const a = locked?.attempt ?? (await lockAttempt(tx, attemptId));
  if (!a || a.status !== 'in_progress') return false;
  const now = clock.now();
  const [quiz, questions, saved] = await Promise.all([
    tx.quiz.findUniqueOrThrow({ where: { id: a.quizId }, select: { passingScore: true, programId: true } }),
    locked?.questions ?? servedQuestions(tx, a),
    savedAnswers(tx, a.id),
  ]);
  const graded = gradeAttempt(questions, new Map(saved.map((s) => [s.questionId, s.selected])));

  // Every served question gets its graded row, unanswered ones too, so per-topic results count them.
  const rows = graded.answers.map((g) => ({ id: uuid7(now.getTime()), ...g }));
  await tx.$executeRaw`
    INSERT INTO "AttemptAnswer" (id, "attemptId", "questionId", selected, "isCorrect", "pointsAwarded", "createdAt", "updatedAt")
    SELECT r.id::uuid, ${a.id}::uuid, r."questionId"::uuid, ARRAY(SELECT jsonb_array_elements_text(r.selected)),
           r."isCorrect", r."pointsAwarded", ${now}, ${now}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS r(id text, "questionId" text, selected jsonb, "isCorrect" boolean, "pointsAwarded" double precision)
    ON CONFLICT ("attemptId", "questionId")
    DO UPDATE SET "isCorrect" = EXCLUDED."isCorrect", "pointsAwarded" = EXCLUDED."pointsAwarded", "updatedAt" = EXCLUDED."updatedAt"`;

  // Time counts up to the deadline at most (the grace period is for the network, not for working).
  const end = a.expiresAt !== null && now > a.expiresAt ? a.expiresAt : now;
  const passed = graded.scorePercent >= quiz.passingScore;
  const { count } = await tx.quizAttempt.updateMany({
    where: { id: a.id, status: 'in_progress' },
    data: {
      status: 'submitted',
      submittedAt: timedOut && a.expiresAt !== null ? a.expiresAt : now,
      score: graded.score,
      totalPoints: graded.totalPoints,
      scorePercent: graded.scorePercent,
      passed,
      timeTakenSeconds: Math.max(0, Math.floor((end.getTime() - a.startedAt.getTime()) / 1000)),
      timedOut,
      updatedAt: now,
    },
  });
  if (count !== 1) throw new Error(`attempt ${a.id} changed under its row lock`);

  // A preview is a taste of the exam, never a certificate.
  if (passed && !a.isPreview) {
    const certificate = await issueCertificateForPass(tx, {
      clock,
      userId: a.userId,
      programId: quiz.programId,
      attemptId: a.id,
      scorePercent: graded.scorePercent,
    });
    if (certificate) {
      await tx.quizAttempt.update({ where: { id: a.id }, data: { certificateId: certificate.certificateId } });
    }
  }
  return true;
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
  const correct = a.answers.filter((x) => x.isCorrect === true).length;
  const questions = a.quiz.showAnswersAfterSubmit ? await servedQuestions(db, a) : [];
  return {
    attemptId: a.id,
    quizId: a.quizId,
    score: a.score,
    totalPoints: a.totalPoints ?? 0,
    scorePercentage: a.scorePercent ?? 0,
    passed: a.passed === true,
    passingScore: a.quiz.passingScore,
    correctAnswers: correct,
    incorrectAnswers: a.questionOrder.length - correct,
    timeTaken: a.timeTakenSeconds ?? 0,
    timedOut: a.timedOut,
    isPreview: a.isPreview,
    submittedAt: a.submittedAt,
    feedback: questions.map((q) => {
      const answer = byQuestion.get(q.id);
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
    certificateGenerated: a.certificateId !== null,
    certificateId: a.certificateId,
  };
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
  await db.$transaction(async (tx) => {
    const a = ownAttempt(await lockAttempt(tx, attemptId), viewer.userId, quizId);
    if (a.status !== 'in_progress') return;
    const now = clock.now();
    const late = isPastGrace(a, now);
    const questions = await servedQuestions(tx, a);
    // After the deadline and its grace, answers sent now are refused: the saved ones are graded.
    if (!late && answers.length > 0) await saveAnswerRows(tx, a.id, checkAnswers(answers, questions), now);
    await gradeAttemptInTx(tx, { clock, attemptId: a.id, timedOut: late, locked: { attempt: a, questions } });
  }, TX_OPTIONS);
  const result = await attemptResult(db, attemptId);
  if (!result) throw new AppError('CONFLICT', 'This attempt ended without being submitted; start the quiz again.');
  return { result };
}
