import { Prisma, type Db, type ProgramStatus } from '@learningpt/db';
import type { ProgramByIdOutput } from '@learningpt/schema';
import { getFeatureAccessForPrograms } from '../access/feature-access';
import { reviewInclude, toReview } from '../reviews/reviews';
import type { Clock } from '../shared/clock';
import { AppError } from '../shared/errors';
import type { Viewer } from '../shared/viewer';
import type { ProgramCore } from './program-access-check';
import {
  averageRating,
  cardFromJson,
  PROGRAM_CARD_JOINS,
  PROGRAM_CARD_JSON,
  toProgramSummary,
  type ProgramCardJson,
} from './program-view';

interface ProgramPageRow {
  card: ProgramCardJson;
  status: ProgramStatus;
  deletedAt: Date | null;
  instructorId: string;
  overview: string;
  features: string[];
  prerequisites: string[];
  learningOutcomes: string[];
  durationLabel: string | null;
  language: string;
  bio: string | null;
  socialLinks: unknown;
  totalQuestions: number;
  instructorStats: { ratingTotal: number; reviewCount: number; enrolledCount: number };
  curriculum: { id: string; title: string; lessons: number; minutes: number }[];
}

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
  // One statement for everything anonymous readers see (the program page is the second busiest
  // read): the program with its category, instructor and profile, its curriculum outline with
  // lesson counts and minutes, its question count and the instructor's totals. Only a viewer's
  // own rows (enrollment, progress, review, plan) are read apart.
  const match = UUID.test(idOrSlug)
    ? Prisma.sql`(p.id = ${idOrSlug}::uuid OR p.slug = ${idOrSlug})`
    : Prisma.sql`p.slug = ${idOrSlug}`;
  const [program] = await db.$queryRaw<ProgramPageRow[]>`
    SELECT ${PROGRAM_CARD_JSON} AS card,
      p.status, p."deletedAt", p."instructorId", p.overview, p.features, p.prerequisites,
      p."learningOutcomes", p."durationLabel", p.language,
      COALESCE(pip.bio, pu.bio) AS bio, pip."socialLinks",
      (SELECT count(*) FROM "Question" q WHERE q."programId" = p.id)::int AS "totalQuestions",
      (SELECT json_build_object('ratingTotal', COALESCE(sum(x."ratingTotal"), 0),
          'reviewCount', COALESCE(sum(x."reviewCount"), 0), 'enrolledCount', COALESCE(sum(x."enrolledCount"), 0))
        FROM "Program" x
        WHERE x."instructorId" = p."instructorId" AND x."deletedAt" IS NULL AND x.status = 'published') AS "instructorStats",
      (SELECT COALESCE(json_agg(json_build_object('id', s.id, 'title', s.title, 'lessons', l.n, 'minutes', l.minutes)
          ORDER BY s.position, s.id), '[]')
        FROM "CurriculumSection" s,
          LATERAL (SELECT count(*)::int AS n, COALESCE(sum(ls."durationMinutes"), 0)::int AS minutes
                   FROM "Lesson" ls WHERE ls."sectionId" = s.id AND ls."programId" = s."programId") l
        WHERE s."programId" = p.id) AS curriculum
    FROM "Program" p ${PROGRAM_CARD_JOINS}
    WHERE ${match}
    LIMIT 1`;
  const notFound = new AppError('NOT_FOUND', 'Program not found');
  if (!program) throw notFound;

  const enrollment = viewer
    ? await db.enrollment.findUnique({
        where: { userId_programId: { userId: viewer.userId, programId: program.card.id } },
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

  const card = cardFromJson(program.card);
  const core: ProgramCore = {
    id: card.id,
    slug: card.slug,
    title: card.title,
    instructorId: program.instructorId,
    status: program.status,
    deletedAt: program.deletedAt,
    level: card.level,
    currency: card.currency,
    priceChatbot: card.priceChatbot,
    priceDocumentation: card.priceDocumentation,
    priceExamSimulator: card.priceExamSimulator,
    priceBundle: card.priceBundle,
  };
  const [lessonsCompleted, myReview, [access]] = await Promise.all([
    isEnrolled && viewer
      ? db.lessonProgress.count({
          where: { userId: viewer.userId, programId: card.id, completedAt: { not: null } },
        })
      : Promise.resolve(0),
    viewer
      ? db.review.findUnique({
          where: { userId_programId: { userId: viewer.userId, programId: card.id } },
          include: reviewInclude,
        })
      : Promise.resolve(null),
    getFeatureAccessForPrograms({ db, clock, viewer, items: [{ program: core, enrollment }] }),
  ]);

  const lessonsTotal = program.curriculum.reduce((n, s) => n + s.lessons, 0);
  const socialLinks = isStringRecord(program.socialLinks) ? program.socialLinks : {};
  const summary = toProgramSummary(card);
  const stats = program.instructorStats;

  return {
    program: {
      ...summary,
      status: program.status,
      overview: program.overview,
      instructor: {
        ...summary.instructor,
        bio: program.bio,
        rating: averageRating(Number(stats.ratingTotal), Number(stats.reviewCount)),
        studentsCount: Number(stats.enrolledCount),
        socialLinks,
      },
      features: program.features,
      curriculum: program.curriculum.map((s) => ({
        id: s.id,
        title: s.title,
        lessons: s.lessons,
        duration: formatMinutes(s.minutes),
        durationMinutes: s.minutes,
      })),
      totalQuestions: program.totalQuestions,
      prerequisites: program.prerequisites,
      learningOutcomes: program.learningOutcomes,
      duration: program.durationLabel,
      language: program.language,
      lastUpdated: card.updatedAt,
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
