// One-time purchases: payments.createCheckout (Stripe Checkout), payments.createIntent and
// orders.createPayment (a PaymentIntent for Stripe.js, or confirmed at once with a payment
// method), orders.verifyPayment.
//
// Never twice for the same thing: a user has at most one open order per product. A repeated
// request (double click, retry) gets the same order and the same Stripe object (the order id is
// in every idempotency key); an open order that no longer matches (another coupon, a new price)
// is first closed at Stripe, and if it turns out paid the new request is refused. Should two
// payments still land on one order, the second is refunded (settle.ts).
import { randomUUID } from 'node:crypto';
import type { CheckoutOutput, CreateIntentOutput, PurchaseProduct, VerifyPaymentOutput } from '@learningpt/schema';
import { AppError } from '../shared/errors';
import { toMajor } from '../shared/money';
import type { Viewer } from '../shared/viewer';
import { withStripeCustomer } from './customers';
import { assertNotOwned, createOrder, loadOrder, orderView, quoteProduct, type Quote } from './orders';
import { gatewayOf, type BillingDeps } from './settings';
import { cancelUnpaidOrder, fulfilOrder, settleCheckoutSession, settlePaymentIntent } from './settle';

export interface PurchaseRequest {
  product: PurchaseProduct;
  couponCode?: string | undefined;
  amount?: number | undefined;
  currency?: string | undefined;
}

type Flow = 'checkout' | 'intent';
/** How long a Checkout session stays payable (Stripe allows 30 min to 24 h). */
const CHECKOUT_MINUTES = 60;

async function pendingOrdersOf(deps: BillingDeps, userId: string, quote: Quote) {
  return deps.db.order.findMany({
    where: {
      userId,
      paidAt: null,
      status: { in: ['pending', 'confirmed'] },
      items: {
        some:
          quote.item.kind === 'program_access' ? { programId: quote.item.programId } : { eventId: quote.item.eventId },
      },
    },
    include: { items: true, coupon: { select: { code: true } } },
    orderBy: { createdAt: 'asc' },
  });
}

type PendingOrder = Awaited<ReturnType<typeof pendingOrdersOf>>[number];

function matches(o: PendingOrder, quote: Quote, req: PurchaseRequest, flow: Flow): boolean {
  const item = o.items[0];
  return (
    o.items.length === 1 &&
    item !== undefined &&
    item.programId === quote.item.programId &&
    item.accessType === quote.item.accessType &&
    item.eventId === quote.item.eventId &&
    item.unitAmount === quote.item.unitAmount &&
    o.currency === quote.currency &&
    (o.coupon?.code ?? null) === (req.couponCode ?? null) &&
    (flow === 'checkout' ? o.stripePaymentIntentId === null : o.stripeCheckoutSessionId === null)
  );
}

/** Closes an open order at Stripe before another replaces it; refuses when it was paid meanwhile. */
export async function closeAtStripe(
  deps: BillingDeps,
  o: { id: string; orderNumber: string; stripeCheckoutSessionId: string | null; stripePaymentIntentId: string | null },
) {
  const payments = gatewayOf(deps.payments);
  if (o.stripeCheckoutSessionId) {
    const s = await payments.retrieveCheckoutSession(o.stripeCheckoutSessionId);
    if (s?.status === 'open') {
      await payments.expireCheckoutSession(s.id, { idempotencyKey: `order:${o.id}:checkout:expire` }).catch(() => null);
    }
    const outcome = await settleCheckoutSession(deps, o.stripeCheckoutSessionId);
    if (outcome === 'paid' || outcome === 'already-paid') throw alreadyPaid(o.orderNumber);
  }
  if (o.stripePaymentIntentId) {
    const pi = await payments.retrievePaymentIntent(o.stripePaymentIntentId);
    if (pi && pi.status !== 'succeeded' && pi.status !== 'canceled' && pi.status !== 'processing') {
      await payments.cancelPaymentIntent(pi.id, { idempotencyKey: `order:${o.id}:intent:cancel` }).catch(() => null);
    }
    const now = pi ? await payments.retrievePaymentIntent(pi.id) : null;
    if (now) {
      const outcome = await settlePaymentIntent(deps, now);
      if (outcome === 'paid' || outcome === 'already-paid') throw alreadyPaid(o.orderNumber);
      if (now.status === 'processing')
        throw new AppError('CONFLICT', `A payment for order ${o.orderNumber} is being processed.`);
    }
  }
  await cancelUnpaidOrder(deps, o.id, 'Replaced by a newer order.');
}

const alreadyPaid = (n: string) =>
  new AppError('CONFLICT', `You have just paid for this (order ${n}): it will appear in your orders in a moment.`);

/** The open order for this request: an existing matching one, or a new one. */
async function openOrder(deps: BillingDeps, viewer: Viewer, req: PurchaseRequest, flow: Flow) {
  const { db, clock, billing } = deps;
  const quote = await quoteProduct({ db, clock, product: req.product });
  await assertNotOwned({ db, userId: viewer.userId, quote });
  for (const o of await pendingOrdersOf(deps, viewer.userId, quote)) {
    if (!matches(o, quote, req, flow)) await closeAtStripe(deps, o);
  }
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`order:${viewer.userId}:${quote.productKey}`}, 0))`;
    const again = await tx.order.findMany({
      where: {
        userId: viewer.userId,
        paidAt: null,
        status: { in: ['pending', 'confirmed'] },
        items: {
          some:
            quote.item.kind === 'program_access'
              ? { programId: quote.item.programId }
              : { eventId: quote.item.eventId },
        },
      },
      include: { items: true, coupon: { select: { code: true } } },
      orderBy: { createdAt: 'asc' },
    });
    const same = again.find((o) => matches(o, quote, req, flow));
    if (same) return { id: same.id, created: false };
    const order = await createOrder(tx, {
      clock,
      billing,
      userId: viewer.userId,
      quote,
      couponCode: req.couponCode,
      expected: { amount: req.amount, currency: req.currency },
    });
    return { id: order.id, created: true };
  });
}

/** payments.createCheckout: an order and its Stripe Checkout session (the URL to send the buyer to). */
export async function createCheckout(
  deps: BillingDeps,
  { viewer, request }: { viewer: Viewer; request: PurchaseRequest },
): Promise<CheckoutOutput> {
  const { db, clock, billing } = deps;
  const payments = gatewayOf(deps.payments);
  for (let attempt = 0; attempt < 2; attempt++) {
    const { id } = await openOrder(deps, viewer, request, 'checkout');
    const order = await loadOrder(db, id);
    const answer = (url: string, sessionId: string | null, expiresAt: Date, row = order): CheckoutOutput => ({
      url,
      sessionId,
      orderId: row.id,
      orderNumber: row.orderNumber,
      amount: toMajor(row.total),
      currency: row.currency,
      expiresAt,
      order: orderView(row),
    });
    if (order.total === 0) {
      await fulfilOrder(deps, order.id, {
        provider: 'manual',
        paymentIntentId: null,
        amount: 0,
        currency: order.currency,
      });
      return answer(
        `${billing.webUrl}/orders/${order.id}?checkout=success`,
        null,
        clock.now(),
        await loadOrder(db, id),
      );
    }
    if (order.stripeCheckoutSessionId) {
      const s = await payments.retrieveCheckoutSession(order.stripeCheckoutSessionId);
      if (s?.status === 'open' && s.url && s.expiresAt > clock.now()) return answer(s.url, s.id, s.expiresAt);
      const outcome = await settleCheckoutSession(deps, order.stripeCheckoutSessionId);
      if (outcome === 'paid' || outcome === 'already-paid') throw alreadyPaid(order.orderNumber);
      await cancelUnpaidOrder(deps, order.id, 'The checkout expired before it was paid.');
      continue;
    }
    const expiresAt = new Date(order.createdAt.getTime() + CHECKOUT_MINUTES * 60_000);
    if (expiresAt.getTime() - clock.now().getTime() < 31 * 60_000) {
      // An old order that never got its session (a failure half-way): start afresh.
      await cancelUnpaidOrder(deps, order.id, 'Replaced by a newer order.');
      continue;
    }
    const item = order.items[0]!;
    let session;
    try {
      session = await withStripeCustomer({ db, payments, userId: viewer.userId }, (customerId) =>
        payments.createCheckoutSession(
          {
            mode: 'payment',
            customerId,
            // One line with the amount to pay: the order already holds the coupon and the tax.
            lineItems: [
              {
                name: item.description,
                description:
                  `Order ${order.orderNumber}` + (order.discount || order.tax ? ' (coupon and tax included)' : ''),
                unitAmount: order.total,
                currency: order.currency,
                quantity: 1,
              },
            ],
            successUrl: `${billing.webUrl}/orders/${order.id}?checkout=success&session_id={CHECKOUT_SESSION_ID}`,
            cancelUrl: `${billing.webUrl}/orders/${order.id}?checkout=cancelled`,
            metadata: { orderId: order.id, orderNumber: order.orderNumber, userId: viewer.userId },
            clientReferenceId: order.id,
            expiresAt,
          },
          { idempotencyKey: `order:${order.id}:checkout:${customerId}` },
        ),
      );
    } catch (err) {
      await cancelUnpaidOrder(deps, order.id, 'The payment provider could not start the checkout.');
      throw err;
    }
    await db.order.updateMany({
      where: { id: order.id, stripeCheckoutSessionId: null },
      data: { stripeCheckoutSessionId: session.id, updatedAt: clock.now() },
    });
    const row = await loadOrder(db, id);
    if (row.stripeCheckoutSessionId !== session.id) continue; // a concurrent request attached its own
    return answer(session.url!, session.id, session.expiresAt, row);
  }
  throw new AppError('CONFLICT', 'Your order changed while it was being prepared: please try again.');
}

/**
 * payments.createIntent / orders.createPayment: an order and its PaymentIntent. With a payment
 * method it is confirmed now: a decline is a 402 (the order is marked failed and may be retried),
 * a success is settled at once (the webhook then finds it done).
 */
export async function createPaymentIntent(
  deps: BillingDeps,
  {
    viewer,
    request,
    paymentMethodId,
  }: { viewer: Viewer; request: PurchaseRequest; paymentMethodId?: string | undefined },
): Promise<CreateIntentOutput> {
  const { db, clock } = deps;
  const payments = gatewayOf(deps.payments);
  const { id } = await openOrder(deps, viewer, request, 'intent');
  let order = await loadOrder(db, id);
  const answer = async (
    pi: { id: string; clientSecret: string | null; status: string } | null,
  ): Promise<CreateIntentOutput> => {
    order = await loadOrder(db, id);
    return {
      clientSecret: pi?.clientSecret ?? null,
      paymentIntentId: pi?.id ?? null,
      status: pi?.status ?? 'succeeded',
      orderId: order.id,
      orderNumber: order.orderNumber,
      amount: toMajor(order.total),
      currency: order.currency,
      order: orderView(order),
    };
  };
  if (order.total === 0) {
    await fulfilOrder(deps, order.id, {
      provider: 'manual',
      paymentIntentId: null,
      amount: 0,
      currency: order.currency,
    });
    return answer(null);
  }
  let pi = order.stripePaymentIntentId ? await payments.retrievePaymentIntent(order.stripePaymentIntentId) : null;
  if (!pi) {
    try {
      pi = await withStripeCustomer({ db, payments, userId: viewer.userId }, (customerId) =>
        payments.createPaymentIntent(
          {
            amount: order.total,
            currency: order.currency,
            customerId,
            description: `${order.items[0]!.description} (order ${order.orderNumber})`,
            metadata: { orderId: order.id, orderNumber: order.orderNumber, userId: viewer.userId },
          },
          { idempotencyKey: `order:${order.id}:intent:${customerId}` },
        ),
      );
    } catch (err) {
      await cancelUnpaidOrder(deps, order.id, 'The payment provider could not start the payment.');
      throw err;
    }
    await db.order.updateMany({
      where: { id: order.id, stripePaymentIntentId: null },
      data: { stripePaymentIntentId: pi.id, updatedAt: clock.now() },
    });
    const attached = (await db.order.findUniqueOrThrow({ where: { id: order.id } })).stripePaymentIntentId;
    if (attached !== pi.id) {
      // A concurrent request attached another intent first: ours is dropped, theirs used.
      await payments.cancelPaymentIntent(pi.id, { idempotencyKey: `intent:${pi.id}:cancel` }).catch(() => null);
      pi = await payments.retrievePaymentIntent(attached!);
      if (!pi) throw new AppError('CONFLICT', 'Your order changed while it was being prepared: please try again.');
    }
  }
  if (pi.status === 'succeeded') {
    await settlePaymentIntent(deps, pi);
    return answer(pi);
  }
  if (paymentMethodId) {
    // A new confirmation is a new request: Stripe confirms an intent successfully at most once.
    pi = await payments.confirmPaymentIntent(
      pi.id,
      { paymentMethodId },
      { idempotencyKey: `intent:${pi.id}:confirm:${randomUUID()}` },
    );
    await settlePaymentIntent(deps, pi);
    if (pi.status === 'requires_payment_method') {
      throw new AppError(
        'PAYMENT_REQUIRED',
        `${pi.failureMessage ?? 'The payment did not go through.'} Nothing was charged; try another card.`,
      );
    }
  }
  return answer(pi);
}

/** orders.verifyPayment: asks Stripe about the order's payment now and applies it. */
export async function verifyPayment(
  deps: BillingDeps,
  { viewer, orderId, paymentIntentId }: { viewer: Viewer; orderId: string; paymentIntentId?: string | undefined },
): Promise<VerifyPaymentOutput> {
  const { db } = deps;
  const payments = gatewayOf(deps.payments);
  const order = await db.order.findUnique({ where: { id: orderId } });
  if (!order || (order.userId !== viewer.userId && viewer.role !== 'admin'))
    throw new AppError('NOT_FOUND', 'Order not found');
  if (!order.paidAt) {
    if (paymentIntentId && order.stripePaymentIntentId && paymentIntentId !== order.stripePaymentIntentId) {
      throw new AppError('UNPROCESSABLE', 'That payment does not belong to this order.');
    }
    const piId = order.stripePaymentIntentId ?? paymentIntentId;
    if (piId) {
      const pi = await payments.retrievePaymentIntent(piId);
      if (!pi || (pi.metadata.orderId !== order.id && order.stripePaymentIntentId !== pi.id)) {
        throw new AppError('UNPROCESSABLE', 'That payment does not belong to this order.');
      }
      await settlePaymentIntent(deps, pi);
    } else if (order.stripeCheckoutSessionId) {
      await settleCheckoutSession(deps, order.stripeCheckoutSessionId);
    }
  }
  const now = await loadOrder(db, orderId);
  const verified = now.paidAt !== null;
  return {
    verified,
    message: verified
      ? now.paymentStatus === 'refunded'
        ? `Order ${now.orderNumber} was paid and has been refunded.`
        : `Payment received: order ${now.orderNumber} is complete.`
      : now.paymentStatus === 'failed'
        ? `The payment for order ${now.orderNumber} did not go through. Nothing was charged.`
        : now.status === 'cancelled'
          ? `Order ${now.orderNumber} was cancelled without payment.`
          : `No payment has been received for order ${now.orderNumber} yet.`,
    order: orderView(now),
  };
}
