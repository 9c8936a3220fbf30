// Our Subscription and Invoice rows follow Stripe: every change (webhook, our own request, the
// reconciliation) reads the subscription from Stripe's API and writes what it says, so events
// arriving late, twice or out of order cannot leave a state Stripe does not have. The live-plan
// rule (live-plan.ts) reads these rows. Plan changes are told to the user once: the transition
// is decided under a per-user lock, in the transaction that writes it.
import type { GatewaySubscription } from '@learningpt/billing';
import type { Prisma, Subscription, SubscriptionPlan } from '@learningpt/db';
import type { Subscription as SubscriptionView } from '@learningpt/schema';
import { toMajor } from '../shared/money';
import { PLAN_GRANTING_STATUSES } from './live-plan';
import { tellBuyer } from './notices';
import { planOfPrice } from './plans';
import { gatewayOf, silentBillingLog, type BillingDeps } from './settings';

type Tx = Prisma.TransactionClient;

/** The statuses the database allows once per user (partial unique index Subscription_one_live_per_user). */
export const LIVE_STATUSES = ['trialing', 'active', 'past_due'] as const;
const isLive = (s: string) => (LIVE_STATUSES as readonly string[]).includes(s);
const grants = (s: string) => (PLAN_GRANTING_STATUSES as readonly string[]).includes(s);
const day = (d: Date) => d.toISOString().slice(0, 10);
const isUuid = (v: string | undefined): v is string => !!v && /^[0-9a-f-]{36}$/i.test(v);

export function subscriptionView(row: Subscription, plan: SubscriptionPlan): SubscriptionView {
  return {
    id: row.id,
    planId: row.planId,
    planName: plan.name,
    status: row.status,
    currentPeriodStart: row.currentPeriodStart,
    currentPeriodEnd: row.currentPeriodEnd,
    cancelAtPeriodEnd: row.cancelAtPeriodEnd,
    canceledAt: row.canceledAt,
    nextBillingDate: !row.cancelAtPeriodEnd && grants(row.status) ? row.currentPeriodEnd : null,
    amount: toMajor(plan.price),
    currency: plan.currency,
  };
}

/**
 * Brings the row of a Stripe subscription in line with Stripe (`known`: a state just answered by
 * Stripe's API, to save a read). Answers the row as it is now, or null when it cannot be stored
 * (unknown customer or price: logged).
 */
export async function syncSubscription(
  deps: BillingDeps,
  stripeSubscriptionId: string,
  known?: GatewaySubscription,
): Promise<SubscriptionView | null> {
  const { db, clock } = deps;
  const log = deps.log ?? silentBillingLog;
  const payments = gatewayOf(deps.payments);
  const sub = known ?? (await payments.retrieveSubscription(stripeSubscriptionId));
  if (!sub) {
    // Stripe has no such subscription (any more): ours ends.
    const row = await db.subscription.findUnique({ where: { stripeSubscriptionId } });
    if (!row) return null;
    await writeSubscription(deps, row.userId, row.planId, {
      stripeSubscriptionId,
      status: 'canceled',
      currentPeriodStart: row.currentPeriodStart,
      currentPeriodEnd: row.currentPeriodEnd,
      cancelAtPeriodEnd: false,
      canceledAt: row.canceledAt ?? clock.now(),
      endedAt: row.endedAt ?? clock.now(),
      setupRowId: null,
    });
    return null;
  }

  const userId = await userOfSubscription(deps, sub);
  if (!userId) {
    log.warn({ stripeSubscriptionId, customer: sub.customerId }, 'subscription of an unknown customer: not stored');
    return null;
  }
  const plan = await planOfPrice({ db, payments, billing: deps.billing, priceId: sub.priceId });
  if (!plan) {
    log.error({ stripeSubscriptionId, priceId: sub.priceId }, 'subscription price matches no plan: not stored');
    return null;
  }
  if (isLive(sub.status)) await settleOtherLiveSubscriptions(deps, userId, sub);
  return writeSubscription(deps, userId, plan.id, {
    stripeSubscriptionId: sub.id,
    status: sub.status,
    currentPeriodStart: sub.currentPeriodStart,
    currentPeriodEnd: sub.currentPeriodEnd,
    cancelAtPeriodEnd: sub.cancelAtPeriodEnd,
    canceledAt: sub.canceledAt,
    endedAt: sub.endedAt,
    setupRowId: isUuid(sub.metadata.subscriptionRowId) ? sub.metadata.subscriptionRowId : null,
  });
}

async function userOfSubscription(deps: BillingDeps, sub: GatewaySubscription): Promise<string | null> {
  const byCustomer = await deps.db.user.findUnique({
    where: { stripeCustomerId: sub.customerId },
    select: { id: true },
  });
  if (byCustomer) return byCustomer.id;
  const claimed = sub.metadata.userId;
  if (!isUuid(claimed)) return null;
  const byMetadata = await deps.db.user.findUnique({
    where: { id: claimed },
    select: { id: true, stripeCustomerId: true },
  });
  // Only a user without another customer: metadata alone never moves a subscription between accounts.
  return byMetadata && byMetadata.stripeCustomerId === null ? byMetadata.id : null;
}

/**
 * One live subscription per user: before a new one is stored, another live row of the user is
 * checked at Stripe. Ended there: it is brought up to date. Still live there too (two checkouts
 * paid in two tabs): the newer one is cancelled at once and its first payment refunded, so the
 * user never pays twice for a plan.
 */
async function settleOtherLiveSubscriptions(deps: BillingDeps, userId: string, sub: GatewaySubscription) {
  const payments = gatewayOf(deps.payments);
  const log = deps.log ?? silentBillingLog;
  const others = await deps.db.subscription.findMany({
    where: { userId, status: { in: [...LIVE_STATUSES] }, NOT: { stripeSubscriptionId: sub.id } },
  });
  for (const other of others) {
    if (!other.stripeSubscriptionId) continue;
    const there = await payments.retrieveSubscription(other.stripeSubscriptionId);
    if (!there || !isLive(there.status)) {
      await syncSubscription(deps, other.stripeSubscriptionId, there ?? undefined);
      continue;
    }
    const newer = there.created > sub.created ? there : sub;
    log.error(
      { userId, kept: newer === sub ? there.id : sub.id, cancelled: newer.id },
      'two live subscriptions: cancelling the newer',
    );
    const cancelled = await payments.cancelSubscriptionNow(newer.id, {
      idempotencyKey: `subscription:${newer.id}:duplicate-cancel`,
    });
    if (newer.latestInvoiceId) {
      const invoice = await payments.retrieveInvoice(newer.latestInvoiceId);
      if (invoice?.paymentIntentId && invoice.amountPaid > 0) {
        await payments.createRefund(
          {
            paymentIntentId: invoice.paymentIntentId,
            amount: invoice.amountPaid,
            reason: 'duplicate',
            metadata: { subscription: newer.id },
          },
          { idempotencyKey: `subscription:${newer.id}:duplicate-refund` },
        );
      }
    }
    if (newer === sub) Object.assign(sub, cancelled);
    else await syncSubscription(deps, there.id, cancelled);
  }
}

interface SubscriptionState {
  stripeSubscriptionId: string;
  status: Subscription['status'];
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  cancelAtPeriodEnd: boolean;
  canceledAt: Date | null;
  endedAt: Date | null;
  /** The row our direct subscribe made before asking Stripe (metadata.subscriptionRowId). */
  setupRowId: string | null;
}

async function writeSubscription(
  deps: BillingDeps,
  userId: string,
  planId: string,
  s: SubscriptionState,
): Promise<SubscriptionView> {
  const { db, clock } = deps;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`subscription:${userId}`}, 0))`;
    const now = clock.now();
    let before = await tx.subscription.findUnique({ where: { stripeSubscriptionId: s.stripeSubscriptionId } });
    if (!before && s.setupRowId) {
      const setup = await tx.subscription.findFirst({
        where: { id: s.setupRowId, userId, stripeSubscriptionId: null },
      });
      if (setup) before = { ...setup, status: 'incomplete' };
    }
    const data = {
      userId,
      planId,
      status: s.status,
      stripeSubscriptionId: s.stripeSubscriptionId,
      currentPeriodStart: s.currentPeriodStart,
      // The period CHECK: an ended incomplete subscription may report an end before its start.
      currentPeriodEnd: s.currentPeriodEnd < s.currentPeriodStart ? s.currentPeriodStart : s.currentPeriodEnd,
      cancelAtPeriodEnd: s.cancelAtPeriodEnd,
      canceledAt: s.canceledAt,
      endedAt: s.endedAt,
      updatedAt: now,
    };
    const row = before
      ? await tx.subscription.update({ where: { id: before.id }, data })
      : await tx.subscription.create({ data: { ...data, createdAt: now } });
    const plan = await tx.subscriptionPlan.findUniqueOrThrow({ where: { id: planId } });
    await tellTransition(tx, deps, before, row, plan);
    return subscriptionView(row, plan);
  });
}

/** The one email + notification for a change of what the user has. */
async function tellTransition(
  tx: Tx,
  deps: BillingDeps,
  before: Subscription | null,
  after: Subscription,
  plan: SubscriptionPlan,
) {
  const had = before !== null && grants(before.status);
  const has = grants(after.status);
  const key = `subscription:${after.stripeSubscriptionId}:${before?.status ?? 'new'}>${after.status}:${after.planId}:${after.currentPeriodEnd.getTime()}:${after.cancelAtPeriodEnd}`;
  const common = {
    clock: deps.clock,
    billing: deps.billing,
    userId: after.userId,
    link: '/billing',
    data: { subscriptionId: after.id, planId: after.planId },
  };
  const email = {
    item: plan.name,
    amount: { minor: plan.price, currency: plan.currency },
    date: after.currentPeriodEnd,
  };
  if (has && (!had || before.planId !== after.planId)) {
    const changed = had && before.planId !== after.planId;
    await tellBuyer(tx, {
      ...common,
      template: 'subscription-activated',
      key,
      title: changed ? `Your plan is now ${plan.name}` : `Welcome to ${plan.name}`,
      body: `Your ${plan.name} plan is active. It renews on ${day(after.currentPeriodEnd)}.`,
      email,
    });
    return;
  }
  if (has && had && !before.cancelAtPeriodEnd && after.cancelAtPeriodEnd) {
    await tellBuyer(tx, {
      ...common,
      template: 'subscription-cancelled',
      key,
      title: `Your ${plan.name} plan is cancelled`,
      body: `You keep ${plan.name} until ${day(after.currentPeriodEnd)}; you will not be charged again.`,
      email,
    });
    return;
  }
  if (has && had && before.cancelAtPeriodEnd && !after.cancelAtPeriodEnd) {
    await tellBuyer(tx, {
      ...common,
      template: 'subscription-activated',
      key,
      title: `Your ${plan.name} plan continues`,
      body: `Your ${plan.name} plan is no longer cancelled. It renews on ${day(after.currentPeriodEnd)}.`,
      email,
    });
    return;
  }
  if (had && after.status === 'past_due') {
    await tellBuyer(tx, {
      ...common,
      template: 'subscription-payment-failed',
      key,
      title: `Payment for ${plan.name} failed`,
      body: `We could not take the payment for your ${plan.name} plan. Update your card to keep it; until then its features are paused.`,
      email: { ...email, date: after.currentPeriodStart },
    });
    return;
  }
  const wasLive = before !== null && isLive(before.status);
  if (wasLive && !isLive(after.status)) {
    await tellBuyer(tx, {
      ...common,
      template: 'subscription-ended',
      key,
      title: `Your ${plan.name} plan has ended`,
      body: `Your ${plan.name} plan ended. You are on the Free plan now; subscribe again any time.`,
      email: { ...email, date: after.endedAt ?? after.currentPeriodEnd },
    });
  }
}

/** An invoice as Stripe has it, in the user's invoice history (and its subscription brought up to date). */
export async function syncInvoice(deps: BillingDeps, stripeInvoiceId: string) {
  const { db, clock } = deps;
  const payments = gatewayOf(deps.payments);
  const invoice = await payments.retrieveInvoice(stripeInvoiceId);
  if (!invoice) return null;
  if (invoice.subscriptionId) await syncSubscription(deps, invoice.subscriptionId);
  const user = invoice.customerId
    ? await db.user.findUnique({ where: { stripeCustomerId: invoice.customerId }, select: { id: true } })
    : null;
  if (!user) return null;
  const sub = invoice.subscriptionId
    ? await db.subscription.findUnique({
        where: { stripeSubscriptionId: invoice.subscriptionId },
        select: { id: true },
      })
    : null;
  const now = clock.now();
  const fields = {
    amount: invoice.total,
    currency: invoice.currency,
    status: invoice.status,
    hostedUrl: invoice.hostedUrl,
    pdfUrl: invoice.pdfUrl,
    paidAt: invoice.paidAt,
    subscriptionId: sub?.id ?? null,
    updatedAt: now,
  };
  return db.invoice.upsert({
    where: { stripeInvoiceId: invoice.id },
    create: {
      ...fields,
      userId: user.id,
      stripeInvoiceId: invoice.id,
      number: invoice.number ?? invoice.id,
      issuedAt: invoice.created,
      createdAt: now,
    },
    update: fields,
  });
}
