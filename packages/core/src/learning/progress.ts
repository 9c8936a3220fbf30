import { Prisma, type Db } from '@learningpt/db';
import type { ProgramProgress } from '@learningpt/schema';
import { getFeatureAccess } from '../access/feature-access';
import { findProgramForViewer } from '../catalog/program-access-check';
import type { Clock } from '../shared/clock';
import { AppError } from '../shared/errors';
import type { Viewer } from '../shared/viewer';

type Tx = Db | Prisma.TransactionClient;

const notEnrolled = () => new AppError('FORBIDDEN', 'Enroll in this program to track your progress.');

/** Percent of the program's lessons completed, rounded as PostgreSQL's round() does for positives. */
export function completionPercent(done: number, total: number): number {
  return total === 0 ? 0 : Math.round((100 * done) / total);
}

async function progressOf(db: Tx, userId: string, programId: string): Promise<ProgramProgress> {
  const [lessonsTotal, done, enrollment, quizzesTotal, taken] = await Promise.all([
    db.lesson.count({ where: { programId } }),
    db.lessonProgress.aggregate({
      where: { userId, programId },
      _count: { completedAt: true },
      _sum: { timeSpentSeconds: true },
    }),
    db.enrollment.findUniqueOrThrow({
      where: { userId_programId: { userId, programId } },
      select: { lastAccessedAt: true, completedAt: true },
    }),
    db.quiz.count({ where: { programId, status: 'published' } }),
    db.quizAttempt.findMany({
      where: { userId, status: 'submitted', quiz: { programId } },
      distinct: ['quizId'],
      select: { quizId: true },
    }),
  ]);
  const lessonsCompleted = done._count.completedAt;
  return {
    programId,
    completionPercentage: completionPercent(lessonsCompleted, lessonsTotal),
    lessonsCompleted,
    lessonsTotal,
    quizzesTaken: taken.length,
    quizzesTotal,
    timeSpentMinutes: Math.round((done._sum.timeSpentSeconds ?? 0) / 60),
    lastAccessedAt: enrollment.lastAccessedAt,
    completedAt: enrollment.completedAt,
  };
}

/** programs.progress: the enrolled student's own progress. */
export async function getProgramProgress({ db, viewer, programId }: { db: Db; viewer: Viewer; programId: string }) {
  const { enrollment } = await findProgramForViewer({ db, programId, viewer });
  if (!enrollment) throw notEnrolled();
  return { progress: await progressOf(db, viewer.userId, programId) };
}

/**
 * programs.completeLesson. Idempotent: one LessonProgress row per (user, lesson) (unique), the
 * first completion time is kept, time spent adds up. The enrollment row is locked first, so one
 * user's completions in one program are applied one at a time and progressPercent is recomputed
 * from the rows (never incremented), then stored with lastAccessedAt and, at 100%, completedAt.
 */
export async function completeLesson({
  db,
  clock,
  viewer,
  programId,
  lessonId,
  timeSpentSeconds = 0,
}: {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  programId: string;
  lessonId: string;
  timeSpentSeconds?: number;
}) {
  const { program, enrollment } = await findProgramForViewer({ db, programId, viewer });
  if (!enrollment) throw notEnrolled();
  const lesson = await db.lesson.findFirst({
    where: { id: lessonId, programId },
    select: { id: true, isPreview: true },
  });
  if (!lesson) throw new AppError('NOT_FOUND', 'Lesson not found in this program');
  if (!lesson.isPreview) {
    const access = await getFeatureAccess({ db, clock, viewer, feature: 'documentation', program, enrollment });
    if (!access.allowed) {
      throw new AppError('FORBIDDEN', 'Your enrollment does not include the documentation of this program.');
    }
  }

  const now = clock.now();
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Enrollment"
      WHERE "userId" = ${viewer.userId}::uuid AND "programId" = ${programId}::uuid AND status <> 'cancelled'
      FOR UPDATE`;
    if (locked.length === 0) throw notEnrolled();

    const before = await tx.lessonProgress.findUnique({
      where: { userId_lessonId: { userId: viewer.userId, lessonId } },
      select: { completedAt: true },
    });
    if (!before) {
      await tx.lessonProgress.create({
        data: {
          userId: viewer.userId,
          lessonId,
          programId,
          completedAt: now,
          timeSpentSeconds,
          createdAt: now,
          updatedAt: now,
        },
      });
    } else {
      await tx.lessonProgress.update({
        where: { userId_lessonId: { userId: viewer.userId, lessonId } },
        data: {
          completedAt: before.completedAt ?? now,
          timeSpentSeconds: { increment: timeSpentSeconds },
          updatedAt: now,
        },
      });
    }

    const [total, done] = await Promise.all([
      tx.lesson.count({ where: { programId } }),
      tx.lessonProgress.count({ where: { userId: viewer.userId, programId, completedAt: { not: null } } }),
    ]);
    const percent = completionPercent(done, total);
    await tx.$executeRaw`
      UPDATE "Enrollment" SET
        "progressPercent" = ${percent},
        "lastAccessedAt" = ${now},
        "completedAt" = CASE WHEN ${percent} = 100 THEN COALESCE("completedAt", ${now}) ELSE "completedAt" END,
        status = CASE WHEN ${percent} = 100 AND status = 'active' THEN 'completed'::"EnrollmentStatus" ELSE status END,
        "updatedAt" = ${now}
      WHERE id = ${locked[0]!.id}::uuid`;

    return {
      lessonId,
      newlyCompleted: !before?.completedAt,
      progress: await progressOf(tx, viewer.userId, programId),
    };
  });
}

/**
 * After lessons are added or removed, every enrollment's progressPercent is recomputed from the
 * rows in one statement (completedAt/status of finished enrollments are left as history).
 */
export async function recomputeProgramProgress(tx: Tx, programId: string): Promise<void> {
  await tx.$executeRaw(Prisma.sql`
    UPDATE "Enrollment" e SET "progressPercent" = CASE WHEN t.total = 0 THEN 0
      ELSE round(100.0 * (
        SELECT count(*) FROM "LessonProgress" lp
        WHERE lp."userId" = e."userId" AND lp."programId" = e."programId" AND lp."completedAt" IS NOT NULL
      ) / t.total)::int END
    FROM (SELECT count(*) AS total FROM "Lesson" WHERE "programId" = ${programId}::uuid) t
    WHERE e."programId" = ${programId}::uuid`);
}
