// The events tasks: `send_event_reminders` (hourly, see CRONTAB in worker.ts) moves events along
// their status as time passes and reminds the registrants of events starting within a day, once
// each; `refund_event_ticket` refunds a paid
// ticket of a cancelled event through billing (queued by the cancellation).
import {
  advanceEventStatuses,
  refundCancelledEventTicket,
  sendEventReminders,
  systemClock,
  type Clock,
} from '@learningpt/core';
import type { Db } from '@learningpt/db';
import type { Task } from 'graphile-worker';
import type { JobLog } from './log';
import { failPermanently } from './permanent-failure';
import type { BillingTaskDeps } from './process-stripe-event';

export function createSendEventRemindersTask(deps: {
  db: () => Db;
  log: JobLog;
  clock?: Clock | undefined;
  webUrl?: string | undefined;
}): Task {
  return async (_raw, helpers) => {
    const clock = deps.clock ?? systemClock;
    const moved = await advanceEventStatuses({ db: deps.db(), clock });
    if (moved.completed + moved.ongoing > 0)
      deps.log.info({ jobId: helpers.job.id, ...moved }, 'event statuses advanced');
    const { reminded } = await sendEventReminders({ db: deps.db(), clock, webUrl: deps.webUrl });
    if (reminded > 0) deps.log.info({ jobId: helpers.job.id, reminded }, 'event reminders queued');
  };
}

export function createRefundEventTicketTask(deps: BillingTaskDeps): Task {
  return async (raw, helpers) => {
    const orderId = (raw as { orderId?: unknown } | null)?.orderId;
    if (typeof orderId !== 'string' || !/^[0-9a-f-]{36}$/i.test(orderId)) {
      deps.log.error({ jobId: helpers.job.id }, 'event refund job has no valid orderId: dropping it');
      await failPermanently(helpers);
      throw new Error('refund_event_ticket: payload needs an orderId');
    }
    if (!deps.payments || !deps.billing) {
      // Kept and retried: the worker may be restarted with payments configured.
      throw new Error('refund_event_ticket: this worker has no payment provider configured (STRIPE_SECRET_KEY)');
    }
    const outcome = await refundCancelledEventTicket(
      {
        db: deps.db(),
        clock: deps.clock ?? systemClock,
        payments: deps.payments,
        billing: deps.billing,
        log: deps.log,
      },
      { orderId },
    );
    deps.log.info({ jobId: helpers.job.id, orderId, outcome }, 'cancelled event ticket refund');
  };
}
