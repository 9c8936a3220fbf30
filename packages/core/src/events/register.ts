// Registering for an event and cancelling a registration. A free event is registered for here; a
// paid one is bought through billing (payments.createCheckout with the eventId), whose settlement
// registers the buyer under the same seat rule (billing/tickets.ts). The seat is taken by one
// conditional UPDATE in the same transaction as the registration row, so registeredCount never
// passes capacity however many requests arrive at once.
import type { Db } from '@learningpt/db';
import { grantEventTicket } from '../billing/tickets';
import { formatPrice } from '../learning/enroll';
import type { Clock } from '../shared/clock';
import { AppError } from '../shared/errors';
import type { Viewer } from '../shared/viewer';
import { eventDetail, eventSummary, holdsSeat, loadEvent, registrationView, type EventRow } from './event-view';

/** Long enough for a burst of registrations to queue for the pool instead of failing. */
const TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 };

/** Why registration is closed for this event, or null when it is open. */
function closedReason(e: { status: string; startsAt: Date }, now: Date): string | null {
  if (e.status === 'cancelled') return 'This event was cancelled: registration is closed.';
  if (e.status === 'completed') return 'This event is over: registration is closed.';
  if (e.status === 'ongoing' || e.startsAt <= now) return 'This event has already started: registration is closed.';
  return null;
}

const fullError = (e: { capacity: number | null }) =>
  new AppError(
    'CONFLICT',
    `This event is full: all ${e.capacity ?? 0} places are taken. Registration opens again if someone cancels.`,
    { reason: 'EVENT_FULL' },
  );

async function answer(db: Db, eventId: string, userId: string, message: string, created: boolean) {
  const [e, reg] = await Promise.all([
    loadEvent(db, eventId),
    db.eventRegistration.findUniqueOrThrow({ where: { userId_eventId: { userId, eventId } } }),
  ]);
  return { message, created, registration: registrationView(reg), event: eventDetail(e, true) };
}

/** events.register: a seat at a free event, once (registering again answers the same registration). */
export async function registerForEvent({
  db,
  clock,
  viewer,
  eventId,
}: {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  eventId: string;
}) {
  const e: EventRow = await loadEvent(db, eventId);
  const mine = await db.eventRegistration.findUnique({
    where: { userId_eventId: { userId: viewer.userId, eventId } },
  });
  if (holdsSeat(mine)) return answer(db, eventId, viewer.userId, 'You are already registered for this event.', false);
  const closed = closedReason(e, clock.now());
  if (closed) throw new AppError('UNPROCESSABLE', closed);
  // Full first: a paid event with no place left has nothing to sell either.
  if (e.capacity !== null && e.registeredCount >= e.capacity) throw fullError(e);
  if (e.price > 0) {
    throw new AppError(
      'PAYMENT_REQUIRED',
      `This event costs ${formatPrice(e.price, e.currency)}: buy a ticket with payments.createCheckout ` +
        `(POST /api/payments/checkout with { "eventId": "${e.id}" }) and you are registered as soon as it is paid.`,
      { eventId: e.id, price: e.price, currency: e.currency },
    );
  }

  const created = await db.$transaction(async (tx) => {
    // One registration request per user and event at a time (a double click waits, then sees the first).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`event-registration:${viewer.userId}:${eventId}`}, 0))`;
    const outcome = await grantEventTicket({ tx, clock, userId: viewer.userId, eventId, orderId: null });
    if (outcome === 'duplicate') return false;
    if (outcome === 'full') throw fullError(e);
    if (outcome === 'closed') throw new AppError('UNPROCESSABLE', 'This event is no longer open for registration.');
    // The seat is ours and the event row locked: a cancellation that committed first is seen here.
    const now = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { status: true, startsAt: true } });
    const closedNow = closedReason(now, clock.now());
    if (closedNow) throw new AppError('UNPROCESSABLE', closedNow);
    return true;
  }, TX_OPTIONS);
  return answer(
    db,
    eventId,
    viewer.userId,
    created ? `You are registered for ${e.title}.` : 'You are already registered for this event.',
    created,
  );
}

/** events.cancelRegistration: gives a free seat back before the event starts. */
export async function cancelRegistration({
  db,
  clock,
  viewer,
  eventId,
}: {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  eventId: string;
}) {
  const e = await loadEvent(db, eventId);
  const reg = await db.eventRegistration.findUnique({
    where: { userId_eventId: { userId: viewer.userId, eventId } },
  });
  if (!reg) throw new AppError('NOT_FOUND', 'You are not registered for this event.');
  const done = async (message: string) => {
    const [after, event] = await Promise.all([
      db.eventRegistration.findUniqueOrThrow({ where: { id: reg.id } }),
      loadEvent(db, eventId),
    ]);
    return { message, registration: registrationView(after), event: eventSummary(event) };
  };
  if (reg.status === 'cancelled') return done('Your registration was already cancelled.');
  if (reg.status !== 'registered') {
    throw new AppError('UNPROCESSABLE', 'This event has taken place: the registration can no longer be cancelled.');
  }
  if (e.status === 'cancelled') {
    throw new AppError('UNPROCESSABLE', 'This event was cancelled: there is nothing left to cancel.');
  }
  if (e.status !== 'upcoming' || e.startsAt <= clock.now()) {
    throw new AppError('UNPROCESSABLE', 'This event has already started: the registration can no longer be cancelled.');
  }
  if (reg.orderId) {
    throw new AppError(
      'UNPROCESSABLE',
      'This ticket was paid for: it is cancelled by refunding its order (ask support, or see your orders); the refund frees the seat.',
    );
  }
  await db.$transaction(async (tx) => {
    const now = clock.now();
    const cancelled = await tx.eventRegistration.updateMany({
      where: { id: reg.id, status: 'registered' },
      data: { status: 'cancelled', cancelledAt: now, updatedAt: now },
    });
    if (cancelled.count === 1) {
      await tx.$executeRaw`UPDATE "Event" SET "registeredCount" = greatest("registeredCount" - 1, 0) WHERE id = ${eventId}::uuid`;
    }
  }, TX_OPTIONS);
  return done('Your registration is cancelled and your place given back.');
}
