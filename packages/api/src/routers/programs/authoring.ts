// programs.* — Writing programs: create, edit, publish/archive, delete (instructors own theirs; admins all).
import { createProgram, deleteProgram, setProgramStatus, updateProgram } from '@learningpt/core';
import {
  ZProgramCreateInput,
  ZProgramDeleteOutput,
  ZProgramIdInput,
  ZProgramOutput,
  ZProgramSetStatusInput,
  ZProgramUpdateInput,
} from '@learningpt/schema';
import { instructorProcedure, signedIn } from '../../trpc';
import { tags } from './tags';

export const authoringProcedures = {
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
};
