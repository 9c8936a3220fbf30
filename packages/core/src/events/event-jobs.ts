// The event work the job worker does: the day-before reminders (a cron task) and the refund of a
// paid ticket when its event is cancelled.
import type { Db } from '@learningpt/db';
import { refundOrder } from '../billing/refunds';
import type { BillingDeps } from '../billing/settings';
import { enqueueEmail } from '../mail/enqueue-email';
import { notify } from '../notifications/notify';
import type { Clock } from '../shared/clock';
import { whenText } from './event-view';

export const SEND_EVENT_REMINDERS_TASK = 'send_event_reminders';
export { REFUND_EVENT_TICKET_TASK } from './manage-events';

const DAY_MS = 86_400_000;
const BATCH = 200;

/**
 * Reminds every registrant of an event starting within the next 24 hours, once: the
 * registration's reminderSentAt is claimed by a conditional update in the transaction that adds
 * the notification and queues the email, so overlapping or repeated runs send nothing twice.
 */
export async function sendEventReminders({
  db,
  clock,
  webUrl,
}: {
  db: Db;
  clock: Clock;
  /** The web app's root, for the link to the event page; none: the email has no button. */
  webUrl?: string | undefined;
}): Promise<{ reminded: number }> {
  let reminded = 0;
  for (;;) {
    const now = clock.now();
    const due = await db.eventRegistration.findMany({
      where: {
        status: 'registered',
        reminderSentAt: null,
        event: {
          deletedAt: null,
          status: 'upcoming',
          startsAt: { gt: now, lte: new Date(now.getTime() + DAY_MS) },
        },
      },
      include: {
        event: {
          select: { id: true, slug: true, title: true, startsAt: true, timezone: true, isOnline: true, location: true },
        },
        user: { select: { email: true, name: true, deletedAt: true, status: true } },
      },
      orderBy: { id: 'asc' },
      take: BATCH,
    });
    for (const r of due) {
      const e = r.event;
      const sent = await db.$transaction(async (tx) => {
        const claimed = await tx.eventRegistration.updateMany({
          where: { id: r.id, reminderSentAt: null, status: 'registered' },
          data: { reminderSentAt: now },
        });
        if (claimed.count === 0) return false;
        const when = whenText(e);
        await notify({
          db: tx,
          clock,
          userId: r.userId,
          type: 'event',
          title: `Tomorrow: ${e.title}`,
          body: `${e.title} starts on ${when}.`,
          link: `/events/${e.slug}`,
          data: { eventId: e.id },
        });
        if (!r.user.deletedAt && r.user.status === 'active') {
          await enqueueEmail(tx, {
            template: 'event-reminder',
            to: r.user.email,
            // Per date: a rescheduled event is reminded again.
            idempotencyKey: `event-reminder:${r.id}:${e.startsAt.toISOString()}`,
            data: {
              name: r.user.name,
              item: e.title,
              date: when,
              location: e.isOnline ? 'online (the meeting link is on the event page)' : (e.location ?? ''),
              ...(webUrl ? { link: `${webUrl}/events/${e.slug}` } : {}),
            },
          });
        }
        return true;
      });
      if (sent) reminded++;
    }
    if (due.length < BATCH) return { reminded };
  }
}

/**
 * Moves events along the workflow as time passes (the hourly task, before the reminders):
 * upcoming → ongoing once started, upcoming/ongoing → completed once over. Admins may still
 * move them earlier by hand; a cancelled event is never touched.
 */
export async function advanceEventStatuses({ db, clock }: { db: Db; clock: Clock }) {
  const now = clock.now();
  const completed = await db.$executeRaw`
    UPDATE "Event" SET status = 'completed', "updatedAt" = ${now}
    WHERE status IN ('upcoming', 'ongoing') AND "deletedAt" IS NULL
      AND "startsAt" + make_interval(mins => "durationMinutes") <= ${now}`;
  const ongoing = await db.$executeRaw`
    UPDATE "Event" SET status = 'ongoing', "updatedAt" = ${now}
    WHERE status = 'upcoming' AND "deletedAt" IS NULL AND "startsAt" <= ${now}`;
  return { completed, ongoing };
}

/**
 * The refund of a ticket whose event was cancelled: the whole order back through billing (which
 * tells the buyer and frees the seat). Nothing to do when it was refunded already or never
 * charged through Stripe; a Stripe failure throws, so the job is retried.
 */
export async function refundCancelledEventTicket(
  deps: BillingDeps,
  { orderId }: { orderId: string },
): Promise<'refunded' | 'nothing-to-refund'> {
  const order = await deps.db.order.findUnique({
    where: { id: orderId },
    select: { paidAt: true, paymentStatus: true, payments: { where: { provider: 'stripe', status: 'completed' } } },
  });
  if (!order?.paidAt || order.paymentStatus !== 'completed' || order.payments.length === 0) return 'nothing-to-refund';
  await refundOrder(deps, { orderId, actorId: null, automatic: true, reason: 'The event was cancelled' });
  return 'refunded';
}
