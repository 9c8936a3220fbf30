import { z } from 'zod';
import { ZId, ZPagination, paginationInput, seedEnum } from './common';

export const REVIEW_SORTS = ['recent', 'rating', 'helpful'] as const;
export const ZReviewSort = seedEnum(REVIEW_SORTS, `sort must be one of: ${REVIEW_SORTS.join(', ')}`);

export const ZProgramReviewsInput = z.object({
  id: ZId,
  ...paginationInput(10),
  sort: ZReviewSort.default('recent'),
});

export const ZReview = z.object({
  id: ZId,
  /** Reviewers are shown by name and avatar only. */
  user: z.object({ name: z.string(), avatar: z.string().nullable() }),
  rating: z.number().int(),
  comment: z.string().nullable(),
  /** Number of people who found it helpful. */
  helpful: z.number().int(),
  /** Whether the signed-in viewer wrote it (so the app can offer "edit"). */
  mine: z.boolean(),
  /** Whether the signed-in viewer already marked it helpful (false when anonymous). */
  votedHelpful: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Review = z.infer<typeof ZReview>;

export const ZProgramReviewsOutput = z.object({
  reviews: z.array(ZReview),
  averageRating: z.number(),
  totalReviews: z.number().int(),
  pagination: ZPagination,
});
export type ProgramReviewsOutput = z.infer<typeof ZProgramReviewsOutput>;

const rating = z
  .number({ message: 'rating is a whole number from 1 to 5' })
  .int('rating is a whole number from 1 to 5')
  .min(1, 'rating is at least 1')
  .max(5, 'rating is at most 5');
const comment = z.string().trim().max(2000, 'comment can be at most 2000 characters');

export const ZAddReviewInput = z.object({
  id: ZId,
  rating,
  comment: comment.optional(),
});

export const ZUpdateReviewInput = z
  .object({
    id: ZId,
    reviewId: ZId,
    rating: rating.optional(),
    /** null removes the comment. */
    comment: comment.nullable().optional(),
  })
  .refine((v) => v.rating !== undefined || v.comment !== undefined, {
    message: 'Change the rating or the comment',
    path: ['rating'],
  });

export const ZReviewOutput = z.object({
  review: ZReview,
  averageRating: z.number(),
  totalReviews: z.number().int(),
});

export const ZReviewVoteInput = z.object({ id: ZId, reviewId: ZId });
export const ZReviewVoteOutput = z.object({ reviewId: ZId, helpful: z.number().int() });
