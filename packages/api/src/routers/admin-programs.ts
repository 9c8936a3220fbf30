import { featureProgram, findProgramsForAdmin } from '@learningpt/core';
import {
  ZAdminProgramFeatureInput,
  ZAdminProgramFeatureOutput,
  ZAdminProgramListInput,
  ZManagedProgramListOutput,
} from '@learningpt/schema';
import { adminProcedure, createTRPCRouter, signedIn } from '../trpc';

/** admin.programs.*: catalogue moderation. Status changes and edits go through programs.* (admins may do anything there). */
export const adminProgramsRouter = createTRPCRouter({
  list: adminProcedure
    .meta({
      route: {
        method: 'GET',
        path: '/admin/programs',
        tags: ['admin'],
        summary: 'Every program in any status (status=deleted lists the soft-deleted)',
      },
    })
    .input(ZAdminProgramListInput)
    .output(ZManagedProgramListOutput)
    .query(({ ctx, input }) => findProgramsForAdmin({ db: ctx.db, ...input })),

  feature: adminProcedure
    .meta({
      route: {
        method: 'POST',
        path: '/admin/programs/{id}/feature',
        tags: ['admin'],
        summary: 'Feature (or stop featuring) a program',
      },
    })
    .input(ZAdminProgramFeatureInput)
    .output(ZAdminProgramFeatureOutput)
    .mutation(({ ctx, input }) =>
      featureProgram({
        db: ctx.db,
        clock: ctx.clock,
        viewer: signedIn(ctx),
        id: input.id,
        featured: input.featured,
      }),
    ),
});
