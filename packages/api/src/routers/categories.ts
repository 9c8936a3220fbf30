import { createCategory, deleteCategory, listCategories, updateCategory } from '@learningpt/core';
import {
  ZCategoryCreateInput,
  ZCategoryDeleteOutput,
  ZCategoryIdInput,
  ZCategoryListOutput,
  ZCategoryOutput,
  ZCategoryUpdateInput,
} from '@learningpt/schema';
import { adminProcedure, createTRPCRouter, publicProcedure } from '../trpc';

const tags = ['categories'];

export const categoriesRouter = createTRPCRouter({
  list: publicProcedure
    .meta({ route: { method: 'GET', path: '/categories', tags, summary: 'List categories' } })
    .output(ZCategoryListOutput)
    .query(async ({ ctx }) => ({ categories: await listCategories({ db: ctx.db }) })),

  create: adminProcedure
    .meta({ route: { method: 'POST', path: '/categories', tags, summary: 'Create a category' } })
    .input(ZCategoryCreateInput)
    .output(ZCategoryOutput)
    .mutation(({ ctx, input }) =>
      createCategory({ db: ctx.db, clock: ctx.clock, actorId: ctx.session.user.userId, input }),
    ),

  update: adminProcedure
    .meta({ route: { method: 'PUT', path: '/categories/{id}', tags, summary: 'Update or move a category' } })
    .input(ZCategoryUpdateInput)
    .output(ZCategoryOutput)
    .mutation(({ ctx, input: { id, ...input } }) =>
      updateCategory({ db: ctx.db, clock: ctx.clock, actorId: ctx.session.user.userId, id, input }),
    ),

  delete: adminProcedure
    .meta({
      route: { method: 'DELETE', path: '/categories/{id}', tags, summary: 'Delete an empty category' },
    })
    .input(ZCategoryIdInput)
    .output(ZCategoryDeleteOutput)
    .mutation(({ ctx, input }) =>
      deleteCategory({ db: ctx.db, clock: ctx.clock, actorId: ctx.session.user.userId, id: input.id }),
    ),
});
