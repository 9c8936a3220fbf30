// Refunds through Stripe, never more than was paid. A refund row is written first (under a lock
// on the payment, counting the refunds already pending or done), then Stripe is asked with that
// row's id as the idempotency key and in the metadata: a retry cannot refund twice, and the
// charge.refunded webhook finds the row instead of adding a second one.
//
// Policy: a partial refund keeps what the order gave. A full refund (the whole total back)
// cancels the order and takes back what it gave: the program access it granted (the enrollment
// keeps what the user's other paid orders give, or is cancelled; progress is kept) and its event
// tickets (the seat is freed).
import type { GatewayRefund } from '@learningpt/billing';
import type { Prisma } from '@learningpt/db';
import { formatPrice, revokePurchasedAccess } from '../learning/enroll';
import { AppError } from '../shared/errors';
import { tellBuyer } from './notices';
import { adminOrderView, loadOrder } from './orders';
import { gatewayOf, silentBillingLog, type BillingDeps } from './settings';
import { revokeEventTicket } from './tickets';
import { toMajor } from '../shared/money';

type Tx = Prisma.TransactionClient;

const REFUND_STATUS: Record<GatewayRefund['status'], 'pending' | 'succeeded' | 'failed' | 'canceled'> = {
  pending: 'pending',
  requires_action: 'pending',
  succeeded: 'succeeded',
  failed: 'failed',
  canceled: 'canceled',
};

/** orders.refund (admin), and the automatic refunds of duplicate purchases. */
export async function refundOrder(
  deps: BillingDeps,
  opts: {
    orderId: string;
    actorId: string | null;
    amount?: number | undefined;
    reason?: string | undefined;
    automatic?: boolean;
  },
) {
  const { db, clock } = deps;
  const payments = gatewayOf(deps.payments);
  const now = clock.now();
  const planned = await db.$transaction(async (tx) => {
    const order = await tx.order.findUnique({ where: { id: opts.orderId } });
    if (!order) throw new AppError('NOT_FOUND', 'Order not found');
    if (!order.paidAt) throw new AppError('UNPROCESSABLE', 'This order has not been paid: there is nothing to refund.');
    if (order.paymentStatus === 'refunded')
      throw new AppError('CONFLICT', 'This order has already been fully refunded.');
    const [payment] = await tx.$queryRaw<
      { id: string; amount: number; providerPaymentId: string | null; currency: string }[]
    >`
      SELECT id, amount, "providerPaymentId", currency FROM "Payment"
      WHERE "orderId" = ${order.id}::uuid AND status = 'completed' AND provider = 'stripe'
      ORDER BY "createdAt" LIMIT 1 FOR UPDATE`;
    if (!payment?.providerPaymentId) {
      throw new AppError(
        'UNPROCESSABLE',
        'Nothing was charged through Stripe for this order, so there is nothing to refund.',
      );
    }
    if (opts.automatic) {
      // One automatic refund per order: a retry reuses it.
      const earlier = await tx.refund.findFirst({
        where: {
          paymentId: payment.id,
          createdById: null,
          reason: opts.reason ?? null,
          status: { in: ['pending', 'succeeded'] },
        },
      });
      if (earlier) return { order, payment, refund: earlier };
    }
    const refunds = await tx.refund.findMany({
      where: { paymentId: payment.id, status: { in: ['pending', 'succeeded'] } },
    });
    const remaining = payment.amount - refunds.reduce((s, r) => s + r.amount, 0);
    const amount = opts.amount ?? remaining;
    if (remaining <= 0) throw new AppError('CONFLICT', 'Everything paid for this order has already been refunded.');
    if (amount <= 0 || amount > remaining) {
      throw new AppError(
        'UNPROCESSABLE',
        `At most ${formatPrice(remaining, payment.currency)} can still be refunded for this order.`,
      );
    }
    const refund = await tx.refund.create({
      data: {
        paymentId: payment.id,
        amount,
        reason: opts.reason ?? null,
        status: 'pending',
        createdById: opts.actorId,
        createdAt: now,
        updatedAt: now,
      },
    });
    return { order, payment, refund };
  });

  if (planned.refund.status === 'pending' && !planned.refund.stripeRefundId) {
    let r: GatewayRefund;
    try {
      r = await payments.createRefund(
        {
          paymentIntentId: planned.payment.providerPaymentId!,
          amount: planned.refund.amount,
          reason: opts.automatic && opts.reason?.includes('already bought') ? 'duplicate' : 'requested_by_customer',
          metadata: { orderId: planned.order.id, refundId: planned.refund.id, orderNumber: planned.order.orderNumber },
        },
        { idempotencyKey: `refund:${planned.refund.id}` },
      );
    } catch (err) {
      await db.refund.update({ where: { id: planned.refund.id }, data: { status: 'failed', updatedAt: clock.now() } });
      throw new AppError('UNPROCESSABLE', `Stripe did not accept the refund: ${(err as Error).message}`);
    }
    await applyStripeRefund(deps, planned.payment.id, r);
  }
  await settleRefunds(deps, planned.order.id);
  const refund = await db.refund.findUniqueOrThrow({ where: { id: planned.refund.id } });
  const order = await loadOrder(db, planned.order.id);
  return {
    message:
      order.paymentStatus === 'refunded'
        ? `Order ${order.orderNumber} is fully refunded; what it gave has been taken back.`
        : `Refunded ${formatPrice(refund.amount, order.currency)} of order ${order.orderNumber}.`,
    order: adminOrderView(order),
    refund: {
      id: refund.id,
      amount: toMajor(refund.amount),
      status: refund.status,
      reason: refund.reason,
      createdAt: refund.createdAt,
    },
  };
}

/**
 * Stripe's view of one refund, onto our row (found by our id in its metadata, else by its own
 * id, else inserted: a refund made in the Stripe Dashboard). The buyer is told in the same
 * transaction as the row turning succeeded, so exactly once.
 */
async function applyStripeRefund(deps: BillingDeps, paymentId: string, r: GatewayRefund) {
  const { db, clock, billing } = deps;
  const status = REFUND_STATUS[r.status];
  const ours = r.metadata.refundId && /^[0-9a-f-]{36}$/i.test(r.metadata.refundId) ? r.metadata.refundId : null;
  await db.$transaction(async (tx) => {
    const now = clock.now();
    let rowId: string | null = null;
    if (ours) {
      const row = await tx.refund.findFirst({ where: { id: ours, paymentId } });
      if (row && (row.stripeRefundId === null || row.stripeRefundId === r.id)) rowId = row.id;
    }
    rowId ??= (await tx.refund.findUnique({ where: { stripeRefundId: r.id }, select: { id: true } }))?.id ?? null;
    if (!rowId) {
      const [inserted] = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "Refund" (id, "paymentId", amount, reason, status, "stripeRefundId", "createdAt", "updatedAt")
        VALUES (gen_random_uuid(), ${paymentId}::uuid, ${r.amount}, ${r.reason}, 'pending', ${r.id}, ${now}, ${now})
        ON CONFLICT ("stripeRefundId") DO NOTHING RETURNING id`;
      rowId = inserted?.id ?? (await tx.refund.findUniqueOrThrow({ where: { stripeRefundId: r.id } })).id;
    }
    await tx.refund.updateMany({ where: { id: rowId, stripeRefundId: null }, data: { stripeRefundId: r.id } });
    const turned = await tx.refund.updateMany({
      where: { id: rowId, status: { not: status } },
      data: { status, updatedAt: now },
    });
    if (turned.count === 0 || status !== 'succeeded') return;
    const refund = await tx.refund.findUniqueOrThrow({
      where: { id: rowId },
      include: { payment: { include: { order: { include: { items: true } } } } },
    });
    const order = refund.payment.order;
    await tellBuyer(tx, {
      clock,
      billing,
      userId: order.userId,
      template: 'refund-issued',
      key: `refund-issued:${refund.id}`,
      title: `Refund: ${order.orderNumber}`,
      body: `${formatPrice(refund.amount, order.currency)} is on its way back to you for order ${order.orderNumber}.`,
      link: `/orders/${order.id}`,
      email: {
        item: order.items.map((i) => i.description).join(', '),
        amount: { minor: refund.amount, currency: order.currency },
        reference: order.orderNumber,
        date: now,
        ...(refund.reason ? { reason: refund.reason } : {}),
      },
      data: { orderId: order.id, refundId: refund.id },
    });
  });
}

/** charge.refunded and the reconciliation: every refund Stripe has for the order's payment, then the order's state. */
export async function syncRefunds(deps: BillingDeps, paymentIntentId: string) {
  const payments = gatewayOf(deps.payments);
  const payment = await deps.db.payment.findUnique({ where: { providerPaymentId: paymentIntentId } });
  if (!payment) return { orderId: null };
  for (const r of await payments.listRefunds(paymentIntentId)) await applyStripeRefund(deps, payment.id, r);
  await settleRefunds(deps, payment.orderId);
  return { orderId: payment.orderId };
}

/**
 * The order after its refunds: when the whole payment is back the order is cancelled and what it
 * gave is taken back (once: a conditional update on paymentStatus). Each refund was already told
 * to the buyer when it succeeded (applyStripeRefund).
 */
export async function settleRefunds(deps: BillingDeps, orderId: string) {
  const { db, clock } = deps;
  const log = deps.log ?? silentBillingLog;
  await db.$transaction(async (tx) => {
    const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, include: { items: true } });
    const payment = await tx.payment.findFirst({
      where: { orderId, provider: 'stripe', status: { in: ['completed', 'refunded'] } },
      include: { refunds: true },
    });
    if (!payment) return;
    const now = clock.now();
    const refunded = payment.refunds.filter((x) => x.status === 'succeeded').reduce((s, r) => s + r.amount, 0);
    if (refunded < payment.amount) return;
    const full = await tx.order.updateMany({
      where: { id: orderId, paymentStatus: 'completed' },
      data: { paymentStatus: 'refunded', status: 'cancelled', cancelledAt: now, updatedAt: now },
    });
    if (full.count === 0) return;
    await tx.payment.update({ where: { id: payment.id }, data: { status: 'refunded', updatedAt: now } });
    await revokeOrderGrants(tx, deps, order);
    log.info({ orderId, refunded }, 'order fully refunded: access taken back');
  });
}

async function revokeOrderGrants(
  tx: Tx,
  deps: BillingDeps,
  order: { id: string; userId: string; items: { kind: string; programId: string | null }[] },
) {
  const programs = new Set(
    order.items.filter((i) => i.kind === 'program_access' && i.programId).map((i) => i.programId!),
  );
  for (const programId of programs)
    await revokePurchasedAccess({ tx, clock: deps.clock, userId: order.userId, programId });
  if (order.items.some((i) => i.kind === 'event_ticket'))
    await revokeEventTicket({ tx, clock: deps.clock, orderId: order.id });
}
