// programs.* — Reading the catalog: lists, featured programs and one program (public).
import { findFeaturedPrograms, findPrograms, getProgram } from '@learningpt/core';
import {
  ZProgramByIdInput,
  ZProgramByIdOutput,
  ZProgramFeaturedInput,
  ZProgramFeaturedOutput,
  ZProgramListInput,
  ZProgramListOutput,
} from '@learningpt/schema';
import { publicProcedure, viewerOf } from '../../trpc';
import { tags } from './tags';

export const catalogProcedures = {
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
    .query(({ ctx, input }) => getProgram({ db: ctx.db, clock: ctx.clock, idOrSlug: input.id, viewer: viewerOf(ctx) })),

  /* ---- writing (instructors own what they create; admins may change anything) ---- */
};
