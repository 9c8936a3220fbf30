// Stripe webhooks: recorded once, processed later. The route verifies the signature and calls
// recordStripeEvent, which inserts the event id (unique per provider) and queues its processing
// job in ONE transaction: a redelivery finds the row and does nothing; a crash leaves neither.
// The job (processStripeEvent) never trusts the payload or the order of events: it reads the
// object's current state from Stripe's API and applies that.
import type { GatewayEvent } from '@learningpt/billing';
import type { Db } from '@learningpt/db';
import type { Clock } from '../shared/clock';
import { syncRefunds } from './refunds';
import { gatewayOf, type BillingDeps } from './settings';
import { settleCheckoutSession, settlePaymentIntent, type SettleOutcome } from './settle';
import { syncInvoice, syncSubscription } from './subscription-sync';

export const PROCESS_STRIPE_EVENT_TASK = 'process_stripe_event';
export const RECONCILE_BILLING_TASK = 'reconcile_billing';
/** With graphile-worker's backoff (exp(n) s), 20 attempts span about a week, as Stripe's own retries do. */
export const PROCESS_STRIPE_EVENT_MAX_ATTEMPTS = 20;

export interface ProcessStripeEventPayload {
  webhookEventId: string;
}

/** The event types we act on; others are recorded and ignored. */
export const HANDLED_STRIPE_EVENTS = [
  'checkout.session.completed',
  'checkout.session.expired',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'payment_intent.succeeded',
  'payment_intent.payment_failed',
  'payment_intent.canceled',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'invoice.paid',
  'invoice.payment_succeeded',
  'invoice.payment_failed',
  'charge.refunded',
] as const;

const handled = new Set<string>(HANDLED_STRIPE_EVENTS);

/** Stores a verified event once and queues its processing with it. `duplicate`: already stored. */
export async function recordStripeEvent({
  db,
  clock,
  event,
}: {
  db: Db;
  clock: Clock;
  event: GatewayEvent;
}): Promise<{ duplicate: boolean; queued: boolean }> {
  const willHandle = handled.has(event.type) && event.objectId !== null;
  return db.$transaction(async (tx) => {
    const now = clock.now();
    const payload = {
      objectId: event.objectId,
      objectType: event.objectType,
      created: event.created.toISOString(),
      livemode: event.livemode,
    };
    const [row] = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "WebhookEvent" (id, provider, "eventId", type, payload, "processedAt", "handledAt")
      VALUES (gen_random_uuid(), 'stripe', ${event.id}, ${event.type}, ${JSON.stringify(payload)}::jsonb, ${now},
              ${willHandle ? null : now})
      ON CONFLICT (provider, "eventId") DO NOTHING
      RETURNING id`;
    if (!row) return { duplicate: true, queued: false };
    if (willHandle) {
      await tx.$executeRaw`SELECT graphile_worker.add_job(
        ${PROCESS_STRIPE_EVENT_TASK}::text,
        payload => ${JSON.stringify({ webhookEventId: row.id } satisfies ProcessStripeEventPayload)}::json,
        max_attempts => ${PROCESS_STRIPE_EVENT_MAX_ATTEMPTS}::int,
        job_key => ${'stripe-event:' + event.id}::text,
        job_key_mode => 'unsafe_dedupe'
      )`;
    }
    return { duplicate: false, queued: willHandle };
  });
}

/** What an event's processing did, for the log. */
export type EventOutcome = SettleOutcome | 'synced' | 'ignored' | 'missing';

/** Applies what Stripe says now about the object an event names. Safe to run any number of times. */
export async function processStripeEvent(
  deps: BillingDeps,
  event: { type: string; objectId: string | null },
): Promise<EventOutcome> {
  const id = event.objectId;
  if (!id) return 'ignored';
  const payments = gatewayOf(deps.payments);
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.expired':
    case 'checkout.session.async_payment_succeeded':
    case 'checkout.session.async_payment_failed':
      return settleCheckoutSession(deps, id);
    case 'payment_intent.succeeded':
    case 'payment_intent.payment_failed':
    case 'payment_intent.canceled': {
      const pi = await payments.retrievePaymentIntent(id);
      return pi ? settlePaymentIntent(deps, pi) : 'missing';
    }
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted':
      await syncSubscription(deps, id);
      return 'synced';
    case 'invoice.paid':
    case 'invoice.payment_succeeded':
    case 'invoice.payment_failed':
      await syncInvoice(deps, id);
      return 'synced';
    case 'charge.refunded': {
      const pi = await payments.paymentIntentOfCharge(id);
      if (!pi) return 'missing';
      await syncRefunds(deps, pi);
      return 'synced';
    }
    default:
      return 'ignored';
  }
}

/** The job's work: the stored event, processed, then marked handled. */
export async function processRecordedStripeEvent(deps: BillingDeps, webhookEventId: string): Promise<EventOutcome> {
  const row = await deps.db.webhookEvent.findUnique({ where: { id: webhookEventId } });
  if (!row) return 'missing';
  const payload = (row.payload ?? {}) as { objectId?: unknown };
  const outcome = await processStripeEvent(deps, {
    type: row.type,
    objectId: typeof payload.objectId === 'string' ? payload.objectId : null,
  });
  await deps.db.webhookEvent.update({ where: { id: row.id }, data: { handledAt: deps.clock.now() } });
  return outcome;
}
