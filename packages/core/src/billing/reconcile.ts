// The daily repair (reconcile_billing, graphile-worker crontab): whatever a lost or failed webhook
// left behind is read again from Stripe and applied with the same functions the webhooks use.
//   - open orders with a Checkout session or PaymentIntent: paid ones are fulfilled, expired ones cancelled;
//   - recently paid orders: refunds made at Stripe (Dashboard) are recorded, full ones revoke access;
//   - automatic refunds that failed are tried again;
//   - subscriptions that are live here or changed lately, and recent customers' subscriptions we
//     never heard of, follow Stripe;
//   - direct-subscribe setup rows left by a crash are removed; events whose job is gone are re-queued.
import { AUTO_REFUND_NOTE, refundAutomatically, settleCheckoutSession, settlePaymentIntent } from './settle';
import { syncRefunds } from './refunds';
import { gatewayOf, silentBillingLog, type BillingDeps } from './settings';
import { LIVE_STATUSES, syncSubscription } from './subscription-sync';
import { PROCESS_STRIPE_EVENT_MAX_ATTEMPTS, PROCESS_STRIPE_EVENT_TASK } from './stripe-events';

const DAY = 86_400_000;
/** How much one run looks at, so a huge backlog is worked off over several days, not in one go. */
const BATCH = 500;

export interface ReconcileReport {
  openOrders: number;
  refundChecks: number;
  autoRefunds: number;
  subscriptions: number;
  customers: number;
  staleSetups: number;
  requeuedEvents: number;
  errors: number;
}

export async function reconcileBilling(deps: BillingDeps): Promise<ReconcileReport> {
  const { db, clock } = deps;
  const log = deps.log ?? silentBillingLog;
  const payments = gatewayOf(deps.payments);
  const now = clock.now();
  const report: ReconcileReport = {
    openOrders: 0,
    refundChecks: 0,
    autoRefunds: 0,
    subscriptions: 0,
    customers: 0,
    staleSetups: 0,
    requeuedEvents: 0,
    errors: 0,
  };
  const each = async <T>(items: T[], what: keyof ReconcileReport, fn: (item: T) => Promise<unknown>) => {
    for (const item of items) {
      try {
        await fn(item);
        report[what]++;
      } catch (err) {
        report.errors++;
        log.error({ what, err: (err as Error).message }, 'reconciliation step failed');
      }
    }
  };

  // Open orders older than a few minutes (younger ones are still being paid).
  const open = await db.order.findMany({
    where: {
      paidAt: null,
      status: { in: ['pending', 'confirmed', 'processing'] },
      createdAt: { lt: new Date(now.getTime() - 10 * 60_000), gt: new Date(now.getTime() - 30 * DAY) },
      OR: [{ stripeCheckoutSessionId: { not: null } }, { stripePaymentIntentId: { not: null } }],
    },
    orderBy: { createdAt: 'asc' },
    take: BATCH,
  });
  await each(open, 'openOrders', async (o) => {
    if (o.stripePaymentIntentId) {
      const pi = await payments.retrievePaymentIntent(o.stripePaymentIntentId);
      if (pi) await settlePaymentIntent(deps, pi);
    }
    if (o.stripeCheckoutSessionId) await settleCheckoutSession(deps, o.stripeCheckoutSessionId);
  });

  // Paid orders of the last 60 days whose refunds at Stripe differ from ours.
  const paid = await db.payment.findMany({
    where: {
      provider: 'stripe',
      status: 'completed',
      providerPaymentId: { not: null },
      createdAt: { gt: new Date(now.getTime() - 60 * DAY) },
    },
    include: { refunds: { where: { status: 'succeeded' } } },
    orderBy: { createdAt: 'desc' },
    take: BATCH,
  });
  await each(paid, 'refundChecks', async (p) => {
    const pi = await payments.retrievePaymentIntent(p.providerPaymentId!);
    const ours = p.refunds.reduce((s, r) => s + r.amount, 0);
    if (pi && pi.amountRefunded !== ours) await syncRefunds(deps, pi.id);
  });

  // Automatic refunds owed (duplicate purchase, no seat) that did not go through.
  const owed = await db.order.findMany({
    where: { status: 'processing', paymentStatus: 'completed', notes: { startsWith: AUTO_REFUND_NOTE } },
    take: BATCH,
  });
  await each(owed, 'autoRefunds', (o) =>
    refundAutomatically(deps, o.id, o.notes!.slice(AUTO_REFUND_NOTE.length).replace(/\.$/, '')),
  );

  // Subscriptions: live ones (renewals, cancellations at period end) and those changed lately.
  const subs = await db.subscription.findMany({
    where: {
      stripeSubscriptionId: { not: null },
      OR: [
        { status: { in: [...LIVE_STATUSES, 'incomplete'] } },
        { updatedAt: { gt: new Date(now.getTime() - 35 * DAY) } },
      ],
    },
    orderBy: { updatedAt: 'asc' },
    take: BATCH,
  });
  await each(subs, 'subscriptions', (s) => syncSubscription(deps, s.stripeSubscriptionId!));

  // Customers active lately: any subscription of theirs we have no row for (a lost checkout webhook).
  const customers = await db.user.findMany({
    where: { stripeCustomerId: { not: null }, updatedAt: { gt: new Date(now.getTime() - 3 * DAY) } },
    select: { stripeCustomerId: true },
    take: BATCH,
  });
  await each(customers, 'customers', async (c) => {
    for (const s of await payments.listSubscriptions(c.stripeCustomerId!)) {
      const known = await db.subscription.findUnique({ where: { stripeSubscriptionId: s.id }, select: { id: true } });
      if (!known) await syncSubscription(deps, s.id, s);
    }
  });

  const stale = await db.subscription.deleteMany({
    where: { stripeSubscriptionId: null, createdAt: { lt: new Date(now.getTime() - 60 * 60_000) } },
  });
  report.staleSetups = stale.count;

  // Events stored but never handled, whose job is gone (failed for good, or removed).
  const unhandled = await db.$queryRaw<{ id: string; eventId: string }[]>`
    SELECT w.id, w."eventId" FROM "WebhookEvent" w
    WHERE w.provider = 'stripe' AND w."handledAt" IS NULL AND w."processedAt" < ${new Date(now.getTime() - 60 * 60_000)}
      AND NOT EXISTS (
        SELECT 1 FROM graphile_worker._private_jobs j
        WHERE j.key = 'stripe-event:' || w."eventId" AND j.attempts < j.max_attempts)
    LIMIT ${BATCH}`;
  for (const e of unhandled) {
    await db.$executeRaw`SELECT graphile_worker.add_job(
      ${PROCESS_STRIPE_EVENT_TASK}::text,
      payload => ${JSON.stringify({ webhookEventId: e.id })}::json,
      max_attempts => ${PROCESS_STRIPE_EVENT_MAX_ATTEMPTS}::int,
      job_key => ${'stripe-event:' + e.eventId}::text,
      job_key_mode => 'replace'
    )`;
    report.requeuedEvents++;
  }
  log.info({ ...report }, 'billing reconciled');
  return report;
}
