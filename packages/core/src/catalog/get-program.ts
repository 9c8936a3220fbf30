import type { Db } from '@learningpt/db';
import type { ProgramByIdOutput } from '@learningpt/schema';
import { getFeatureAccessForPrograms } from '../access/feature-access';
import { reviewInclude, toReview } from '../reviews/reviews';
import type { Clock } from '../shared/clock';
import { AppError } from '../shared/errors';
import type { Viewer } from '../shared/viewer';
import { averageRating, programSummaryInclude, toProgramSummary } from './program-view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function formatMinutes(total: number): string {
  if (total < 60) return `${total} min`;
  const h = Math.floor(total / 60);
  const m = total % 60;
  const hours = `${h} hour${h === 1 ? '' : 's'}`;
  return m === 0 ? hours : `${hours} ${m} min`;
}

/**
 * One program by id or slug, with its curriculum outline, the viewer's enrollment and what of it
 * the viewer may use now (the access model's answer for each feature).
 * The public sees published programs; the owner and admins see any status; enrolled students
 * keep seeing a program after it is archived or deleted.
 */
export async function getProgram({
  db,
  clock,
  idOrSlug,
  viewer,
}: {
  db: Db;
  clock: Clock;
  idOrSlug: string;
  viewer: Viewer | null;
}): Promise<ProgramByIdOutput> {
  const program = await db.program.findFirst({
    where: UUID.test(idOrSlug) ? { OR: [{ id: idOrSlug }, { slug: idOrSlug }] } : { slug: idOrSlug },
    include: {
      ...programSummaryInclude,
      instructor: {
        select: {
          id: true,
          name: true,
          avatarUrl: true,
          bio: true,
          instructorProfile: { select: { expertise: true, bio: true, socialLinks: true } },
        },
      },
      sections: {
        orderBy: { position: 'asc' },
        select: { id: true, title: true, lessons: { select: { durationMinutes: true } } },
      },
    },
  });
  const notFound = new AppError('NOT_FOUND', 'Program not found');
  if (!program) throw notFound;

  const enrollment = viewer
    ? await db.enrollment.findUnique({
        where: { userId_programId: { userId: viewer.userId, programId: program.id } },
        select: {
          progressPercent: true,
          lastAccessedAt: true,
          status: true,
          source: true,
          chatbotAccess: true,
          documentationAccess: true,
          examSimulatorAccess: true,
        },
      })
    : null;
  const isEnrolled = enrollment !== null && enrollment.status !== 'cancelled';
  const isPublic = program.status === 'published' && program.deletedAt === null;
  const isStaff = viewer !== null && (viewer.role === 'admin' || viewer.userId === program.instructorId);
  if (!isPublic && !isStaff && !isEnrolled) throw notFound;

  const [totalQuestions, instructorStats, lessonsCompleted, myReview, [access]] = await Promise.all([
    db.question.count({ where: { programId: program.id } }),
    db.program.aggregate({
      where: { instructorId: program.instructorId, deletedAt: null, status: 'published' },
      _sum: { ratingTotal: true, reviewCount: true, enrolledCount: true },
    }),
    isEnrolled && viewer
      ? db.lessonProgress.count({
          where: { userId: viewer.userId, programId: program.id, completedAt: { not: null } },
        })
      : Promise.resolve(0),
    viewer
      ? db.review.findUnique({
          where: { userId_programId: { userId: viewer.userId, programId: program.id } },
          include: reviewInclude,
        })
      : Promise.resolve(null),
    getFeatureAccessForPrograms({ db, clock, viewer, items: [{ program, enrollment }] }),
  ]);

  const lessonsTotal = program.sections.reduce((n, s) => n + s.lessons.length, 0);
  const profile = program.instructor.instructorProfile;
  const socialLinks = isStringRecord(profile?.socialLinks) ? profile.socialLinks : {};
  const summary = toProgramSummary({
    ...program,
    instructor: { ...program.instructor, instructorProfile: profile ? { expertise: profile.expertise } : null },
  });

  return {
    program: {
      ...summary,
      status: program.status,
      overview: program.overview,
      instructor: {
        ...summary.instructor,
        bio: profile?.bio ?? program.instructor.bio,
        rating: averageRating(instructorStats._sum.ratingTotal ?? 0, instructorStats._sum.reviewCount ?? 0),
        studentsCount: instructorStats._sum.enrolledCount ?? 0,
        socialLinks,
      },
      features: program.features,
      curriculum: program.sections.map((s) => {
        const minutes = s.lessons.reduce((n, l) => n + (l.durationMinutes ?? 0), 0);
        return {
          id: s.id,
          title: s.title,
          lessons: s.lessons.length,
          duration: formatMinutes(minutes),
          durationMinutes: minutes,
        };
      }),
      totalQuestions,
      prerequisites: program.prerequisites,
      learningOutcomes: program.learningOutcomes,
      duration: program.durationLabel,
      language: program.language,
      lastUpdated: program.updatedAt,
    },
    isEnrolled,
    userProgress:
      isEnrolled && enrollment
        ? {
            completionPercentage: lessonsTotal === 0 ? 0 : Math.round((lessonsCompleted / lessonsTotal) * 100),
            lessonsCompleted,
            lessonsTotal,
            lastAccessedAt: enrollment.lastAccessedAt,
          }
        : null,
    myReview: myReview ? toReview(myReview, viewer) : null,
    access: access!,
  };
}

function isStringRecord(v: unknown): v is Record<string, string> {
  return (
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string')
  );
}
