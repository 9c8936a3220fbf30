import type { Db } from '@learningpt/db';
import type { UserStats } from '@learningpt/schema';
import type { Clock } from '../shared/clock';
import { computeStreaks } from './streak';

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/**
 * users.stats: computed from the user's rows; zeros when there are none. Quizzes count graded
 * attempts; free previews are a taste, not an exam, so they count only as activity for streaks.
 */
export async function getUserStats({
  db,
  clock,
  userId,
}: {
  db: Db;
  clock: Clock;
  userId: string;
}): Promise<UserStats> {
  const [enrolled, completed, attempts, passed, certificates, time, days] = await Promise.all([
    db.enrollment.count({ where: { userId, status: { not: 'cancelled' } } }),
    db.enrollment.count({ where: { userId, status: 'completed' } }),
    db.quizAttempt.aggregate({
      where: { userId, status: 'submitted', isPreview: false },
      _count: { _all: true },
      _sum: { score: true },
      _avg: { scorePercent: true },
    }),
    db.quizAttempt.count({ where: { userId, status: 'submitted', isPreview: false, passed: true } }),
    db.certificate.count({ where: { userId, status: 'valid' } }),
    db.lessonProgress.aggregate({ where: { userId }, _sum: { timeSpentSeconds: true } }),
    activityDays(db, userId),
  ]);
  const taken = attempts._count._all;
  const streaks = computeStreaks(days, clock.now().toISOString().slice(0, 10));
  return {
    programsEnrolled: enrolled,
    programsCompleted: completed,
    quizzesTaken: taken,
    quizzesPassedPercentage: taken ? oneDecimal((passed / taken) * 100) : 0,
    certificatesEarned: certificates,
    // Partial credit makes scores fractional; points are shown whole.
    totalPoints: Math.round(attempts._sum.score ?? 0),
    currentStreak: streaks.current,
    longestStreak: streaks.longest,
    learningTimeMinutes: Math.floor((time._sum.timeSpentSeconds ?? 0) / 60),
    averageQuizScore: taken ? oneDecimal(attempts._avg.scorePercent ?? 0) : 0,
  };
}

/** UTC days with lesson progress (started, updated or completed) or a quiz attempt (started or submitted). */
async function activityDays(db: Db, userId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ day: string }[]>`
    SELECT DISTINCT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day FROM (
      SELECT "createdAt" AS t FROM "LessonProgress" WHERE "userId" = ${userId}::uuid
      UNION ALL SELECT "updatedAt" FROM "LessonProgress" WHERE "userId" = ${userId}::uuid
      UNION ALL SELECT "completedAt" FROM "LessonProgress" WHERE "userId" = ${userId}::uuid AND "completedAt" IS NOT NULL
      UNION ALL SELECT "startedAt" FROM "QuizAttempt" WHERE "userId" = ${userId}::uuid
      UNION ALL SELECT "submittedAt" FROM "QuizAttempt" WHERE "userId" = ${userId}::uuid AND "submittedAt" IS NOT NULL
    ) x`;
  return rows.map((r) => r.day);
}
