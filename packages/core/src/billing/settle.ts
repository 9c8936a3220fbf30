// An order's payment as Stripe reports it, applied exactly once. Whoever learns of it first (the
// webhook job, verifyPayment, the confirming request, the daily reconciliation) calls the same
// functions with the PaymentIntent / Checkout Session read from Stripe's API; the database
// decides who applies it (a conditional update on paidAt IS NULL), so access, emails and
// notifications happen once however many times or in whatever order the news arrives.
import type { GatewayPaymentIntent } from '@learningpt/billing';
import type { Prisma } from '@learningpt/db';
import { grantPurchasedAccess } from '../learning/enroll';
import { notify } from '../notifications/notify';
import { formatPrice } from '../learning/enroll';
import { tellBuyer } from './notices';
import { releaseCoupon } from './orders';
import { gatewayOf, silentBillingLog, type BillingDeps } from './settings';
import { grantEventTicket } from './tickets';
import { refundOrder } from './refunds';
import { syncSubscription } from './subscription-sync';

type Tx = Prisma.TransactionClient;

export const AUTO_REFUND_NOTE = 'Automatic refund: ';

export type SettleOutcome = 'paid' | 'already-paid' | 'failed' | 'cancelled' | 'pending' | 'mismatch' | 'unknown-order';

async function findOrder(
  deps: BillingDeps,
  ids: { orderId?: string | undefined; paymentIntentId?: string; sessionId?: string },
) {
  const { db } = deps;
  if (ids.orderId && /^[0-9a-f-]{36}$/i.test(ids.orderId)) {
    const o = await db.order.findUnique({ where: { id: ids.orderId } });
    if (o) return o;
  }
  if (ids.paymentIntentId) {
    const o = await db.order.findUnique({ where: { stripePaymentIntentId: ids.paymentIntentId } });
    if (o) return o;
  }
  if (ids.sessionId) return db.order.findUnique({ where: { stripeCheckoutSessionId: ids.sessionId } });
  return null;
}

/** Applies a PaymentIntent's state to its order (found by metadata.orderId or its id). */
export async function settlePaymentIntent(deps: BillingDeps, pi: GatewayPaymentIntent): Promise<SettleOutcome> {
  const order = await findOrder(deps, { orderId: pi.metadata.orderId, paymentIntentId: pi.id });
  // Subscription invoices have intents of their own: their state arrives through the invoice.
  if (!order) return 'unknown-order';
  if (
    pi.status === 'succeeded' &&
    order.paidAt &&
    order.stripePaymentIntentId &&
    order.stripePaymentIntentId !== pi.id
  ) {
    await refundSecondPayment(deps, order.id, pi);
    return 'already-paid';
  }
  if (pi.status === 'succeeded') {
    return fulfilOrder(deps, order.id, {
      provider: 'stripe',
      paymentIntentId: pi.id,
      amount: pi.amountReceived,
      currency: pi.currency,
    });
  }
  if (pi.status === 'requires_payment_method' && pi.failureMessage) {
    return markPaymentFailed(deps, order.id, {
      paymentIntentId: pi.id,
      amount: pi.amount,
      currency: pi.currency,
      reason: pi.failureMessage,
    });
  }
  if (pi.status === 'canceled') return cancelUnpaidOrder(deps, order.id, 'The payment was cancelled.');
  return 'pending';
}

/** Applies a Checkout Session's state: paid → its PaymentIntent (read from Stripe); expired → cancelled. */
export async function settleCheckoutSession(deps: BillingDeps, sessionId: string): Promise<SettleOutcome> {
  const payments = gatewayOf(deps.payments);
  const session = await payments.retrieveCheckoutSession(sessionId);
  if (!session) return 'unknown-order';
  if (session.mode === 'subscription') {
    if (session.subscriptionId) await syncSubscription(deps, session.subscriptionId);
    return session.status === 'complete' ? 'paid' : 'pending';
  }
  const order = await findOrder(deps, { orderId: session.metadata.orderId, sessionId: session.id });
  if (!order) return 'unknown-order';
  if (session.paymentIntentId) {
    const pi = await payments.retrievePaymentIntent(session.paymentIntentId);
    if (pi) {
      const outcome = await settlePaymentIntent(deps, { ...pi, metadata: { ...pi.metadata, orderId: order.id } });
      if (outcome === 'paid' || outcome === 'already-paid' || session.status !== 'expired') return outcome;
    }
  }
  if (session.status === 'expired')
    return cancelUnpaidOrder(deps, order.id, 'The checkout expired before it was paid.');
  return 'pending';
}

/**
 * The order is paid: mark it, record the payment, give what was bought, send the receipt. Once:
 * only the call whose conditional update finds paidAt empty does any of it. The amount received
 * must be the order's total in its currency, or nothing is given (and it is logged).
 */
export async function fulfilOrder(
  deps: BillingDeps,
  orderId: string,
  payment: { provider: 'stripe' | 'manual'; paymentIntentId: string | null; amount: number; currency: string },
): Promise<SettleOutcome> {
  const { db, clock, billing } = deps;
  const log = deps.log ?? silentBillingLog;
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { items: true } });
  if (order.paidAt) return 'already-paid';
  if (payment.amount !== order.total || payment.currency !== order.currency) {
    log.error(
      {
        orderId,
        expected: order.total,
        currency: order.currency,
        received: payment.amount,
        receivedCurrency: payment.currency,
      },
      'payment does not match the order total: not fulfilled',
    );
    await db.order.updateMany({
      where: { id: orderId, paidAt: null, status: { not: 'processing' } },
      data: {
        status: 'processing',
        notes: `Payment of ${formatPrice(payment.amount, payment.currency)} does not match the total: check it.`,
      },
    });
    return 'mismatch';
  }

  const now = clock.now();
  const result = await db.$transaction(async (tx) => {
    const claimed = await tx.order.updateMany({
      where: { id: orderId, paidAt: null },
      data: {
        paidAt: now,
        paymentStatus: 'completed',
        status: 'completed',
        cancelledAt: null,
        ...(payment.paymentIntentId ? { stripePaymentIntentId: payment.paymentIntentId } : {}),
        updatedAt: now,
      },
    });
    if (claimed.count === 0) return { outcome: 'already-paid' as const, refundReason: null };
    // A cancelled order whose payment still went through: its coupon counts again.
    if (order.couponId && order.status === 'cancelled') {
      await tx.$executeRaw`
        INSERT INTO "CouponRedemption" (id, "couponId", "userId", "orderId", "redeemedAt")
        VALUES (gen_random_uuid(), ${order.couponId}::uuid, ${order.userId}::uuid, ${orderId}::uuid, ${now})
        ON CONFLICT DO NOTHING`;
    }
    await recordPayment(tx, { orderId, ...payment, status: 'completed', reason: null, now });

    let refundReason: string | null = null;
    for (const item of order.items) {
      if (item.kind === 'program_access' && item.programId && item.accessType) {
        const g = await grantPurchasedAccess({
          tx,
          clock,
          userId: order.userId,
          programId: item.programId,
          orderId,
          accessType: item.accessType,
        });
        if (g.duplicate) refundReason = 'this access was already bought in another order';
        if (g.newlyEnrolled) await tellSeller(tx, deps, order.userId, item.programId);
      } else if (item.kind === 'event_ticket' && item.eventId) {
        const t = await grantEventTicket({ tx, clock, userId: order.userId, eventId: item.eventId, orderId });
        if (t === 'full') refundReason = 'the event was full when the payment arrived';
        if (t === 'closed') refundReason = 'the event was cancelled or over when the payment arrived';
        if (t === 'duplicate') refundReason = 'you were already registered for this event';
      }
    }
    if (refundReason) {
      // Paid twice for the same thing, or a seat that is gone: the money goes back, never kept.
      await tx.order.update({
        where: { id: orderId },
        data: { status: 'processing', notes: `${AUTO_REFUND_NOTE}${refundReason}.` },
      });
    }
    // The receipt, in the invoice history.
    await tx.invoice.createMany({
      data: [
        {
          userId: order.userId,
          orderId,
          number: `INV-${order.orderNumber}`,
          amount: order.total,
          currency: order.currency,
          status: 'paid',
          issuedAt: now,
          paidAt: now,
          createdAt: now,
          updatedAt: now,
        },
      ],
      skipDuplicates: true,
    });
    await tellBuyer(tx, {
      clock,
      billing,
      userId: order.userId,
      template: 'payment-receipt',
      key: `payment-receipt:${orderId}`,
      title: `Payment received: ${order.orderNumber}`,
      body: `We received ${formatPrice(order.total, order.currency)} for ${order.items.map((i) => i.description).join(', ')}.`,
      link: `/orders/${orderId}`,
      email: {
        item: order.items.map((i) => i.description).join(', '),
        amount: { minor: order.total, currency: order.currency },
        reference: order.orderNumber,
        date: now,
      },
      data: { orderId },
    });
    return { outcome: 'paid' as const, refundReason };
  });

  if (result.refundReason) {
    await refundAutomatically(deps, orderId, result.refundReason);
  }
  return result.outcome;
}

/** A second successful payment for an order already paid (two tabs, two intents): all of it goes back. */
async function refundSecondPayment(deps: BillingDeps, orderId: string, pi: GatewayPaymentIntent) {
  const log = deps.log ?? silentBillingLog;
  const left = pi.amountReceived - pi.amountRefunded;
  if (left <= 0) return;
  log.warn({ orderId, paymentIntentId: pi.id }, 'second payment for a paid order: refunding it');
  await gatewayOf(deps.payments).createRefund(
    { paymentIntentId: pi.id, amount: left, reason: 'duplicate', metadata: { orderId, duplicatePayment: 'true' } },
    { idempotencyKey: `duplicate-payment:${pi.id}` },
  );
}

/** A refund the system owes (duplicate purchase, no seat); retried by the daily reconciliation if it fails here. */
export async function refundAutomatically(deps: BillingDeps, orderId: string, reason: string) {
  const log = deps.log ?? silentBillingLog;
  try {
    await refundOrder(deps, { orderId, actorId: null, reason: `${AUTO_REFUND_NOTE}${reason}`, automatic: true });
  } catch (err) {
    log.error({ orderId, err: (err as Error).message }, 'automatic refund failed: the reconciliation retries it');
  }
}

async function tellSeller(tx: Tx, deps: BillingDeps, buyerId: string, programId: string) {
  const [program, buyer] = await Promise.all([
    tx.program.findUniqueOrThrow({ where: { id: programId }, select: { instructorId: true, title: true, slug: true } }),
    tx.user.findUniqueOrThrow({ where: { id: buyerId }, select: { name: true } }),
  ]);
  await notify({
    db: tx,
    clock: deps.clock,
    userId: program.instructorId,
    type: 'enrollment',
    title: `New student in ${program.title}`,
    body: `${buyer.name} bought access to ${program.title}.`,
    link: `/programs/${program.slug}`,
    data: { programId, source: 'purchase' },
  });
}

async function recordPayment(
  tx: Tx,
  p: {
    orderId: string;
    provider: 'stripe' | 'manual';
    paymentIntentId: string | null;
    amount: number;
    currency: string;
    status: 'completed' | 'failed' | 'pending';
    reason: string | null;
    now: Date;
  },
) {
  if (!p.paymentIntentId) {
    await tx.payment.create({
      data: {
        orderId: p.orderId,
        provider: p.provider,
        amount: p.amount,
        currency: p.currency,
        status: p.status,
        createdAt: p.now,
        updatedAt: p.now,
      },
    });
    return;
  }
  // A completed payment never goes back to failed (events may arrive in any order).
  await tx.$executeRaw`
    INSERT INTO "Payment" (id, "orderId", provider, "providerPaymentId", amount, currency, status, "failureReason", "createdAt", "updatedAt")
    VALUES (gen_random_uuid(), ${p.orderId}::uuid, 'stripe', ${p.paymentIntentId}, ${p.amount}, ${p.currency},
            ${p.status}::"PaymentStatus", ${p.reason}, ${p.now}, ${p.now})
    ON CONFLICT ("providerPaymentId") DO UPDATE SET
      status = CASE WHEN "Payment".status IN ('completed', 'refunded') THEN "Payment".status ELSE EXCLUDED.status END,
      "failureReason" = CASE WHEN EXCLUDED.status = 'completed' THEN NULL ELSE EXCLUDED."failureReason" END,
      amount = CASE WHEN "Payment".status IN ('completed', 'refunded') THEN "Payment".amount ELSE EXCLUDED.amount END,
      "updatedAt" = EXCLUDED."updatedAt"`;
}

/** A declined payment: the order stays open for another try, marked failed; the buyer is told once per order. */
export async function markPaymentFailed(
  deps: BillingDeps,
  orderId: string,
  p: { paymentIntentId: string; amount: number; currency: string; reason: string },
): Promise<SettleOutcome> {
  const { db, clock, billing } = deps;
  const now = clock.now();
  return db.$transaction(async (tx) => {
    const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, include: { items: true } });
    if (order.paidAt) return 'already-paid' as const;
    await recordPayment(tx, { orderId, provider: 'stripe', ...p, status: 'failed', now });
    const changed = await tx.order.updateMany({
      where: { id: orderId, paidAt: null, paymentStatus: 'pending' },
      data: { paymentStatus: 'failed', updatedAt: now },
    });
    if (changed.count === 1) {
      await tellBuyer(tx, {
        clock,
        billing,
        userId: order.userId,
        template: 'payment-failed',
        key: `payment-failed:${orderId}`,
        title: `Payment failed: ${order.orderNumber}`,
        body: `Your payment of ${formatPrice(order.total, order.currency)} did not go through: ${p.reason} Nothing was charged.`,
        link: `/orders/${orderId}`,
        email: {
          item: order.items.map((i) => i.description).join(', '),
          amount: { minor: order.total, currency: order.currency },
          reference: order.orderNumber,
          reason: p.reason,
        },
        data: { orderId },
      });
    }
    return 'failed' as const;
  });
}

/** An order that will not be paid (expired checkout, cancelled intent): cancelled, its coupon given back. */
export async function cancelUnpaidOrder(deps: BillingDeps, orderId: string, note: string): Promise<SettleOutcome> {
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const done = await tx.order.updateMany({
      where: { id: orderId, paidAt: null, status: { in: ['pending', 'confirmed', 'processing'] } },
      data: { status: 'cancelled', cancelledAt: now, notes: note, updatedAt: now },
    });
    if (done.count === 0) {
      const o = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { paidAt: true } });
      return o.paidAt ? ('already-paid' as const) : ('cancelled' as const);
    }
    await releaseCoupon(tx, orderId, now);
    return 'cancelled' as const;
  });
}
