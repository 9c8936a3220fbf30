import {
  cancelSubscription,
  currentSubscription,
  listInvoices,
  listPlans,
  resumeSubscription,
  subscribe,
} from '@learningpt/core';
import {
  ZCurrentSubscriptionOutput,
  ZInvoicesInput,
  ZInvoicesOutput,
  ZPlansOutput,
  ZSubscribeInput,
  ZSubscribeOutput,
  ZSubscriptionChangeOutput,
} from '@learningpt/schema';
import { authedProcedure, createTRPCRouter, publicProcedure, signedIn } from '../trpc';
import { billingDeps } from './payments';

const tags = ['subscriptions'];

export const subscriptionsRouter = createTRPCRouter({
  plans: publicProcedure
    .meta({
      route: { method: 'GET', path: '/subscriptions/plans', tags, summary: 'The plans, their prices and limits' },
    })
    .output(ZPlansOutput)
    .query(({ ctx }) => listPlans({ db: ctx.db })),

  subscribe: authedProcedure
    .meta({
      route: {
        method: 'POST',
        path: '/subscriptions/subscribe',
        tags,
        summary: 'Subscribe (Checkout URL, or at once with a paymentMethodId), or change plan',
      },
    })
    .input(ZSubscribeInput)
    .output(ZSubscribeOutput)
    .mutation(({ ctx, input }) =>
      subscribe(billingDeps(ctx), {
        viewer: signedIn(ctx),
        planId: input.planId,
        paymentMethodId: input.paymentMethodId,
      }),
    ),

  current: authedProcedure
    .meta({ route: { method: 'GET', path: '/subscriptions/current', tags, summary: 'My subscription and plan' } })
    .output(ZCurrentSubscriptionOutput)
    .query(({ ctx }) => currentSubscription(billingDeps(ctx), { viewer: signedIn(ctx) })),

  cancel: authedProcedure
    .meta({
      route: {
        method: 'POST',
        path: '/subscriptions/cancel',
        tags,
        summary: 'Cancel at the end of the period (access kept until then)',
      },
    })
    .output(ZSubscriptionChangeOutput)
    .mutation(({ ctx }) => cancelSubscription(billingDeps(ctx), { viewer: signedIn(ctx) })),

  resume: authedProcedure
    .meta({
      route: {
        method: 'POST',
        path: '/subscriptions/resume',
        tags,
        summary: 'Undo a cancellation before the period ends',
      },
    })
    .output(ZSubscriptionChangeOutput)
    .mutation(({ ctx }) => resumeSubscription(billingDeps(ctx), { viewer: signedIn(ctx) })),

  invoices: authedProcedure
    .meta({ route: { method: 'GET', path: '/subscriptions/invoices', tags, summary: 'My invoices and receipts' } })
    .input(ZInvoicesInput)
    .output(ZInvoicesOutput)
    .query(({ ctx, input }) => listInvoices({ db: ctx.db }, { viewer: signedIn(ctx), ...input })),
});
