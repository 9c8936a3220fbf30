import type { Db, Prisma } from '@learningpt/db';
import type { InstructorPublicProfile } from '@learningpt/schema';
import { averageRating, programSummaryInclude, toProgramSummary } from '../catalog/program-view';
import { notFound } from '../shared/errors';
import { pageOffset, paginationMeta } from '../shared/pagination';
import { socialLinksOf } from './applications';

/** A public instructor: role instructor, active. Anyone else (students, admins, banned) is a 404. */
async function findInstructor(db: Db, id: string) {
  const user = await db.user.findFirst({
    where: { id, role: 'instructor', status: 'active', deletedAt: null },
    select: {
      id: true,
      name: true,
      avatarUrl: true,
      bio: true,
      socialLinks: true,
      createdAt: true,
      instructorProfile: {
        select: { headline: true, bio: true, expertise: true, socialLinks: true, approvedAt: true },
      },
    },
  });
  if (!user) throw notFound('Instructor');
  return user;
}

const publishedOf = (instructorId: string) =>
  ({ instructorId, status: 'published', deletedAt: null }) satisfies Prisma.ProgramWhereInput;

/**
 * instructors.byId: the public profile with numbers computed from rows, over their published,
 * non-deleted programs only (what the public can see): rating = Σ ratingTotal / Σ reviewCount,
 * students = distinct users with a non-cancelled enrollment.
 */
export async function getInstructorProfile({ db, id }: { db: Db; id: string }): Promise<{
  instructor: InstructorPublicProfile;
}> {
  const user = await findInstructor(db, id);
  const [agg, students] = await Promise.all([
    db.program.aggregate({ where: publishedOf(id), _sum: { ratingTotal: true, reviewCount: true }, _count: true }),
    db.$queryRaw<{ n: bigint }[]>`
      SELECT count(DISTINCT e."userId") AS n
      FROM "Enrollment" e JOIN "Program" p ON p.id = e."programId"
      WHERE p."instructorId" = ${id}::uuid AND p.status = 'published' AND p."deletedAt" IS NULL
        AND e.status <> 'cancelled'`,
  ]);
  const profile = user.instructorProfile;
  const links = socialLinksOf(profile?.socialLinks ?? null);
  return {
    instructor: {
      id: user.id,
      name: user.name,
      avatar: user.avatarUrl,
      headline: profile?.headline ?? null,
      bio: profile?.bio ?? user.bio,
      expertise: profile?.expertise ?? [],
      rating: averageRating(agg._sum.ratingTotal ?? 0, agg._sum.reviewCount ?? 0),
      totalStudents: Number(students[0]?.n ?? 0),
      totalPrograms: agg._count,
      totalReviews: agg._sum.reviewCount ?? 0,
      socialLinks: Object.keys(links).length > 0 ? links : socialLinksOf(user.socialLinks),
      joinedAt: profile?.approvedAt ?? user.createdAt,
    },
  };
}

/** instructors.programs: their published, non-deleted programs as catalog cards, most followed first. */
export async function findInstructorPrograms({
  db,
  id,
  page,
  limit,
}: {
  db: Db;
  id: string;
  page: number;
  limit: number;
}) {
  await findInstructor(db, id);
  const where = publishedOf(id);
  const [total, rows] = await Promise.all([
    db.program.count({ where }),
    db.program.findMany({
      where,
      orderBy: [{ enrolledCount: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
      skip: pageOffset(page, limit),
      take: limit,
      include: programSummaryInclude,
    }),
  ]);
  return { programs: rows.map(toProgramSummary), pagination: paginationMeta(total, page, limit) };
}
