// faqs.*: published FAQs for everyone (by category); admins write, order and publish them.
import { createFaq, deleteFaq, findFaqs, findFaqsForAdmin, reorderFaqs, updateFaq } from '@learningpt/core';
import {
  ZContentDeleteOutput,
  ZFaqCreateInput,
  ZFaqIdInput,
  ZFaqListInput,
  ZFaqListOutput,
  ZFaqManageInput,
  ZFaqManageOutput,
  ZFaqOutput,
  ZFaqReorderInput,
  ZFaqUpdateInput,
} from '@learningpt/schema';
import { adminProcedure, createTRPCRouter, publicProcedure, signedIn } from '../../trpc';

const tags = ['content'];

export const faqsRouter = createTRPCRouter({
  list: publicProcedure
    .meta({ route: { method: 'GET', path: '/content/faqs', tags, summary: 'Published FAQs, by category' } })
    .input(ZFaqListInput)
    .output(ZFaqListOutput)
    .query(({ ctx, input }) => findFaqs({ db: ctx.db, ...input })),

  manage: adminProcedure
    .meta({ route: { method: 'GET', path: '/content/manage/faqs', tags, summary: 'Every FAQ, drafts included' } })
    .input(ZFaqManageInput)
    .output(ZFaqManageOutput)
    .query(({ ctx, input }) => findFaqsForAdmin({ db: ctx.db, ...input })),

  create: adminProcedure
    .meta({ route: { method: 'POST', path: '/content/faqs', tags, summary: 'Add an FAQ' } })
    .input(ZFaqCreateInput)
    .output(ZFaqOutput)
    .mutation(({ ctx, input }) => createFaq({ db: ctx.db, clock: ctx.clock, viewer: signedIn(ctx), input })),

  reorder: adminProcedure
    .meta({ route: { method: 'PUT', path: '/content/faqs/reorder', tags, summary: 'Order the FAQs of a category' } })
    .input(ZFaqReorderInput)
    .output(ZFaqManageOutput)
    .mutation(({ ctx, input }) => reorderFaqs({ db: ctx.db, clock: ctx.clock, viewer: signedIn(ctx), ...input })),

  update: adminProcedure
    .meta({ route: { method: 'PUT', path: '/content/faqs/{id}', tags, summary: 'Edit an FAQ' } })
    .input(ZFaqUpdateInput)
    .output(ZFaqOutput)
    .mutation(({ ctx, input: { id, ...input } }) =>
      updateFaq({ db: ctx.db, clock: ctx.clock, viewer: signedIn(ctx), id, input }),
    ),

  delete: adminProcedure
    .meta({ route: { method: 'DELETE', path: '/content/faqs/{id}', tags, summary: 'Delete an FAQ' } })
    .input(ZFaqIdInput)
    .output(ZContentDeleteOutput)
    .mutation(({ ctx, input }) => deleteFaq({ db: ctx.db, clock: ctx.clock, viewer: signedIn(ctx), id: input.id })),
});
