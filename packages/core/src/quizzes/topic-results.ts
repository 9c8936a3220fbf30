// How a user does per topic, from their graded attempts (previews excluded): what the AI tutor
// and learning paths read to pick what to practise.
import type { Db, Prisma } from '@learningpt/db';
import type { TopicResult } from '@learningpt/schema';

export async function getTopicResults({
  db,
  userId,
  programId,
}: {
  db: Db | Prisma.TransactionClient;
  userId: string;
  programId?: string | undefined;
}): Promise<TopicResult[]> {
  const rows = await db.$queryRaw<
    { programId: string; topic: string | null; correct: number; total: number; earned: number; possible: number }[]
  >`
    SELECT q."programId", q.topic,
           count(*) FILTER (WHERE a."isCorrect")::int AS correct,
           count(*)::int AS total,
           coalesce(sum(a."pointsAwarded"), 0)::float8 AS earned,
           coalesce(sum(q.points), 0)::int AS possible
    FROM "AttemptAnswer" a
    JOIN "QuizAttempt" t ON t.id = a."attemptId"
    JOIN "Question" q ON q.id = a."questionId"
    WHERE t."userId" = ${userId}::uuid AND t.status = 'submitted' AND NOT t."isPreview"
      AND (${programId ?? null}::uuid IS NULL OR q."programId" = ${programId ?? null}::uuid)
    GROUP BY q."programId", q.topic
    ORDER BY q."programId", q.topic NULLS LAST`;
  return rows.map((r) => ({
    programId: r.programId,
    topic: r.topic,
    correct: r.correct,
    total: r.total,
    percent: r.total > 0 ? Math.round((r.correct / r.total) * 1000) / 10 : 0,
    pointsEarned: Math.round(r.earned * 100) / 100,
    pointsPossible: r.possible,
  }));
}
