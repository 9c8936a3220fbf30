import { listCategoriesForAdmin } from '@learningpt/core';
import { ZAdminCategoryListOutput } from '@learningpt/schema';
import { adminProcedure, createTRPCRouter } from '../trpc';

/**
 * admin.categories.*: what the public categories.list leaves out (inactive categories, counts).
 * Creating, editing and retiring stay categories.create / update / delete (admin).
 */
export const adminCategoriesRouter = createTRPCRouter({
  list: adminProcedure
    .meta({
      route: {
        method: 'GET',
        path: '/admin/categories',
        tags: ['admin'],
        summary: 'Every category, inactive ones included, with program and sub-category counts',
      },
    })
    .output(ZAdminCategoryListOutput)
    .query(({ ctx }) => listCategoriesForAdmin({ db: ctx.db })),
});
