// subscriptions.subscribe / current / cancel / resume / invoices. What the user has is always
// what Stripe says: each change is asked of Stripe, and the answer goes through syncSubscription.
import { PaymentDeclinedError, PaymentGatewayError } from '@learningpt/billing';
import { Prisma } from '@learningpt/db';
import type {
  CurrentSubscriptionOutput,
  InvoicesOutput,
  SubscribeOutput,
  SubscriptionChangeOutput,
} from '@learningpt/schema';
import { AppError, invalidField } from '../shared/errors';
import { toMajor } from '../shared/money';
import { pageOffset, paginationMeta } from '../shared/pagination';
import type { Viewer } from '../shared/viewer';
import { withStripeCustomer } from './customers';
import { currentTier } from './live-plan';
import { stripePriceOfPlan } from './plans';
import { gatewayOf, type BillingDeps } from './settings';
import { LIVE_STATUSES, subscriptionView, syncInvoice, syncSubscription } from './subscription-sync';

const day = (d: Date) => d.toISOString().slice(0, 10);
/** A direct subscribe still in progress after this long crashed half-way: it may be taken over. */
const SETUP_STALE_MS = 10 * 60_000;
/** Repeated Checkout requests within this window get the same session (same key, same params). */
const CHECKOUT_WINDOW_MS = 30 * 60_000;

async function liveRow(deps: BillingDeps, userId: string) {
  return deps.db.subscription.findFirst({
    where: { userId, status: { in: [...LIVE_STATUSES] } },
    orderBy: [{ currentPeriodEnd: 'desc' }, { id: 'desc' }],
    include: { plan: true },
  });
}

export async function subscribe(
  deps: BillingDeps,
  { viewer, planId, paymentMethodId }: { viewer: Viewer; planId: string; paymentMethodId?: string | undefined },
): Promise<SubscribeOutput> {
  const { db, clock, billing } = deps;
  const plan = await db.subscriptionPlan.findUnique({ where: { id: planId } });
  if (!plan || !plan.active)
    throw new AppError('NOT_FOUND', `There is no plan called ${planId}: see GET /api/subscriptions/plans.`);
  if (plan.price === 0) {
    throw new AppError('UNPROCESSABLE', 'The Free plan needs no subscription: cancel your paid plan to go back to it.');
  }
  const payments = gatewayOf(deps.payments);
  const live = await liveRow(deps, viewer.userId);
  if (live) {
    if (live.planId === plan.id) {
      throw new AppError(
        'CONFLICT',
        live.cancelAtPeriodEnd
          ? `Your ${plan.name} plan is cancelled and ends on ${day(live.currentPeriodEnd)}: resume it instead (POST /api/subscriptions/resume).`
          : `You already have the ${plan.name} plan.`,
      );
    }
    if (!live.stripeSubscriptionId)
      throw new AppError('CONFLICT', 'Your subscription is being set up: try again in a moment.');
    // A plan change: Stripe swaps the price (and prorates); the answer is the new state.
    const price = await stripePriceOfPlan({ payments, billing, plan });
    const updated = await stripeCall(() =>
      payments.updateSubscription(
        live.stripeSubscriptionId!,
        { priceId: price.id, cancelAtPeriodEnd: false },
        { idempotencyKey: `subscription:${live.stripeSubscriptionId}:plan:${plan.id}:${live.updatedAt.getTime()}` },
      ),
    );
    const subscription = await syncSubscription(deps, updated.id, updated);
    return {
      message: `Your plan is now ${plan.name}.`,
      checkoutUrl: null,
      sessionId: null,
      subscription,
      invoice: null,
    };
  }
  const price = await stripePriceOfPlan({ payments, billing, plan });

  if (!paymentMethodId) {
    const window = Math.floor(clock.now().getTime() / CHECKOUT_WINDOW_MS);
    const session = await withStripeCustomer({ db, payments, userId: viewer.userId }, (customerId) =>
      payments.createCheckoutSession(
        {
          mode: 'subscription',
          customerId,
          lineItems: [{ priceId: price.id, quantity: 1 }],
          successUrl: `${billing.webUrl}/billing?checkout=success&session_id={CHECKOUT_SESSION_ID}`,
          cancelUrl: `${billing.webUrl}/pricing?checkout=cancelled`,
          metadata: { userId: viewer.userId, planId: plan.id },
          clientReferenceId: viewer.userId,
          // Derived from the window, so a repeated request is the same request to Stripe.
          expiresAt: new Date((window + 3) * CHECKOUT_WINDOW_MS),
        },
        { idempotencyKey: `subscribe-checkout:${viewer.userId}:${plan.id}:${customerId}:${window}` },
      ),
    );
    return {
      message: session.url
        ? `Continue on Stripe Checkout to pay for ${plan.name}.`
        : 'This checkout is already complete: your plan appears in a moment.',
      checkoutUrl: session.url,
      sessionId: session.id,
      subscription: null,
      invoice: null,
    };
  }

  // Direct: a setup row first (one per user: partial unique index), whose id keys the Stripe calls,
  // so a double click or a retry after a crash can never create a second subscription.
  const setup = await claimSetupRow(deps, viewer.userId, plan.id);
  let created;
  try {
    created = await withStripeCustomer({ db, payments, userId: viewer.userId }, async (customerId) => {
      const pm = await payments.attachDefaultPaymentMethod(
        { customerId, paymentMethodId },
        { idempotencyKey: `subscription-setup:${setup.id}:${customerId}` },
      );
      return payments.createSubscription(
        {
          customerId,
          priceId: price.id,
          paymentMethodId: pm.id,
          metadata: { userId: viewer.userId, planId: plan.id, subscriptionRowId: setup.id },
        },
        { idempotencyKey: `subscription-setup:${setup.id}:${customerId}:create` },
      );
    });
  } catch (err) {
    await db.subscription.deleteMany({ where: { id: setup.id, stripeSubscriptionId: null } });
    if (err instanceof PaymentDeclinedError) {
      throw new AppError('PAYMENT_REQUIRED', `${err.message} No subscription was created and nothing was charged.`);
    }
    if (
      err instanceof PaymentGatewayError &&
      err.code === 'resource_missing' &&
      /payment_method/.test(err.param ?? '')
    ) {
      throw invalidField('paymentMethodId', 'That payment method does not exist at Stripe: collect the card again.');
    }
    throw err;
  }
  const subscription = await syncSubscription(deps, created.id, created);
  const invoice = created.latestInvoiceId ? await syncInvoice(deps, created.latestInvoiceId) : null;
  return {
    message:
      subscription?.status === 'active'
        ? `Welcome to ${plan.name}!`
        : `Your ${plan.name} subscription is ${created.status}.`,
    checkoutUrl: null,
    sessionId: null,
    subscription,
    invoice: invoice
      ? {
          id: invoice.id,
          amount: toMajor(invoice.amount),
          currency: invoice.currency,
          status: invoice.status,
          invoiceUrl: invoice.hostedUrl,
        }
      : null,
  };
}

async function claimSetupRow(deps: BillingDeps, userId: string, planId: string) {
  const { db, clock } = deps;
  const now = clock.now();
  const existing = await db.subscription.findFirst({ where: { userId, stripeSubscriptionId: null } });
  if (existing) {
    if (now.getTime() - existing.createdAt.getTime() < SETUP_STALE_MS) {
      throw new AppError('CONFLICT', 'A subscription is already being set up for you: wait a moment and reload.');
    }
    // Taken over with its id: Stripe answers the earlier attempt again if it got that far.
    return db.subscription.update({ where: { id: existing.id }, data: { planId, updatedAt: now } });
  }
  try {
    return await db.subscription.create({
      data: {
        userId,
        planId,
        status: 'incomplete',
        currentPeriodStart: now,
        currentPeriodEnd: now,
        createdAt: now,
        updatedAt: now,
      },
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      throw new AppError('CONFLICT', 'A subscription is already being set up for you: wait a moment and reload.');
    }
    throw err;
  }
}

/** A Stripe refusal that the user caused (a declined card) as a 402; others as they are. */
async function stripeCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof PaymentDeclinedError) throw new AppError('PAYMENT_REQUIRED', err.message);
    throw err;
  }
}

export async function currentSubscription(
  deps: BillingDeps,
  { viewer }: { viewer: Viewer },
): Promise<CurrentSubscriptionOutput> {
  const [row, tier] = await Promise.all([
    liveRow(deps, viewer.userId),
    currentTier({ db: deps.db, clock: deps.clock, userId: viewer.userId }),
  ]);
  return { subscription: row ? subscriptionView(row, row.plan) : null, tier: tier.tier, tierExpiresAt: tier.expiresAt };
}

async function changeCancellation(
  deps: BillingDeps,
  viewer: Viewer,
  cancel: boolean,
): Promise<SubscriptionChangeOutput> {
  const payments = gatewayOf(deps.payments);
  const live = await liveRow(deps, viewer.userId);
  if (!live) throw new AppError('NOT_FOUND', 'You have no paid plan: there is nothing to cancel or resume.');
  if (!live.stripeSubscriptionId)
    throw new AppError('CONFLICT', 'Your subscription is being set up: try again in a moment.');
  if (cancel && live.cancelAtPeriodEnd) {
    throw new AppError(
      'CONFLICT',
      `Your ${live.plan.name} plan is already cancelled; it ends on ${day(live.currentPeriodEnd)}.`,
    );
  }
  if (!cancel && !live.cancelAtPeriodEnd)
    throw new AppError('CONFLICT', `Your ${live.plan.name} plan is not cancelled.`);
  if (!cancel && live.currentPeriodEnd <= deps.clock.now()) {
    throw new AppError('UNPROCESSABLE', `Your ${live.plan.name} plan has already ended: subscribe again.`);
  }
  let updated;
  try {
    updated = await payments.updateSubscription(
      live.stripeSubscriptionId,
      { cancelAtPeriodEnd: cancel },
      {
        idempotencyKey: `subscription:${live.stripeSubscriptionId}:cancel-at-period-end=${cancel}:${live.updatedAt.getTime()}`,
      },
    );
  } catch (err) {
    if (err instanceof PaymentGatewayError && (err.code === 'resource_missing' || err.kind === 'invalid_request')) {
      // Stripe says it is gone or already over: our row follows, and the user is told so.
      await syncSubscription(deps, live.stripeSubscriptionId);
      throw new AppError(
        'UNPROCESSABLE',
        `Your ${live.plan.name} subscription can no longer be changed: it has ended at Stripe.`,
      );
    }
    throw err;
  }
  const subscription = await syncSubscription(deps, updated.id, updated);
  if (!subscription) throw new AppError('UNPROCESSABLE', 'Stripe answered a subscription we cannot match to a plan.');
  return {
    message: cancel
      ? `Your ${subscription.planName} plan is cancelled: you keep it until ${day(subscription.currentPeriodEnd)} and will not be charged again.`
      : `Your ${subscription.planName} plan continues and renews on ${day(subscription.currentPeriodEnd)}.`,
    subscription,
  };
}

/** subscriptions.cancel: at the end of the period (access is kept until then). */
export const cancelSubscription = (deps: BillingDeps, { viewer }: { viewer: Viewer }) =>
  changeCancellation(deps, viewer, true);
/** subscriptions.resume: undoes a cancellation before the period ends. */
export const resumeSubscription = (deps: BillingDeps, { viewer }: { viewer: Viewer }) =>
  changeCancellation(deps, viewer, false);

/** subscriptions.invoices: subscription invoices (from Stripe) and receipts of paid orders, newest first. */
export async function listInvoices(
  deps: Pick<BillingDeps, 'db'>,
  { viewer, page, limit }: { viewer: Viewer; page: number; limit: number },
): Promise<InvoicesOutput> {
  const where = { userId: viewer.userId };
  const [rows, total] = await Promise.all([
    deps.db.invoice.findMany({
      where,
      orderBy: [{ issuedAt: 'desc' }, { id: 'desc' }],
      skip: pageOffset(page, limit),
      take: limit,
    }),
    deps.db.invoice.count({ where }),
  ]);
  return {
    invoices: rows.map((i) => ({
      id: i.id,
      number: i.number,
      amount: toMajor(i.amount),
      currency: i.currency,
      status: i.status,
      date: i.issuedAt,
      paidAt: i.paidAt,
      invoiceUrl: i.hostedUrl,
      downloadUrl: i.pdfUrl,
      orderId: i.orderId,
    })),
    pagination: paginationMeta(total, page, limit),
  };
}
