import { createCheckout, createPaymentIntent, type BillingDeps } from '@learningpt/core';
import {
  purchaseProductOf,
  ZCheckoutInput,
  ZCheckoutOutput,
  ZCreateIntentInput,
  ZCreateIntentOutput,
} from '@learningpt/schema';
import { authedProcedure, createTRPCRouter, signedIn, type AppContext } from '../trpc';

const tags = ['payments'];

/** What the billing use cases take, from the request's context. */
export const billingDeps = (ctx: AppContext): BillingDeps => ({
  db: ctx.db,
  clock: ctx.clock,
  payments: ctx.payments,
  billing: ctx.billing,
  log: ctx.log,
});

/** The purchase fields of an input, as the domain reads them. */
export const purchaseRequestOf = (input: {
  programId?: string | undefined;
  courseId?: string | undefined;
  eventId?: string | undefined;
  accessType?: 'chatbot' | 'documentation' | 'examSimulator' | 'bundle' | undefined;
  couponCode?: string | undefined;
  amount?: number | undefined;
  currency?: string | undefined;
}) => ({
  product: purchaseProductOf(input),
  couponCode: input.couponCode,
  amount: input.amount,
  currency: input.currency,
});

// The Stripe webhook (POST /api/payments/webhook) is a plain Fastify route: it needs the raw body.
export const paymentsRouter = createTRPCRouter({
  createIntent: authedProcedure
    .meta({
      route: {
        method: 'POST',
        path: '/payments/create-intent',
        tags,
        summary: 'A PaymentIntent for a program feature or an event ticket (amount computed by the server)',
      },
    })
    .input(ZCreateIntentInput)
    .output(ZCreateIntentOutput)
    .mutation(({ ctx, input }) =>
      createPaymentIntent(billingDeps(ctx), {
        viewer: signedIn(ctx),
        request: purchaseRequestOf(input),
        paymentMethodId: input.paymentMethodId,
      }),
    ),

  createCheckout: authedProcedure
    .meta({
      route: {
        method: 'POST',
        path: '/payments/checkout',
        tags,
        summary: 'A Stripe Checkout page for a program feature or an event ticket',
      },
    })
    .input(ZCheckoutInput)
    .output(ZCheckoutOutput)
    .mutation(({ ctx, input }) =>
      createCheckout(billingDeps(ctx), { viewer: signedIn(ctx), request: purchaseRequestOf(input) }),
    ),
});
