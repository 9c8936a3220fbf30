// quizzes.start: begins an attempt, or resumes the open one. The server fixes everything at start
// (the questions drawn, their order, the option order, startedAt and the deadline from its clock).
//
// One open attempt per user and quiz: the partial unique index "QuizAttempt_one_open_per_user_quiz"
// guarantees it; starts of one user and quiz also take a transaction-scoped advisory lock, so
// concurrent starts queue and resume the attempt the first one created (and the retake policy is
// decided on a stable history).
import { isUniqueViolation, type Db, type Prisma } from '@learningpt/db';
import type { StartAttemptOutput } from '@learningpt/schema';
import { getFeatureAccess, PLAN_PROGRAM_ACCESS } from '../access/feature-access';
import { isFreeProgram } from '../catalog/program-access-check';
import { formatPrice } from '../learning/enroll';
import type { Clock } from '../shared/clock';
import { AppError } from '../shared/errors';
import { toMajor } from '../shared/money';
import type { Viewer } from '../shared/viewer';
import {
  isPastGrace,
  savedAnswers,
  servedQuestions,
  servedView,
  timeLeftSeconds,
  type AttemptCore,
} from './attempt-common';
import { gradeAttemptInTx } from './submit-attempt';
import { drawFromBank } from './question-bank';
import { blueprintOf, toSavedAnswer } from './question-view';
import { findQuizForViewer, type QuizRow } from './quiz-access';
import { attemptHistory, retakeRefusal } from './retake-policy';
import { shuffled } from './shuffle';

type Tx = Prisma.TransactionClient;

const attemptCoreSelect = {
  id: true,
  userId: true,
  quizId: true,
  status: true,
  startedAt: true,
  expiresAt: true,
  questionOrder: true,
  optionOrder: true,
  isPreview: true,
} satisfies Prisma.QuizAttemptSelect;

/** 402 saying what to buy: this program's exam simulator (or bundle), or a plan that includes it. */
function examAccessRequired(program: QuizRow['program']): AppError {
  const details = {
    programId: program.id,
    accessType: 'examSimulator',
    price: toMajor(program.priceExamSimulator),
    currency: program.currency,
  };
  if (isFreeProgram(program)) {
    return new AppError(
      'PAYMENT_REQUIRED',
      `Enroll in "${program.title}" (it is free) to use its exam simulator.`,
      details,
    );
  }
  const plans = Object.entries(PLAN_PROGRAM_ACCESS)
    .filter(([, rule]) => rule.levels.includes(program.level) && rule.features.includes('examSimulator'))
    .map(([id]) => id);
  const bundle =
    program.priceBundle > 0 ? ` or the bundle (${formatPrice(program.priceBundle, program.currency)})` : '';
  const plan = plans.length > 0 ? `, or subscribe to the ${plans.join(' or ')} plan` : '';
  return new AppError(
    'PAYMENT_REQUIRED',
    `This quiz is part of the exam simulator of "${program.title}". Buy its exam simulator (${formatPrice(program.priceExamSimulator, program.currency)})${bundle}${plan} to take it.`,
    { ...details, plans },
  );
}

/** The question ids of a new attempt, in the order served. */
async function drawQuestions(tx: Tx, quiz: QuizRow, previewCount: number | null): Promise<string[]> {
  const blueprint = blueprintOf(quiz.blueprint);
  let ids: string[];
  if (blueprint) {
    ids = await drawFromBank(tx, quiz.programId, blueprint);
  } else {
    const rows = await tx.question.findMany({
      where: { quizId: quiz.id, archivedAt: null },
      select: { id: true },
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
    });
    ids = rows.map((r) => r.id);
  }
  // The preview is the first free questions of the quiz (of the draw, for a blueprint).
  if (previewCount !== null) ids = ids.slice(0, previewCount);
  return quiz.randomize ? shuffled(ids) : ids;
}

async function optionOrderFor(tx: Tx, quiz: QuizRow, ids: string[]): Promise<Record<string, string[]>> {
  const rows = await tx.question.findMany({
    where: { id: { in: ids } },
    select: { id: true, type: true, options: true },
  });
  const out: Record<string, string[]> = {};
  for (const q of rows) {
    if (q.type === 'short_answer') continue;
    // True/False keeps its natural order; other choices are shuffled when the quiz says so.
    out[q.id] = quiz.shuffleOptions && q.type !== 'true_false' ? shuffled(q.options) : q.options;
  }
  return out;
}

export async function startAttempt({
  db,
  clock,
  viewer,
  quizId,
}: {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  quizId: string;
}): Promise<StartAttemptOutput> {
  const { quiz } = await findQuizForViewer({ db, quizId, viewer });
  const access = await getFeatureAccess({ db, clock, viewer, feature: 'examSimulator', program: quiz.program });
  const previewCount = access.allowed ? null : quiz.program.freeQuestionsCount;
  if (previewCount !== null && previewCount <= 0) throw examAccessRequired(quiz.program);

  const lockKey = `quiz-attempt:${viewer.userId}:${quiz.id}`;
  for (let attempt = 1; ; attempt++) {
    try {
      const { row, resumed } = await db.$transaction(
        async (tx): Promise<{ row: AttemptCore; resumed: boolean }> => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))`;
          const now = clock.now();
          const open = await tx.quizAttempt.findFirst({
            where: { userId: viewer.userId, quizId: quiz.id, status: 'in_progress' },
            select: attemptCoreSelect,
          });
          if (open && !isPastGrace(open, now)) return { row: open, resumed: true };
          // Time ran out on the open one: grade it from what was saved, then start afresh.
          if (open) await gradeAttemptInTx(tx, { clock, attemptId: open.id, timedOut: true });

          if (previewCount === null) {
            const refusal = retakeRefusal(quiz, await attemptHistory(tx, viewer.userId, quiz.id), now);
            if (refusal) throw refusal;
          }
          const ids = await drawQuestions(tx, quiz, previewCount);
          if (ids.length === 0) {
            throw new AppError('UNPROCESSABLE', 'This quiz has no questions to serve yet. Please try again later.');
          }
          const created = await tx.quizAttempt.create({
            data: {
              userId: viewer.userId,
              quizId: quiz.id,
              status: 'in_progress',
              startedAt: now,
              expiresAt: quiz.isTimed ? new Date(now.getTime() + quiz.durationMinutes * 60_000) : null,
              questionOrder: ids,
              optionOrder: await optionOrderFor(tx, quiz, ids),
              isPreview: previewCount !== null,
              createdAt: now,
              updatedAt: now,
            },
            select: attemptCoreSelect,
          });
          return { row: created, resumed: false };
        },
        { maxWait: 10_000, timeout: 20_000 },
      );
      const [questions, answers] = await Promise.all([servedQuestions(db, row), savedAnswers(db, row.id)]);
      return {
        attemptId: row.id,
        quizId: quiz.id,
        questions: servedView(questions, row),
        answers: answers.map(toSavedAnswer),
        startedAt: row.startedAt,
        expiresAt: row.expiresAt,
        timeLeftSeconds: timeLeftSeconds(row, clock.now()),
        isPreview: row.isPreview,
        resumed,
      };
    } catch (err) {
      // An open attempt made outside these locked starts: read it on the next round.
      if (isUniqueViolation(err) && attempt < 3) continue;
      throw err;
    }
  }
}
