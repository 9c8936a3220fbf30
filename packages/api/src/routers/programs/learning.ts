// programs.* — Learning: enrolment, progress and lesson completion.
import { completeLesson, enrollInProgram, getProgramProgress } from '@learningpt/core';
import {
  ZCompleteLessonInput,
  ZCompleteLessonOutput,
  ZEnrollInput,
  ZEnrollOutput,
  ZProgramIdInput,
  ZProgramProgressOutput,
} from '@learningpt/schema';
import { authedProcedure, signedIn, studentProcedure } from '../../trpc';
import { tags } from './tags';

export const learningProcedures = {
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
};
