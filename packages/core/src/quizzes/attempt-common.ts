// What the attempt use cases share: the server's deadline rule, the locked read of an attempt,
// the served questions, and checking and saving answers.
import type { Db, Prisma } from '@learningpt/db';
import { optionKey, type AnswerData, type AttemptQuestion } from '@learningpt/schema';
import { AppError, type FieldIssue } from '../shared/errors';
import { optionOrderOf, questionSelect, toAttemptQuestion, type QuestionRow } from './question-view';
import { uuid7 } from './uuid7';

type DbLike = Db | Prisma.TransactionClient;

/** Answers still count this long after the deadline (network, a slow autosave). */
export const GRACE_MS = 30_000;

export const ATTEMPT_NOT_FOUND = 'Attempt not found';

export interface AttemptCore {
  id: string;
  userId: string;
  quizId: string;
  status: 'in_progress' | 'submitted' | 'expired';
  startedAt: Date;
  expiresAt: Date | null;
  questionOrder: string[];
  optionOrder: Prisma.JsonValue;
  isPreview: boolean;
}

/** Past the deadline and its grace: nothing the student sends counts any more. */
export function isPastGrace(a: Pick<AttemptCore, 'expiresAt'>, now: Date): boolean {
  return a.expiresAt !== null && now.getTime() > a.expiresAt.getTime() + GRACE_MS;
}

export function timeLeftSeconds(a: Pick<AttemptCore, 'expiresAt'>, now: Date): number | null {
  if (a.expiresAt === null) return null;
  return Math.max(0, Math.floor((a.expiresAt.getTime() - now.getTime()) / 1000));
}

/**
 * The attempt, row-locked until the transaction ends and given a new row version (an UPDATE, not
 * only a lock), for whoever changes its saved answers: autosaves and submits of one attempt run
 * one after the other, so no answer is written after grading, and the lock-free submit
 * (submit-attempt.ts), which writes its grade only if the row version it read is still current,
 * notices the change and reads again.
 */
export async function lockAttemptForAnswers(
  tx: Prisma.TransactionClient,
  attemptId: string,
  now: Date,
): Promise<AttemptCore | null> {
  const rows = await tx.$queryRaw<AttemptCore[]>`
    UPDATE "QuizAttempt" SET "updatedAt" = ${now}
    WHERE id = ${attemptId}::uuid
    RETURNING id, "userId", "quizId", status::text AS status, "startedAt", "expiresAt", "questionOrder",
              "optionOrder", "isPreview"`;
  return rows[0] ?? null;
}

/** The attempt if it is this user's attempt at this quiz; anyone else's is NOT_FOUND. */
export function ownAttempt<T extends Pick<AttemptCore, 'userId' | 'quizId'>>(
  a: T | null,
  userId: string,
  quizId: string,
): T {
  if (!a || a.userId !== userId || a.quizId !== quizId) throw new AppError('NOT_FOUND', ATTEMPT_NOT_FOUND);
  return a;
}

/** The served questions, in the order served (archived ones included: they were served). */
export async function servedQuestions(db: DbLike, a: Pick<AttemptCore, 'questionOrder'>): Promise<QuestionRow[]> {
  const rows = await db.question.findMany({ where: { id: { in: a.questionOrder } }, select: questionSelect });
  const byId = new Map(rows.map((q) => [q.id, q]));
  return a.questionOrder.flatMap((id) => byId.get(id) ?? []);
}

export function servedView(questions: QuestionRow[], a: Pick<AttemptCore, 'optionOrder'>): AttemptQuestion[] {
  const options = optionOrderOf(a.optionOrder);
  return questions.map((q) => toAttemptQuestion(q, options[q.id]));
}

/**
 * Checks answers against the served questions and spells each choice as its option. A question
 * that was not served, a choice that is not an option or two choices for a single-answer question
 * are a 400 naming the answer.
 */
export function checkAnswers(answers: AnswerData[], questions: QuestionRow[]): Map<string, string[]> {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const out = new Map<string, string[]>();
  const issues: FieldIssue[] = [];
  answers.forEach((a, i) => {
    const q = byId.get(a.questionId);
    if (!q) {
      issues.push({ path: ['answers', i, 'questionId'], message: 'This question is not part of this attempt' });
      return;
    }
    if (out.has(q.id)) {
      issues.push({ path: ['answers', i, 'questionId'], message: 'This question is answered twice in one request' });
      return;
    }
    if (q.type === 'short_answer') {
      if (a.selected.length > 1) {
        issues.push({ path: ['answers', i, 'selectedAnswer'], message: 'A short-answer question takes one answer' });
      }
      out.set(q.id, a.selected.slice(0, 1));
      return;
    }
    if (q.type !== 'multi_select' && a.selected.length > 1) {
      issues.push({ path: ['answers', i, 'selectedAnswer'], message: 'Choose one answer for this question' });
      return;
    }
    const options = new Map(q.options.map((o) => [optionKey(o), o]));
    const chosen: string[] = [];
    for (const s of a.selected) {
      const option = options.get(optionKey(s));
      if (option === undefined) {
        issues.push({ path: ['answers', i, 'selectedAnswer'], message: `"${s}" is not one of the options` });
        return;
      }
      if (!chosen.includes(option)) chosen.push(option);
    }
    out.set(q.id, chosen);
  });
  if (issues.length > 0) throw new AppError('BAD_REQUEST', issues[0]!.message, { issues });
  return out;
}

/** Insert or replace the given answers in one statement. */
export async function saveAnswerRows(
  tx: Prisma.TransactionClient,
  attemptId: string,
  answers: ReadonlyMap<string, readonly string[]>,
  now: Date,
): Promise<void> {
  if (answers.size === 0) return;
  const rows = [...answers].map(([questionId, selected]) => ({ id: uuid7(now.getTime()), questionId, selected }));
  await tx.$executeRaw`
    INSERT INTO "AttemptAnswer" (id, "attemptId", "questionId", selected, "createdAt", "updatedAt")
    SELECT r.id::uuid, ${attemptId}::uuid, r."questionId"::uuid,
           ARRAY(SELECT jsonb_array_elements_text(r.selected)), ${now}, ${now}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id text, "questionId" text, selected jsonb)
    ON CONFLICT ("attemptId", "questionId")
    DO UPDATE SET selected = EXCLUDED.selected, "updatedAt" = EXCLUDED."updatedAt"`;
}

export async function savedAnswers(db: DbLike, attemptId: string) {
  return db.attemptAnswer.findMany({
    where: { attemptId },
    select: { questionId: true, selected: true },
    orderBy: { createdAt: 'asc' },
  });
}
