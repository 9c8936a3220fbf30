import { isUniqueViolation, type Prisma, type Db } from '@learningpt/db';
import type { ProgramReviewsOutput, Review } from '@learningpt/schema';
import { findProgramForViewer } from '../catalog/program-access-check';
import { averageRating } from '../catalog/program-view';
import type { Clock } from '../shared/clock';
import { AppError } from '../shared/errors';
import { pageOffset, paginationMeta } from '../shared/pagination';
import type { Viewer } from '../shared/viewer';

// The program's ratingTotal / reviewCount are running sums of its Review rows. They are only ever
// changed by relative, atomic UPDATEs in the same transaction as the review row, never by a
// read-modify-write, so concurrent reviews cannot lose an update.

export const reviewInclude = { user: { select: { name: true, avatarUrl: true } } } as const;
type ReviewRow = Prisma.ReviewGetPayload<{ include: typeof reviewInclude }>;

/** `votedHelpful`: whether the viewer has a helpful vote on it (never true for their own review). */
export function toReview(r: ReviewRow, viewer: Viewer | null, votedHelpful = false): Review {
  return {
    id: r.id,
    user: { name: r.user.name, avatar: r.user.avatarUrl },
    rating: r.rating,
    comment: r.comment,
    helpful: r.helpfulCount,
    mine: viewer !== null && viewer.userId === r.userId,
    votedHelpful,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

const ORDER: Record<'recent' | 'rating' | 'helpful', Prisma.ReviewOrderByWithRelationInput[]> = {
  recent: [{ createdAt: 'desc' }, { id: 'desc' }],
  rating: [{ rating: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
  helpful: [{ helpfulCount: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
};

async function ratingOf(db: Db | Prisma.TransactionClient, programId: string) {
  const p = await db.program.findUniqueOrThrow({
    where: { id: programId },
    select: { ratingTotal: true, reviewCount: true },
  });
  return { averageRating: averageRating(p.ratingTotal, p.reviewCount), totalReviews: p.reviewCount };
}

/** programs.reviews: public for a visible program. */
export async function findProgramReviews({
  db,
  viewer,
  programId,
  page,
  limit,
  sort,
}: {
  db: Db;
  viewer: Viewer | null;
  programId: string;
  page: number;
  limit: number;
  sort: 'recent' | 'rating' | 'helpful';
}): Promise<ProgramReviewsOutput> {
  await findProgramForViewer({ db, programId, viewer });
  const [total, rows, rating] = await Promise.all([
    db.review.count({ where: { programId } }),
    db.review.findMany({
      where: { programId },
      orderBy: ORDER[sort],
      skip: pageOffset(page, limit),
      take: limit,
      include: reviewInclude,
    }),
    ratingOf(db, programId),
  ]);
  // The viewer's helpful votes on this page, in one query.
  const voted = new Set(
    viewer && rows.length > 0
      ? (
          await db.reviewHelpfulVote.findMany({
            where: { userId: viewer.userId, reviewId: { in: rows.map((r) => r.id) } },
            select: { reviewId: true },
          })
        ).map((v) => v.reviewId)
      : [],
  );
  return {
    reviews: rows.map((r) => toReview(r, viewer, voted.has(r.id))),
    ...rating,
    pagination: paginationMeta(total, page, limit),
  };
}

/**
 * programs.addReview: students enrolled in the program (enrollment active or completed). One per
 * user and program — the unique (userId, programId) makes a second one a 409, even concurrently.
 */
export async function addReview({
  db,
  clock,
  viewer,
  programId,
  rating,
  comment,
}: {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  programId: string;
  rating: number;
  comment?: string | undefined;
}) {
  const { enrollment } = await findProgramForViewer({ db, programId, viewer });
  if (!enrollment) throw new AppError('FORBIDDEN', 'Only students enrolled in this program can review it.');
  const now = clock.now();
  try {
    return await db.$transaction(async (tx) => {
      const review = await tx.review.create({
        data: { userId: viewer.userId, programId, rating, comment: comment || null, createdAt: now, updatedAt: now },
        include: reviewInclude,
      });
      await tx.$executeRaw`
        UPDATE "Program" SET "ratingTotal" = "ratingTotal" + ${rating}::int, "reviewCount" = "reviewCount" + 1
        WHERE id = ${programId}::uuid`;
      return { review: toReview(review, viewer), ...(await ratingOf(tx, programId)) };
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError('CONFLICT', 'You have already reviewed this program; edit your review instead.');
    }
    throw err;
  }
}

/** programs.updateReview: the author only. The program's total moves by the rating's difference. */
export async function updateReview({
  db,
  clock,
  viewer,
  programId,
  reviewId,
  rating,
  comment,
}: {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  programId: string;
  reviewId: string;
  rating?: number | undefined;
  comment?: string | null | undefined;
}) {
  await findProgramForViewer({ db, programId, viewer });
  return db.$transaction(async (tx) => {
    // Lock the review so the old rating we subtract is the one we replace.
    const [old] = await tx.$queryRaw<{ userId: string; rating: number }[]>`
      SELECT "userId", rating FROM "Review" WHERE id = ${reviewId}::uuid AND "programId" = ${programId}::uuid FOR UPDATE`;
    if (!old) throw new AppError('NOT_FOUND', 'Review not found');
    if (old.userId !== viewer.userId) throw new AppError('FORBIDDEN', 'You can only edit your own review.');
    const review = await tx.review.update({
      where: { id: reviewId },
      data: {
        ...(rating !== undefined && { rating }),
        ...(comment !== undefined && { comment: comment || null }),
        updatedAt: clock.now(),
      },
      include: reviewInclude,
    });
    const delta = review.rating - old.rating;
    if (delta !== 0) {
      await tx.$executeRaw`
        UPDATE "Program" SET "ratingTotal" = "ratingTotal" + ${delta}::int WHERE id = ${programId}::uuid`;
    }
    return { review: toReview(review, viewer), ...(await ratingOf(tx, programId)) };
  });
}

/** programs.voteReviewHelpful: once per user (primary key (reviewId, userId)), never on one's own review. */
export async function voteReviewHelpful({
  db,
  clock,
  viewer,
  programId,
  reviewId,
}: {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  programId: string;
  reviewId: string;
}) {
  await findProgramForViewer({ db, programId, viewer });
  const review = await db.review.findFirst({ where: { id: reviewId, programId }, select: { userId: true } });
  if (!review) throw new AppError('NOT_FOUND', 'Review not found');
  if (review.userId === viewer.userId) {
    throw new AppError('UNPROCESSABLE', 'You cannot mark your own review as helpful.');
  }
  return db.$transaction(async (tx) => {
    const { count } = await tx.reviewHelpfulVote.createMany({
      data: [{ reviewId, userId: viewer.userId, createdAt: clock.now() }],
      skipDuplicates: true,
    });
    if (count === 0) throw new AppError('CONFLICT', 'You already marked this review as helpful.');
    const [row] = await tx.$queryRaw<{ helpfulCount: number }[]>`
      UPDATE "Review" SET "helpfulCount" = "helpfulCount" + 1 WHERE id = ${reviewId}::uuid RETURNING "helpfulCount"`;
    return { reviewId, helpful: row!.helpfulCount };
  });
}
