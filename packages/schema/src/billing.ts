import { z } from 'zod';
import { ZCurrency, ZId, ZMoney } from './common';
import { ZOrder } from './orders';
import { ZAccessType } from './programs';
import { ZPaymentMethodId } from './subscriptions';

/** A coupon code as typed: trimmed, upper-cased (codes are stored upper case). */
export const ZCouponCode = z
  .string()
  .trim()
  .min(1, 'couponCode cannot be empty')
  .max(50, 'couponCode can be at most 50 characters')
  .transform((c) => c.toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9_-]+$/, 'couponCode may contain only letters, digits, - and _'));

const purchaseFields = {
  /** The program whose feature is bought (with accessType). */
  programId: ZId.optional(),
  /** Insta iQ's name for programId. */
  courseId: ZId.optional(),
  /** Or an event ticket. */
  eventId: ZId.optional(),
  /** What of the program: chatbot, documentation, examSimulator or bundle (default bundle). */
  accessType: ZAccessType.optional(),
  couponCode: ZCouponCode.optional(),
  /**
   * The price the client shows (decimal). The amount charged is always computed on the server;
   * a different `amount` is refused, so nobody pays what they did not see.
   */
  amount: z.number().nonnegative('amount cannot be negative').optional(),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'currency must be a 3-letter code like USD')
    .transform((c) => c.toUpperCase())
    .optional(),
};

export type PurchaseProduct =
  { kind: 'program'; programId: string; accessType: z.infer<typeof ZAccessType> } | { kind: 'event'; eventId: string };

interface PurchaseFields {
  programId?: string | undefined;
  courseId?: string | undefined;
  eventId?: string | undefined;
  accessType?: unknown;
}

/** Exactly one thing to buy: a program (programId or courseId, with accessType) or an event. */
function checkPurchase(v: PurchaseFields, ctx: z.RefinementCtx) {
  const program = v.programId ?? v.courseId;
  if (v.programId && v.courseId && v.programId !== v.courseId) {
    ctx.addIssue({ code: 'custom', path: ['courseId'], message: 'Give programId or courseId, not two different ones' });
  }
  if (!program && !v.eventId) {
    ctx.addIssue({
      code: 'custom',
      path: ['programId'],
      message: 'Say what to buy: a programId (with accessType) or an eventId',
    });
  }
  if (program && v.eventId) {
    ctx.addIssue({
      code: 'custom',
      path: ['eventId'],
      message: 'One purchase at a time: a programId or an eventId, not both',
    });
  }
  if (v.eventId && v.accessType !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['accessType'], message: 'accessType is for programs, not event tickets' });
  }
}

/** The product a purchase input names. */
export function purchaseProductOf(v: {
  programId?: string | undefined;
  courseId?: string | undefined;
  eventId?: string | undefined;
  accessType?: z.infer<typeof ZAccessType> | undefined;
}): PurchaseProduct {
  const programId = v.programId ?? v.courseId;
  if (programId) return { kind: 'program', programId, accessType: v.accessType ?? 'bundle' };
  return { kind: 'event', eventId: v.eventId! };
}

export const ZCreateIntentInput = z
  .object({
    ...purchaseFields,
    /** Confirm at once with this payment method (Stripe test cards in test mode: pm_card_visa ...). */
    paymentMethodId: ZPaymentMethodId.optional(),
  })
  .superRefine(checkPurchase);
export type CreateIntentInput = z.input<typeof ZCreateIntentInput>;

export const ZCreateIntentOutput = z.object({
  /** For Stripe.js to confirm the payment (null when nothing is to be paid: a 100% coupon). */
  clientSecret: z.string().nullable(),
  paymentIntentId: z.string().nullable(),
  /** Stripe's status of the intent: succeeded when confirmed with a payment method and paid. */
  status: z.string(),
  orderId: ZId,
  orderNumber: z.string(),
  amount: ZMoney,
  currency: ZCurrency,
  order: ZOrder,
});
export type CreateIntentOutput = z.infer<typeof ZCreateIntentOutput>;

export const ZCheckoutInput = z.object(purchaseFields).superRefine(checkPurchase);
export type CheckoutInput = z.input<typeof ZCheckoutInput>;

export const ZCheckoutOutput = z.object({
  /** Stripe Checkout's hosted page: send the user there. */
  url: z.string(),
  /** Null when nothing is to be paid (a 100% coupon): `url` is then the order page. */
  sessionId: z.string().nullable(),
  orderId: ZId,
  orderNumber: z.string(),
  amount: ZMoney,
  currency: ZCurrency,
  expiresAt: z.date(),
  order: ZOrder,
});
export type CheckoutOutput = z.infer<typeof ZCheckoutOutput>;

export const ZVerifyPaymentInput = z.object({
  orderId: ZId,
  /** The PaymentIntent the client confirmed (optional: the order knows its own). */
  paymentIntentId: z
    .string()
    .regex(/^pi_\w+$/, 'paymentIntentId must be a Stripe PaymentIntent id (pi_...)')
    .optional(),
});
export const ZVerifyPaymentOutput = z.object({
  /** True when the payment is confirmed and the order fulfilled. */
  verified: z.boolean(),
  message: z.string(),
  order: ZOrder,
});
export type VerifyPaymentOutput = z.infer<typeof ZVerifyPaymentOutput>;
