import { searchGlobal } from '@learningpt/core';
import { ZSearchInput, ZSearchOutput } from '@learningpt/schema';
import { createTRPCRouter, publicProcedure } from '../trpc';

const tags = ['search'];

export const searchRouter = createTRPCRouter({
  global: publicProcedure
    .meta({ route: { method: 'GET', path: '/search', tags, summary: 'Search programs and instructors' } })
    .input(ZSearchInput)
    .output(ZSearchOutput)
    .query(({ ctx, input }) => searchGlobal({ db: ctx.db, ...input })),
});
