import { z } from 'zod';
import { ZCurrency, ZId, ZMoney, ZPagination, paginationInput, spellingKey } from './common';

/** A plan id as the plans table has them ('free', 'basic', 'premium'); any case accepted. */
export const ZPlanId = z
  .string({ message: 'planId is required: free, basic or premium' })
  .trim()
  .min(1, 'planId is required: free, basic or premium')
  .max(40)
  .transform((v) => spellingKey(v))
  .pipe(z.string().regex(/^[a-z0-9]+$/, 'planId must be a plan id such as basic or premium'));

/** A Stripe payment method (pm_...) or, in test mode, a test card token (tok_visa). */
export const ZPaymentMethodId = z
  .string()
  .trim()
  .regex(/^(pm|tok)_[A-Za-z0-9_]{3,250}$/, 'paymentMethodId must be a Stripe payment method id (pm_...)');

/**
 * A plan's limits. -1 means unlimited. aiMessages: AI tutor messages a day; aiTokensPerMessage:
 * the longest answer (output tokens); programs: programs a user may be enrolled in at once;
 * aiPriority: the plan's tutor requests go ahead of others when the model calls are at their cap.
 */
export const ZPlanLimits = z.object({
  aiMessages: z.number().int(),
  aiTokensPerMessage: z.number().int(),
  programs: z.number().int(),
  aiPriority: z.boolean(),
});
export type PlanLimits = z.infer<typeof ZPlanLimits>;

export const ZPlan = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  price: ZMoney,
  currency: ZCurrency,
  billingCycle: z.enum(['monthly', 'yearly']),
  features: z.array(z.string()),
  limits: ZPlanLimits,
});
export type Plan = z.infer<typeof ZPlan>;

export const ZPlansOutput = z.object({ plans: z.array(ZPlan) });
export type PlansOutput = z.infer<typeof ZPlansOutput>;

export const SUBSCRIPTION_STATUSES = [
  'incomplete',
  'incomplete_expired',
  'trialing',
  'active',
  'past_due',
  'canceled',
  'unpaid',
  'paused',
] as const;

export const ZSubscription = z.object({
  id: ZId,
  planId: z.string(),
  planName: z.string(),
  /** Stripe's status: active/trialing give the plan; past_due means a renewal payment failed. */
  status: z.enum(SUBSCRIPTION_STATUSES),
  currentPeriodStart: z.date(),
  currentPeriodEnd: z.date(),
  /** Cancelled by the user: the plan stays until currentPeriodEnd, then ends. */
  cancelAtPeriodEnd: z.boolean(),
  canceledAt: z.date().nullable(),
  /** When the next payment is taken (null when it will not renew). */
  nextBillingDate: z.date().nullable(),
  amount: ZMoney,
  currency: ZCurrency,
});
export type Subscription = z.infer<typeof ZSubscription>;

export const ZInvoice = z.object({
  id: ZId,
  number: z.string(),
  amount: ZMoney,
  currency: ZCurrency,
  status: z.enum(['draft', 'open', 'paid', 'void', 'uncollectible']),
  date: z.date(),
  paidAt: z.date().nullable(),
  /** The invoice page at Stripe (null for receipts of one-time orders). */
  invoiceUrl: z.string().nullable(),
  /** The PDF at Stripe. */
  downloadUrl: z.string().nullable(),
  /** The order it is the receipt of, for one-time purchases. */
  orderId: ZId.nullable(),
});
export type Invoice = z.infer<typeof ZInvoice>;

export const ZSubscribeInput = z.object({
  planId: ZPlanId,
  /**
   * With a payment method (from Stripe.js) the subscription is created and charged at once.
   * Without one the answer is a Stripe Checkout URL to send the user to.
   */
  paymentMethodId: ZPaymentMethodId.optional(),
});
export type SubscribeInput = z.input<typeof ZSubscribeInput>;

export const ZSubscribeOutput = z.object({
  message: z.string(),
  /** Checkout flow: where to send the user to pay (null when the subscription was created directly). */
  checkoutUrl: z.string().nullable(),
  sessionId: z.string().nullable(),
  /** Direct flow (paymentMethodId) or a plan change: the subscription as it is now. */
  subscription: ZSubscription.nullable(),
  invoice: ZInvoice.pick({ id: true, amount: true, currency: true, status: true, invoiceUrl: true }).nullable(),
});
export type SubscribeOutput = z.infer<typeof ZSubscribeOutput>;

export const ZCurrentSubscriptionOutput = z.object({
  /** The user's live (or past-due) subscription, or null on the free plan. */
  subscription: ZSubscription.nullable(),
  /** The plan the user has right now ('free' without one). */
  tier: z.string(),
  tierExpiresAt: z.date().nullable(),
});
export type CurrentSubscriptionOutput = z.infer<typeof ZCurrentSubscriptionOutput>;

export const ZSubscriptionChangeOutput = z.object({ message: z.string(), subscription: ZSubscription });
export type SubscriptionChangeOutput = z.infer<typeof ZSubscriptionChangeOutput>;

export const ZInvoicesInput = z.object({ ...paginationInput(20) }).default({ page: 1, limit: 20 });
export const ZInvoicesOutput = z.object({ invoices: z.array(ZInvoice), pagination: ZPagination });
export type InvoicesOutput = z.infer<typeof ZInvoicesOutput>;
