import { z } from 'zod';
import { ZCurrency, ZId, ZMoney, ZPagination, paginationInput, seedEnum } from './common';
import { ACCESS_TYPES } from './programs';

export const ORDER_STATUSES = ['pending', 'confirmed', 'processing', 'completed', 'cancelled'] as const;
export const PAYMENT_STATUSES = ['pending', 'completed', 'failed', 'refunded'] as const;
export const ZOrderStatus = seedEnum(ORDER_STATUSES, `status must be one of: ${ORDER_STATUSES.join(', ')}`, {
  canceled: 'cancelled',
});
export const ZPaymentStatus = seedEnum(
  PAYMENT_STATUSES,
  `paymentStatus must be one of: ${PAYMENT_STATUSES.join(', ')}`,
  { paid: 'completed', succeeded: 'completed' },
);

export const ZOrderItem = z.object({
  id: ZId,
  kind: z.enum(['program_access', 'event_ticket', 'subscription']),
  description: z.string(),
  programId: ZId.nullable(),
  accessType: z.enum(ACCESS_TYPES).nullable(),
  eventId: ZId.nullable(),
  planId: z.string().nullable(),
  unitAmount: ZMoney,
  quantity: z.number().int(),
  amount: ZMoney,
});

export const ZOrderRefund = z.object({
  id: ZId,
  amount: ZMoney,
  status: z.enum(['pending', 'succeeded', 'failed', 'canceled']),
  reason: z.string().nullable(),
  createdAt: z.date(),
});

/**
 * An order as Insta iQ's orders table has it: amount = subtotal, then discount (coupon), tax,
 * total; status and paymentStatus with the table's values. Money in decimal units of `currency`.
 */
export const ZOrder = z.object({
  id: ZId,
  orderNumber: z.string(),
  status: z.enum(ORDER_STATUSES),
  paymentStatus: z.enum(PAYMENT_STATUSES),
  currency: ZCurrency,
  subtotal: ZMoney,
  discount: ZMoney,
  tax: ZMoney,
  total: ZMoney,
  amountRefunded: ZMoney,
  couponCode: z.string().nullable(),
  items: z.array(ZOrderItem),
  refunds: z.array(ZOrderRefund),
  paymentMethod: z.enum(['stripe', 'manual']).nullable(),
  /** The Stripe PaymentIntent (the spec's transaction id). */
  transactionId: z.string().nullable(),
  notes: z.string().nullable(),
  paidAt: z.date().nullable(),
  cancelledAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Order = z.infer<typeof ZOrder>;

export const ZAdminOrder = ZOrder.extend({
  user: z.object({ id: ZId, name: z.string(), email: z.string() }),
});
export type AdminOrder = z.infer<typeof ZAdminOrder>;

export const ZOrderIdInput = z.object({ id: ZId });
export const ZOrderOutput = z.object({ order: ZOrder });
export type OrderOutput = z.infer<typeof ZOrderOutput>;

export const ZMyOrdersInput = z
  .object({ ...paginationInput(10), status: ZOrderStatus.optional() })
  .default({ page: 1, limit: 10 });
export const ZMyOrdersOutput = z.object({ orders: z.array(ZOrder), pagination: ZPagination });
export type MyOrdersOutput = z.infer<typeof ZMyOrdersOutput>;

const ZDay = z.iso.date({ message: 'Use a date like 2026-11-30' });

export const ZAdminOrdersInput = z
  .object({
    ...paginationInput(20),
    status: ZOrderStatus.optional(),
    paymentStatus: ZPaymentStatus.optional(),
    userId: ZId.optional(),
    currency: z
      .string()
      .regex(/^[A-Za-z]{3}$/, 'currency must be a 3-letter code like USD')
      .transform((c) => c.toUpperCase())
      .optional(),
    /** Order number, or the buyer's name or email (part of it). */
    search: z.string().trim().max(200).optional(),
    /** Created on or after this day (UTC). */
    from: ZDay.optional(),
    /** Created on or before this day (UTC). */
    to: ZDay.optional(),
  })
  .default({ page: 1, limit: 20 });
export type AdminOrdersInput = z.input<typeof ZAdminOrdersInput>;
export const ZAdminOrdersOutput = z.object({ orders: z.array(ZAdminOrder), pagination: ZPagination });
export type AdminOrdersOutput = z.infer<typeof ZAdminOrdersOutput>;

export const ZSetOrderStatusInput = z.object({
  id: ZId,
  status: ZOrderStatus,
  notes: z.string().trim().max(2000).optional(),
});
export const ZAdminOrderOutput = z.object({ order: ZAdminOrder });

export const ZRefundOrderInput = z.object({
  id: ZId,
  /** Part of the total to refund (decimal units); the whole remaining amount when absent. */
  amount: z.number().positive('amount must be more than 0').optional(),
  reason: z.string().trim().max(500).optional(),
});
export const ZRefundOrderOutput = z.object({ message: z.string(), order: ZAdminOrder, refund: ZOrderRefund });
export type RefundOrderOutput = z.infer<typeof ZRefundOrderOutput>;

export const ZOrderAnalyticsInput = z.object({ from: ZDay.optional(), to: ZDay.optional() }).default({});
export type OrderAnalyticsInput = z.input<typeof ZOrderAnalyticsInput>;

const ZRevenue = z.object({
  currency: ZCurrency,
  /** Paid orders in the range (by payment date), refunded or not. */
  paidOrders: z.number().int(),
  grossRevenue: ZMoney,
  refunds: ZMoney,
  /** Gross less refunds. */
  netRevenue: ZMoney,
  averageOrderValue: ZMoney,
});

export const ZOrderAnalyticsOutput = z.object({
  analytics: z.object({
    from: z.date(),
    to: z.date(),
    /** Orders created in the range, by status and by payment status. */
    totalOrders: z.number().int(),
    byStatus: z.record(z.string(), z.number().int()),
    byPaymentStatus: z.record(z.string(), z.number().int()),
    revenue: z.array(ZRevenue),
    daily: z.array(z.object({ date: z.string(), currency: ZCurrency, orders: z.number().int(), netRevenue: ZMoney })),
    topProducts: z.array(
      z.object({
        kind: z.enum(['program_access', 'event_ticket', 'subscription']),
        id: z.string(),
        title: z.string(),
        currency: ZCurrency,
        orders: z.number().int(),
        netRevenue: ZMoney,
      }),
    ),
  }),
});
export type OrderAnalyticsOutput = z.infer<typeof ZOrderAnalyticsOutput>;
