import {
  createPaymentIntent,
  listOrders,
  myOrders,
  orderAnalytics,
  orderById,
  refundOrder,
  setOrderStatus,
  toMinor,
  verifyPayment,
} from '@learningpt/core';
import {
  ZAdminOrderOutput,
  ZAdminOrdersInput,
  ZAdminOrdersOutput,
  ZCreateIntentInput,
  ZCreateIntentOutput,
  ZMyOrdersInput,
  ZMyOrdersOutput,
  ZOrderAnalyticsInput,
  ZOrderAnalyticsOutput,
  ZOrderIdInput,
  ZOrderOutput,
  ZRefundOrderInput,
  ZRefundOrderOutput,
  ZSetOrderStatusInput,
  ZVerifyPaymentInput,
  ZVerifyPaymentOutput,
} from '@learningpt/schema';
import { adminProcedure, authedProcedure, createTRPCRouter, signedIn } from '../trpc';
import { billingDeps, purchaseRequestOf } from './payments';

const tags = ['orders'];

export const ordersRouter = createTRPCRouter({
  mine: authedProcedure
    .meta({ route: { method: 'GET', path: '/orders/my-orders', tags, summary: 'My orders, newest first' } })
    .input(ZMyOrdersInput)
    .output(ZMyOrdersOutput)
    .query(({ ctx, input }) => myOrders({ db: ctx.db }, { viewer: signedIn(ctx), ...input })),

  analytics: adminProcedure
    .meta({
      route: { method: 'GET', path: '/orders/analytics', tags, summary: 'Orders and revenue net of refunds (admin)' },
    })
    .input(ZOrderAnalyticsInput)
    .output(ZOrderAnalyticsOutput)
    .query(({ ctx, input }) => orderAnalytics({ db: ctx.db, clock: ctx.clock }, input)),

  byId: authedProcedure
    .meta({
      route: { method: 'GET', path: '/orders/{id}', tags, summary: 'One of my orders (any order for an admin)' },
    })
    .input(ZOrderIdInput)
    .output(ZOrderOutput)
    .query(({ ctx, input }) => orderById({ db: ctx.db }, { viewer: signedIn(ctx), id: input.id })),

  createPayment: authedProcedure
    .meta({
      route: {
        method: 'POST',
        path: '/orders/create-payment',
        tags,
        summary: 'An order and its PaymentIntent (Insta iQ); same as payments.createIntent',
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

  verifyPayment: authedProcedure
    .meta({
      route: {
        method: 'POST',
        path: '/orders/verify-payment',
        tags,
        summary: "Check an order's payment with Stripe now",
      },
    })
    .input(ZVerifyPaymentInput)
    .output(ZVerifyPaymentOutput)
    .mutation(({ ctx, input }) => verifyPayment(billingDeps(ctx), { viewer: signedIn(ctx), ...input })),

  list: adminProcedure
    .meta({ route: { method: 'GET', path: '/orders', tags, summary: 'All orders with filters (admin)' } })
    .input(ZAdminOrdersInput)
    .output(ZAdminOrdersOutput)
    .query(({ ctx, input }) => listOrders({ db: ctx.db }, input)),

  setStatus: adminProcedure
    .meta({
      route: {
        method: 'PUT',
        path: '/orders/{id}/status',
        tags,
        summary: "Change an order's fulfilment status (admin)",
      },
    })
    .input(ZSetOrderStatusInput)
    .output(ZAdminOrderOutput)
    .mutation(({ ctx, input }) =>
      setOrderStatus(billingDeps(ctx), {
        actor: signedIn(ctx),
        id: input.id,
        status: input.status,
        notes: input.notes,
        ip: ctx.ip,
      }),
    ),

  refund: adminProcedure
    .meta({
      route: {
        method: 'POST',
        path: '/orders/{id}/refund',
        tags,
        summary: 'Refund an order through Stripe, fully or partly (admin)',
      },
    })
    .input(ZRefundOrderInput)
    .output(ZRefundOrderOutput)
    .mutation(({ ctx, input }) =>
      refundOrder(billingDeps(ctx), {
        orderId: input.id,
        actorId: ctx.session.user.userId,
        amount: input.amount !== undefined ? toMinor(input.amount) : undefined,
        reason: input.reason,
      }),
    ),
});
