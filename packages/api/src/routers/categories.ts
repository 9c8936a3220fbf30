import { listCategories } from '@learningpt/core';
import { ZCategoryListOutput } from '@learningpt/schema';
import { createTRPCRouter, publicProcedure } from '../trpc';

export const categoriesRouter = createTRPCRouter({
  list: publicProcedure
    .meta({ route: { method: 'GET', path: '/categories', tags: ['categories'], summary: 'List categories' } })
    .output(ZCategoryListOutput)
    .query(async ({ ctx }) => ({ categories: await listCategories({ db: ctx.db }) })),
});
