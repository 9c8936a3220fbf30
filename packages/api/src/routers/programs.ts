import {
  addReview,
  completeLesson,
  createLesson,
  createProgram,
  createSection,
  deleteLesson,
  deleteProgram,
  deleteSection,
  enrollInProgram,
  findFeaturedPrograms,
  findProgramReviews,
  findPrograms,
  getProgram,
  getProgramLessons,
  getProgramProgress,
  reorderLessons,
  reorderSections,
  setProgramStatus,
  updateLesson,
  updateProgram,
  updateReview,
  updateSection,
  voteReviewHelpful,
} from '@learningpt/core';
import {
  ZAddReviewInput,
  ZCompleteLessonInput,
  ZCompleteLessonOutput,
  ZCurriculumDeleteOutput,
  ZEnrollInput,
  ZEnrollOutput,
  ZLessonCreateInput,
  ZLessonIdInput,
  ZLessonOutput,
  ZLessonReorderInput,
  ZLessonUpdateInput,
  ZProgramByIdInput,
  ZProgramByIdOutput,
  ZProgramCreateInput,
  ZProgramDeleteOutput,
  ZProgramFeaturedInput,
  ZProgramFeaturedOutput,
  ZProgramIdInput,
  ZProgramLessonsInput,
  ZProgramLessonsOutput,
  ZProgramListInput,
  ZProgramListOutput,
  ZProgramOutput,
  ZProgramProgressOutput,
  ZProgramReviewsInput,
  ZProgramReviewsOutput,
  ZProgramSetStatusInput,
  ZProgramUpdateInput,
  ZReviewOutput,
  ZReviewVoteInput,
  ZReviewVoteOutput,
  ZSectionCreateInput,
  ZSectionIdInput,
  ZSectionOutput,
  ZSectionReorderInput,
  ZSectionUpdateInput,
  ZUpdateReviewInput,
} from '@learningpt/schema';
import {
  authedProcedure,
  createTRPCRouter,
  instructorProcedure,
  publicProcedure,
  signedIn,
  studentProcedure,
  viewerOf,
} from '../trpc';

const tags = ['programs'];

/** programs.sections.*: the curriculum's sections (owner or admin). */
const sectionsRouter = createTRPCRouter({
  create: instructorProcedure
    .meta({ route: { method: 'POST', path: '/programs/{id}/sections', tags, summary: 'Add a curriculum section' } })
    .input(ZSectionCreateInput)
    .output(ZSectionOutput)
    .mutation(({ ctx, input: { id, ...input } }) =>
      createSection({ db: ctx.db, clock: ctx.clock, viewer: signedIn(ctx), programId: id, input }),
    ),

  update: instructorProcedure
    .meta({
      route: { method: 'PUT', path: '/programs/{id}/sections/{sectionId}', tags, summary: 'Rename a section' },
    })
    .input(ZSectionUpdateInput)
    .output(ZSectionOutput)
    .mutation(({ ctx, input: { id, sectionId, ...input } }) =>
      updateSection({ db: ctx.db, clock: ctx.clock, viewer: signedIn(ctx), programId: id, sectionId, input }),
    ),

  delete: instructorProcedure
    .meta({
      route: {
        method: 'DELETE',
        path: '/programs/{id}/sections/{sectionId}',
        tags,
        summary: 'Delete a section with its lessons',
      },
    })
    .input(ZSectionIdInput)
    .output(ZCurriculumDeleteOutput)
    .mutation(({ ctx, input }) =>
      deleteSection({
        db: ctx.db,
        clock: ctx.clock,
        viewer: signedIn(ctx),
        programId: input.id,
        sectionId: input.sectionId,
      }),
    ),

  reorder: instructorProcedure
    .meta({ route: { method: 'POST', path: '/programs/{id}/sections/reorder', tags, summary: 'Reorder sections' } })
    .input(ZSectionReorderInput)
    .output(ZProgramLessonsOutput)
    .mutation(async ({ ctx, input }) => {
      const viewer = signedIn(ctx);
      await reorderSections({
        db: ctx.db,
        clock: ctx.clock,
        viewer,
        programId: input.id,
        sectionIds: input.sectionIds,
      });
      return getProgramLessons({ db: ctx.db, clock: ctx.clock, viewer, programId: input.id });
    }),
});

export const programsRouter = createTRPCRouter({
  list: publicProcedure
    .meta({ route: { method: 'GET', path: '/programs', tags, summary: 'Browse the catalog' } })
    .input(ZProgramListInput)
    .output(ZProgramListOutput)
    .query(({ ctx, input }) => findPrograms({ db: ctx.db, ...input })),

  featured: publicProcedure
    .meta({ route: { method: 'GET', path: '/programs/featured', tags, summary: 'Featured programs' } })
    .input(ZProgramFeaturedInput)
    .output(ZProgramFeaturedOutput)
    .query(({ ctx, input }) => findFeaturedPrograms({ db: ctx.db, limit: input.limit })),

  byId: publicProcedure
    .meta({ route: { method: 'GET', path: '/programs/{id}', tags, summary: 'One program by id or slug' } })
    .input(ZProgramByIdInput)
    .output(ZProgramByIdOutput)
    .query(({ ctx, input }) => getProgram({ db: ctx.db, idOrSlug: input.id, viewer: viewerOf(ctx) })),

  /* ---- writing (instructors own what they create; admins may change anything) ---- */

  create: instructorProcedure
    .meta({ route: { method: 'POST', path: '/programs', tags, summary: 'Create a program (as a draft)' } })
    .input(ZProgramCreateInput)
    .output(ZProgramOutput)
    .mutation(({ ctx, input }) => createProgram({ db: ctx.db, clock: ctx.clock, viewer: signedIn(ctx), input })),

  update: instructorProcedure
    .meta({ route: { method: 'PUT', path: '/programs/{id}', tags, summary: 'Update a program' } })
    .input(ZProgramUpdateInput)
    .output(ZProgramOutput)
    .mutation(({ ctx, input: { id, ...input } }) =>
      updateProgram({ db: ctx.db, clock: ctx.clock, viewer: signedIn(ctx), id, input }),
    ),

  setStatus: instructorProcedure
    .meta({
      route: {
        method: 'PUT',
        path: '/programs/{id}/status',
        tags,
        summary: 'Publish, archive or re-publish a program',
      },
    })
    .input(ZProgramSetStatusInput)
    .output(ZProgramOutput)
    .mutation(({ ctx, input }) =>
      setProgramStatus({ db: ctx.db, clock: ctx.clock, viewer: signedIn(ctx), id: input.id, status: input.status }),
    ),

  delete: instructorProcedure
    .meta({ route: { method: 'DELETE', path: '/programs/{id}', tags, summary: 'Delete a program (soft)' } })
    .input(ZProgramIdInput)
    .output(ZProgramDeleteOutput)
    .mutation(({ ctx, input }) => deleteProgram({ db: ctx.db, clock: ctx.clock, viewer: signedIn(ctx), id: input.id })),

  /* ---- curriculum ---- */

  lessons: publicProcedure
    .meta({
      route: {
        method: 'GET',
        path: '/programs/{id}/lessons',
        tags,
        summary: 'Curriculum outline; lesson content with documentation access',
      },
    })
    .input(ZProgramLessonsInput)
    .output(ZProgramLessonsOutput)
    .query(({ ctx, input }) =>
      getProgramLessons({ db: ctx.db, clock: ctx.clock, viewer: viewerOf(ctx), programId: input.id }),
    ),

  sections: sectionsRouter,

  createLesson: instructorProcedure
    .meta({
      route: { method: 'POST', path: '/programs/{id}/sections/{sectionId}/lessons', tags, summary: 'Add a lesson' },
    })
    .input(ZLessonCreateInput)
    .output(ZLessonOutput)
    .mutation(({ ctx, input: { id, sectionId, ...input } }) =>
      createLesson({ db: ctx.db, clock: ctx.clock, viewer: signedIn(ctx), programId: id, sectionId, input }),
    ),

  updateLesson: instructorProcedure
    .meta({
      route: { method: 'PUT', path: '/programs/{id}/lessons/{lessonId}', tags, summary: 'Edit or move a lesson' },
    })
    .input(ZLessonUpdateInput)
    .output(ZLessonOutput)
    .mutation(({ ctx, input: { id, lessonId, ...input } }) =>
      updateLesson({ db: ctx.db, clock: ctx.clock, viewer: signedIn(ctx), programId: id, lessonId, input }),
    ),

  deleteLesson: instructorProcedure
    .meta({ route: { method: 'DELETE', path: '/programs/{id}/lessons/{lessonId}', tags, summary: 'Delete a lesson' } })
    .input(ZLessonIdInput)
    .output(ZCurriculumDeleteOutput)
    .mutation(({ ctx, input }) =>
      deleteLesson({
        db: ctx.db,
        clock: ctx.clock,
        viewer: signedIn(ctx),
        programId: input.id,
        lessonId: input.lessonId,
      }),
    ),

  reorderLessons: instructorProcedure
    .meta({
      route: {
        method: 'POST',
        path: '/programs/{id}/sections/{sectionId}/lessons/reorder',
        tags,
        summary: 'Reorder the lessons of a section',
      },
    })
    .input(ZLessonReorderInput)
    .output(ZProgramLessonsOutput)
    .mutation(async ({ ctx, input }) => {
      const viewer = signedIn(ctx);
      await reorderLessons({
        db: ctx.db,
        clock: ctx.clock,
        viewer,
        programId: input.id,
        sectionId: input.sectionId,
        lessonIds: input.lessonIds,
      });
      return getProgramLessons({ db: ctx.db, clock: ctx.clock, viewer, programId: input.id });
    }),

  /* ---- learning ---- */

  enroll: studentProcedure
    .meta({
      route: { method: 'POST', path: '/programs/{id}/enroll', tags, summary: 'Enroll (free or with your plan)' },
    })
    .input(ZEnrollInput)
    .output(ZEnrollOutput)
    .mutation(({ ctx, input }) =>
      enrollInProgram({
        db: ctx.db,
        clock: ctx.clock,
        viewer: signedIn(ctx),
        programId: input.id,
        accessType: input.accessType,
      }),
    ),

  progress: authedProcedure
    .meta({ route: { method: 'GET', path: '/programs/{id}/progress', tags, summary: 'My progress in a program' } })
    .input(ZProgramIdInput)
    .output(ZProgramProgressOutput)
    .query(({ ctx, input }) => getProgramProgress({ db: ctx.db, viewer: signedIn(ctx), programId: input.id })),

  completeLesson: authedProcedure
    .meta({
      route: {
        method: 'POST',
        path: '/programs/{id}/lessons/{lessonId}/complete',
        tags,
        summary: 'Mark a lesson completed',
      },
    })
    .input(ZCompleteLessonInput)
    .output(ZCompleteLessonOutput)
    .mutation(({ ctx, input }) =>
      completeLesson({
        db: ctx.db,
        clock: ctx.clock,
        viewer: signedIn(ctx),
        programId: input.id,
        lessonId: input.lessonId,
        ...(input.timeSpentSeconds !== undefined && { timeSpentSeconds: input.timeSpentSeconds }),
      }),
    ),

  /* ---- reviews ---- */

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
});
