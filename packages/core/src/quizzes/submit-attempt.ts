// quizzes.submit: grades an attempt exactly once, and answers every submit of it with the one
// result.
//
// The usual submit takes no lock and no transaction: one statement reads the attempt with its row
// version (xmin), its quiz's grading rules and the served questions with their saved answers, all
// from one snapshot; grading is done in memory; one statement then writes the grade (the attempt's
// status and figures, and every graded answer) only if the attempt is still open at that row
// version. Whatever else changes an attempt gives it a new row version first (autosaves take it
// through lockAttemptForAnswers, and every other grading changes its status), so a submit that
// lost a race writes nothing and reads again: it then grades the newer answers, or finds the
// attempt graded and answers the stored result. Submits are thus serialised by the attempt's row
// like the locked path, in three round trips with the session instead of seven.
//
// A pass that could earn a certificate takes the locked path instead (gradeAttemptInTx): the
// attempt row is locked (SELECT … FOR UPDATE) for a transaction in which the grade and the
// certificate are written together. Time-outs graded by the server use it too.
import { queryRows, type Db, type Prisma } from '@learningpt/db';
import type { AnswerData, AttemptResult } from '@learningpt/schema';
import { issueCertificateForPass } from '../certificates/issue-certificate';
import type { Clock } from '../shared/clock';
import { AppError } from '../shared/errors';
import type { Viewer } from '../shared/viewer';
import { checkAnswers, isPastGrace, ownAttempt, servedQuestions, type AttemptCore } from './attempt-common';
import { gradeAttempt, type GradedAttempt } from './grade';
import { TYPE_FROM_DB, type QuestionRow } from './question-view';
import { uuid7 } from './uuid7';

type DbLike = Db | Prisma.TransactionClient;

export const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

interface GradingQuiz {
  passingScore: number;
  programId: string;
  showAnswersAfterSubmit: boolean;
}

type GradableAttempt = AttemptCore & GradingQuiz;

// The submit's statements are written with positional parameters and run through queryRows: on
// the pool directly outside a transaction (the lock-free submit, Prisma's query layer skipped),
// on the transaction's connection inside one (the locked path).
const GRADABLE_COLUMNS = `
  a.id, a."userId", a."quizId", a.status::text AS status, a."startedAt", a."expiresAt", a."questionOrder",
  a."optionOrder", a."isPreview", q."passingScore", q."programId", q."showAnswersAfterSubmit"`;

/** The attempt row-locked (only the attempt: FOR UPDATE OF), with what grading needs of its quiz. */
async function lockAttemptForGrading(tx: Prisma.TransactionClient, attemptId: string) {
  const rows = await queryRows<GradableAttempt>(
    tx,
    `SELECT ${GRADABLE_COLUMNS}
     FROM "QuizAttempt" a JOIN "Quiz" q ON q.id = a."quizId"
     WHERE a.id = $1::uuid
     FOR UPDATE OF a`,
    [attemptId],
  );
  return rows[0] ?? null;
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
 * Without a lock, from one snapshot: the attempt, its row version, its quiz's grading rules and
 * its served questions (in the order served) with their saved answers.
 */
async function readForGrading(db: Db, attemptId: string) {
  const rows = await queryRows<GradableAttempt & { version: string; questions: ServedWithSaved[] }>(
    db,
    `SELECT ${GRADABLE_COLUMNS}, a.xmin::text AS version,
       COALESCE((
         SELECT json_agg(json_build_object(
                  'id', x.id, 'type', x.type::text, 'text', x.text, 'options', x.options,
                  'correctAnswers', x."correctAnswers", 'explanation', x.explanation, 'points', x.points,
                  'difficulty', x.difficulty::text, 'topic', x.topic, 'position', x.position, 'draft', x.draft,
                  'saved', s.selected) ORDER BY o.n)
         FROM unnest(a."questionOrder"::uuid[]) WITH ORDINALITY AS o(id, n)
         JOIN "Question" x ON x.id = o.id
         LEFT JOIN "AttemptAnswer" s ON s."attemptId" = a.id AND s."questionId" = x.id
       ), '[]') AS questions
     FROM "QuizAttempt" a JOIN "Quiz" q ON q.id = a."quizId"
     WHERE a.id = $1::uuid`,
    [attemptId],
  );
  return rows[0] ?? null;
}

/** What grading decided, before anything is written. */
interface Grade {
  graded: GradedAttempt;
  passed: boolean;
  now: Date;
  submittedAt: Date;
  timeTaken: number;
  timedOut: boolean;
}

/** Grades the served questions from their saved answers, `incoming` ones replacing saved ones. */
function decideGrade(
  a: GradableAttempt,
  questions: ServedWithSaved[],
  incoming: ReadonlyMap<string, readonly string[]> | undefined,
  timedOut: boolean,
  now: Date,
): Grade {
  const selected = new Map(questions.map((q) => [q.id, incoming?.get(q.id) ?? q.saved ?? []]));
  const graded = gradeAttempt(questions, selected);
  // Time counts up to the deadline at most (the grace period is for the network, not for working).
  const end = a.expiresAt !== null && now > a.expiresAt ? a.expiresAt : now;
  return {
    graded,
    passed: graded.scorePercent >= a.passingScore,
    now,
    submittedAt: timedOut && a.expiresAt !== null ? a.expiresAt : now,
    timeTaken: Math.max(0, Math.floor((end.getTime() - a.startedAt.getTime()) / 1000)),
    timedOut,
  };
}

/**
 * Writes a grade in one statement: the attempt's status and figures, and a graded row for every
 * served question (unanswered ones too, so per-topic results count them; the answers sent with
 * the submit are written by the same statement). Only while the attempt is open and, given
 * `version`, still at that row version. Returns whether it was written.
 */
async function writeGrade(db: DbLike, a: GradableAttempt, g: Grade, version?: string): Promise<boolean> {
  const rows = g.graded.answers.map((x) => ({ id: uuid7(g.now.getTime()), ...x }));
  const [written] = await queryRows<{ n: number }>(
    db,
    `WITH graded AS (
       UPDATE "QuizAttempt"
       SET status = 'submitted', "submittedAt" = $2, score = $3::double precision, "totalPoints" = $4::int,
           "scorePercent" = $5::int, passed = $6::boolean, "timeTakenSeconds" = $7::int, "timedOut" = $8::boolean,
           "updatedAt" = $9
       WHERE id = $1::uuid AND status = 'in_progress' AND ($10::xid IS NULL OR xmin = $10::xid)
       RETURNING id
     ), answers AS (
       INSERT INTO "AttemptAnswer" (id, "attemptId", "questionId", selected, "isCorrect", "pointsAwarded", "createdAt", "updatedAt")
       SELECT r.id::uuid, graded.id, r."questionId"::uuid, ARRAY(SELECT jsonb_array_elements_text(r.selected)),
              r."isCorrect", r."pointsAwarded", $9, $9
       FROM graded, jsonb_to_recordset($11::jsonb)
         AS r(id text, "questionId" text, selected jsonb, "isCorrect" boolean, "pointsAwarded" double precision)
       ON CONFLICT ("attemptId", "questionId")
       DO UPDATE SET selected = EXCLUDED.selected, "isCorrect" = EXCLUDED."isCorrect",
                     "pointsAwarded" = EXCLUDED."pointsAwarded", "updatedAt" = EXCLUDED."updatedAt"
     )
     SELECT count(*)::int AS n FROM graded`,
    [
      a.id,
      g.submittedAt,
      g.graded.score,
      g.graded.totalPoints,
      g.graded.scorePercent,
      g.passed,
      g.timeTaken,
      g.timedOut,
      g.now,
      version ?? null,
      JSON.stringify(rows),
    ],
  );
  return written?.n === 1;
}

/** The answer attemptResult would read back from the written rows, built from the grade. */
function resultOfGrade(
  a: GradableAttempt,
  questions: QuestionRow[],
  g: Grade,
  certificateId: string | null,
): AttemptResult {
  const byQuestion = new Map(g.graded.answers.map((x) => [x.questionId, x]));
  return toAttemptResult({
    attempt: a,
    quiz: a,
    score: g.graded.score,
    totalPoints: g.graded.totalPoints,
    scorePercent: g.graded.scorePercent,
    passed: g.passed,
    correct: g.graded.correctCount,
    submittedAt: g.submittedAt,
    timeTaken: g.timeTaken,
    timedOut: g.timedOut,
    certificateId,
    feedback: a.showAnswersAfterSubmit ? questions : [],
    answerOf: (id) => byQuestion.get(id),
  });
}

/**
 * Grades an open attempt (inside the caller's transaction, under the attempt's row lock) from its
 * saved answers, with `incoming` answers replacing saved ones first, and issues the certificate a
 * pass earns. `timedOut`: the server grades it because time ran out. Returns the result, or null
 * when the attempt was not open (someone graded it first).
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
    locked?: GradableAttempt;
    /** Its served questions with their saved answers, when the caller has read them. */
    questions?: ServedWithSaved[];
    /** Answers sent with the submit, already checked against the served questions. */
    incoming?: ReadonlyMap<string, readonly string[]>;
  },
): Promise<AttemptResult | null> {
  const a = locked ?? (await lockAttemptForGrading(tx, attemptId));
  if (!a || a.status !== 'in_progress') return null;
  const questions = served ?? (await servedQuestionsWithSaved(tx, a));
  const g = decideGrade(a, questions, incoming, timedOut, clock.now());
  if (!(await writeGrade(tx, a, g))) throw new Error(`attempt ${a.id} changed under its row lock`);

  // A preview is a taste of the exam, never a certificate.
  let certificateId: string | null = null;
  if (g.passed && !a.isPreview) {
    const certificate = await issueCertificateForPass(tx, {
      clock,
      userId: a.userId,
      programId: a.programId,
      attemptId: a.id,
      scorePercent: g.graded.scorePercent,
    });
    if (certificate) {
      certificateId = certificate.certificateId;
      await tx.quizAttempt.update({ where: { id: a.id }, data: { certificateId } });
    }
  }
  return resultOfGrade(a, questions, g, certificateId);
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
  // After the deadline and its grace, answers sent now are refused: the saved ones are graded.
  // Answers are checked against the served questions before anything is written.
  const incomingFor = (questions: ServedWithSaved[], late: boolean) =>
    !late && answers.length > 0 ? checkAnswers(answers, questions) : undefined;

  let graded: AttemptResult | null = null;
  let settled = false;
  // Lock-free (see the top of this file); a submit that keeps losing races to autosaves of the
  // same attempt, and a pass, take the locked path.
  for (let round = 0; round < 3 && !settled; round++) {
    const a = ownAttempt(await readForGrading(db, attemptId), viewer.userId, quizId);
    if (a.status !== 'in_progress') {
      settled = true;
      break;
    }
    const now = clock.now();
    const late = isPastGrace(a, now);
    const g = decideGrade(a, a.questions, incomingFor(a.questions, late), late, now);
    if (g.passed && !a.isPreview) break;
    if (await writeGrade(db, a, g, a.version)) {
      graded = resultOfGrade(a, a.questions, g, null);
      settled = true;
    }
  }
  if (!settled) {
    graded = await db.$transaction(async (tx) => {
      const a = ownAttempt(await lockAttemptForGrading(tx, attemptId), viewer.userId, quizId);
      if (a.status !== 'in_progress') return null;
      const late = isPastGrace(a, clock.now());
      const questions = await servedQuestionsWithSaved(tx, a);
      const incoming = incomingFor(questions, late);
      return gradeAttemptInTx(tx, { clock, attemptId: a.id, timedOut: late, locked: a, questions, incoming });
    }, TX_OPTIONS);
  }
  // Graded by someone else first (a concurrent or repeated submit): their stored result.
  const result = graded ?? (await attemptResult(db, attemptId));
  if (!result) throw new AppError('CONFLICT', 'This attempt ended without being submitted; start the quiz again.');
  return { result };
}
