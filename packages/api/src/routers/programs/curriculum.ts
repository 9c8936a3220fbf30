// programs.* — The curriculum: sections and lessons (outline for all, content and edits as access allows).
import {
  createLesson,
  createSection,
  deleteLesson,
  deleteSection,
  getProgramLessons,
  reorderLessons,
  reorderSections,
  updateLesson,
  updateSection,
} from '@learningpt/core';
import {
  ZCurriculumDeleteOutput,
  ZLessonCreateInput,
  ZLessonIdInput,
  ZLessonOutput,
  ZLessonReorderInput,
  ZLessonUpdateInput,
  ZProgramLessonsInput,
  ZProgramLessonsOutput,
  ZSectionCreateInput,
  ZSectionIdInput,
  ZSectionOutput,
  ZSectionReorderInput,
  ZSectionUpdateInput,
} from '@learningpt/schema';
import { createTRPCRouter, instructorProcedure, publicProcedure, signedIn, viewerOf } from '../../trpc';
import { tags } from './tags';

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

export const curriculumProcedures = {
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
};
