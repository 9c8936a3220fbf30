import { findFeaturedPrograms, findPrograms, getProgram } from '@learningpt/core';
import {
  ZProgramByIdInput,
  ZProgramByIdOutput,
  ZProgramFeaturedInput,
  ZProgramFeaturedOutput,
  ZProgramListInput,
  ZProgramListOutput,
} from '@learningpt/schema';
import { createTRPCRouter, publicProcedure } from '../trpc';

export const programsRouter = createTRPCRouter({
  list: publicProcedure
    .meta({
      route: { method: 'GET', path: '/programs', tags: ['programs'], summary: 'Browse the catalog' },
    })
    .input(ZProgramListInput)
    .output(ZProgramListOutput)
    .query(({ ctx, input }) => findPrograms({ db: ctx.db, ...input })),

  featured: publicProcedure
    .meta({ route: { method: 'GET', path: '/programs/featured', tags: ['programs'], summary: 'Featured programs' } })
    .input(ZProgramFeaturedInput)
    .output(ZProgramFeaturedOutput)
    .query(({ ctx, input }) => findFeaturedPrograms({ db: ctx.db, limit: input.limit })),

  byId: publicProcedure
    .meta({
      route: { method: 'GET', path: '/programs/{id}', tags: ['programs'], summary: 'One program by id or slug' },
    })
    .input(ZProgramByIdInput)
    .output(ZProgramByIdOutput)
    .query(({ ctx, input }) =>
      getProgram({
        db: ctx.db,
        idOrSlug: input.id,
        viewer: ctx.session ? { userId: ctx.session.user.userId, role: ctx.session.user.role } : null,
      }),
    ),
});
