// The `process_stripe_event` task: a Stripe webhook recorded by the webhook route, applied from
// Stripe's current state (core's processRecordedStripeEvent). Retried with backoff when Stripe or
// the database fail; safe to run twice (everything it does is guarded in the database).
import { processRecordedStripeEvent, systemClock, type BillingSettings, type Clock } from '@learningpt/core';
import type { PaymentGateway } from '@learningpt/billing';
import type { Db } from '@learningpt/db';
import type { Task } from 'graphile-worker';
import type { JobLog } from './log';
import { failPermanently } from './permanent-failure';

export interface BillingTaskDeps {
  /** Called on first use, so a worker that never sees a payment opens no extra pool. */
  db: () => Db;
  payments: PaymentGateway | null | undefined;
  billing: BillingSettings | undefined;
  log: JobLog;
  clock?: Clock | undefined;
}

export function createProcessStripeEventTask(deps: BillingTaskDeps): Task {
  return async (raw, helpers) => {
    const id = (raw as { webhookEventId?: unknown } | null)?.webhookEventId;
    if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) {
      deps.log.error({ jobId: helpers.job.id }, 'stripe event job has no valid webhookEventId: dropping it');
      await failPermanently(helpers);
      throw new Error('process_stripe_event: payload needs a webhookEventId');
    }
    if (!deps.payments || !deps.billing) {
      // Kept and retried: the worker may be restarted with payments configured.
      throw new Error('process_stripe_event: this worker has no payment provider configured (STRIPE_SECRET_KEY)');
    }
    const outcome = await processRecordedStripeEvent(
      {
        db: deps.db(),
        clock: deps.clock ?? systemClock,
        payments: deps.payments,
        billing: deps.billing,
        log: deps.log,
      },
      id,
    );
    deps.log.info({ jobId: helpers.job.id, webhookEventId: id, outcome }, 'stripe event processed');
  };
}
