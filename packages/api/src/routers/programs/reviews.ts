// programs.* — Reviews of a program and their helpful votes.
import { addReview, findProgramReviews, updateReview, voteReviewHelpful } from '@learningpt/core';
import {
  ZAddReviewInput,
  ZProgramReviewsInput,
  ZProgramReviewsOutput,
  ZReviewOutput,
  ZReviewVoteInput,
  ZReviewVoteOutput,
  ZUpdateReviewInput,
} from '@learningpt/schema';
import { authedProcedure, publicProcedure, signedIn, studentProcedure, viewerOf } from '../../trpc';
import { tags } from './tags';

export const reviewsProcedures = {
  reviews: publicProcedure
    .meta({ route: { method: 'GET', path: '/programs/{id}/reviews', tags, summary: 'Reviews of a program' } })
    .input(ZProgramReviewsInput)
    .output(ZProgramReviewsOutput)
    .query(({ ctx, input: { id, ...page } }) =>
      findProgramReviews({ db: ctx.db, viewer: viewerOf(ctx), programId: id, ...page }),
    ),
  addReview: studentProcedure
    .meta({ route: { method: 'POST', path: '/programs/{id}/reviews', tags, summary: 'Review a program you follow' } })
    .input(ZAddReviewInput)
    .output(ZReviewOutput)
    .mutation(({ ctx, input }) =>
      addReview({
        db: ctx.db,
        clock: ctx.clock,
        viewer: signedIn(ctx),
        programId: input.id,
        rating: input.rating,
        comment: input.comment,
      }),
    ),
  updateReview: authedProcedure
    .meta({
      route: { method: 'PUT', path: '/programs/{id}/reviews/{reviewId}', tags, summary: 'Edit your review' },
    })
    .input(ZUpdateReviewInput)
    .output(ZReviewOutput)
    .mutation(({ ctx, input }) =>
      updateReview({
        db: ctx.db,
        clock: ctx.clock,
        viewer: signedIn(ctx),
        programId: input.id,
        reviewId: input.reviewId,
        rating: input.rating,
        comment: input.comment,
      }),
    ),
  voteReviewHelpful: authedProcedure
    .meta({
      route: {
        method: 'POST',
        path: '/programs/{id}/reviews/{reviewId}/helpful',
        tags,
        summary: 'Mark a review as helpful',
      },
    })
    .input(ZReviewVoteInput)
    .output(ZReviewVoteOutput)
    .mutation(({ ctx, input }) =>
      voteReviewHelpful({
        db: ctx.db,
        clock: ctx.clock,
        viewer: signedIn(ctx),
        programId: input.id,
        reviewId: input.reviewId,
      }),
    ),
};
