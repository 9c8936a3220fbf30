// A quiz's retake policy, decided from the user's attempts (previews never count).
import type { Db, Prisma } from '@learningpt/db';
import { AppError } from '../shared/errors';

type DbLike = Db | Prisma.TransactionClient;

export interface RetakePolicy {
  allowRetake: boolean;
  maxAttempts: number | null;
  retakeCooldownMinutes: number;
}

export interface AttemptHistory {
  /** Attempts that ended (graded or abandoned), previews not counted. */
  used: number;
  /** The latest graded one. */
  last: { passed: boolean; submittedAt: Date } | null;
}

export async function attemptHistory(db: DbLike, userId: string, quizId: string): Promise<AttemptHistory> {
  const where = { userId, quizId, isPreview: false, status: { not: 'in_progress' as const } };
  const [used, last] = await Promise.all([
    db.quizAttempt.count({ where }),
    db.quizAttempt.findFirst({
      where: { ...where, status: 'submitted' },
      orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
      select: { passed: true, submittedAt: true },
    }),
  ]);
  return { used, last: last?.submittedAt ? { passed: last.passed === true, submittedAt: last.submittedAt } : null };
}

/** Attempts allowed in all: one without retakes. */
export const attemptLimit = (p: RetakePolicy) => (p.allowRetake ? p.maxAttempts : 1);

/** Why a new attempt may not start now, or null. */
export function retakeRefusal(p: RetakePolicy, h: AttemptHistory, now: Date): AppError | null {
  if (!p.allowRetake && h.used > 0) {
    return new AppError('CONFLICT', 'You have already taken this quiz, and it does not allow retakes.');
  }
  const limit = attemptLimit(p);
  if (limit !== null && h.used >= limit) {
    return new AppError('CONFLICT', `You have used all ${limit} attempts this quiz allows.`, { maxAttempts: limit });
  }
  if (h.last && !h.last.passed && p.retakeCooldownMinutes > 0) {
    const retryAt = new Date(h.last.submittedAt.getTime() + p.retakeCooldownMinutes * 60_000);
    if (now < retryAt) {
      return new AppError(
        'UNPROCESSABLE',
        `After a failed attempt this quiz can be retaken ${p.retakeCooldownMinutes} minutes later: from ${retryAt.toISOString()}.`,
        { retryAt: retryAt.toISOString(), retryAfterSeconds: Math.ceil((retryAt.getTime() - now.getTime()) / 1000) },
      );
    }
  }
  return null;
}
