// The `reconcile_billing` task (daily, see CRONTAB in worker.ts): repairs what missed webhooks
// left behind (core's reconcileBilling). Without a payment provider there is nothing to reconcile.
import { reconcileBilling, systemClock } from '@learningpt/core';
import type { Task } from 'graphile-worker';
import type { BillingTaskDeps } from './process-stripe-event';

export function createReconcileBillingTask(deps: BillingTaskDeps): Task {
  return async (_raw, helpers) => {
    if (!deps.payments || !deps.billing) {
      deps.log.info({ jobId: helpers.job.id }, 'billing reconciliation skipped: no payment provider configured');
      return;
    }
    const report = await reconcileBilling({
      db: deps.db(),
      clock: deps.clock ?? systemClock,
      payments: deps.payments,
      billing: deps.billing,
      log: deps.log,
    });
    if (report.errors > 0) deps.log.warn({ jobId: helpers.job.id, ...report }, 'billing reconciliation had errors');
  };
}
