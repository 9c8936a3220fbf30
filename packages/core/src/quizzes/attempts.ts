// Reading an attempt (resume after a reload), autosaving its answers, and a user's attempts.
import type { Db } from '@learningpt/db';
import type { AnswerData, AttemptOutput } from '@learningpt/schema';
import type { Clock } from '../shared/clock';
import { AppError } from '../shared/errors';
import type { Viewer } from '../shared/viewer';
import {
  checkAnswers,
  isPastGrace,
  lockAttemptForAnswers,
  ownAttempt,
  saveAnswerRows,
  savedAnswers,
  servedQuestions,
  servedView,
  timeLeftSeconds,
} from './attempt-common';
import { toSavedAnswer } from './question-view';
import { findQuizForViewer } from './quiz-access';
import { attemptResult, gradeAttemptInTx, TX_OPTIONS } from './submit-attempt';

/** quizzes.attempt: questions as served, saved answers, time left; the result once graded. */
export async function getAttempt({
  db,
  clock,
  viewer,
  quizId,
  attemptId,
}: {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  quizId: string;
  attemptId: string;
}): Promise<AttemptOutput> {
  const select = {
    id: true,
    userId: true,
    quizId: true,
    status: true,
    startedAt: true,
    expiresAt: true,
    questionOrder: true,
    optionOrder: true,
    isPreview: true,
    quiz: { select: { title: true } },
  } as const;
  let a = ownAttempt(await db.quizAttempt.findUnique({ where: { id: attemptId }, select }), viewer.userId, quizId);
  // The server keeps time: an open attempt whose time ran out is graded from its saved answers now.
  if (a.status === 'in_progress' && isPastGrace(a, clock.now())) {
    await db.$transaction((tx) => gradeAttemptInTx(tx, { clock, attemptId, timedOut: true }), TX_OPTIONS);
    a = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select });
  }
  const [questions, answers, result] = await Promise.all([
    servedQuestions(db, a),
    savedAnswers(db, a.id),
    a.status === 'submitted' ? attemptResult(db, a.id) : null,
  ]);
  return {
    attempt: {
      attemptId: a.id,
      quizId: a.quizId,
      quizTitle: a.quiz.title,
      status: a.status,
      isPreview: a.isPreview,
      questions: servedView(questions, a),
      answers: answers.map(toSavedAnswer),
      startedAt: a.startedAt,
      expiresAt: a.expiresAt,
      timeLeftSeconds: a.status === 'in_progress' ? timeLeftSeconds(a, clock.now()) : 0,
      result,
    },
  };
}

/**
 * quizzes.saveAnswers (autosave): replaces the answers given, keeps the others. Under the
 * attempt's row lock, so nothing is written once it is graded; refused after the deadline and
 * its grace.
 */
export async function saveAnswers({
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
}) {
  return db.$transaction(async (tx) => {
    const now = clock.now();
    // Refusals below roll the transaction back, the new row version with it.
    const a = ownAttempt(await lockAttemptForAnswers(tx, attemptId, now), viewer.userId, quizId);
    if (a.status !== 'in_progress') {
      throw new AppError('CONFLICT', 'This attempt has already been submitted: its answers can no longer change.');
    }
    if (isPastGrace(a, now)) {
      throw new AppError(
        'UNPROCESSABLE',
        'Time is up for this attempt, so answers can no longer be saved. Submit it to see your result.',
      );
    }
    const checked = checkAnswers(answers, await servedQuestions(tx, a));
    await saveAnswerRows(tx, a.id, checked, now);
    return { attemptId: a.id, saved: checked.size, savedAt: now, timeLeftSeconds: timeLeftSeconds(a, now) };
  }, TX_OPTIONS);
}

/** quizzes.attempts: the viewer's own attempts at a quiz, newest first. */
export async function findMyAttempts({ db, viewer, quizId }: { db: Db; viewer: Viewer; quizId: string }) {
  const { quiz } = await findQuizForViewer({ db, quizId, viewer });
  const rows = await db.quizAttempt.findMany({
    where: { userId: viewer.userId, quizId: quiz.id },
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    take: 100,
  });
  return {
    attempts: rows.map((r) => ({
      id: r.id,
      quizId: r.quizId,
      quizTitle: quiz.title,
      status: r.status,
      isPreview: r.isPreview,
      score: r.score,
      totalPoints: r.totalPoints,
      scorePercentage: r.scorePercent,
      passed: r.passed,
      timedOut: r.timedOut,
      attemptedAt: r.startedAt,
      submittedAt: r.submittedAt,
      timeTaken: r.timeTakenSeconds,
    })),
  };
}
