// Event tickets, bought through an order or free: the registration (one per user and event) and
// the seat (registeredCount never passes capacity: conditional update plus the table's CHECK).
import type { Prisma } from '@learningpt/db';
import type { Clock } from '../shared/clock';

type Tx = Prisma.TransactionClient;

/**
 * 'full', 'closed' (the event was cancelled, deleted or is over) and 'duplicate' mean the ticket
 * cannot be given: the caller refunds the order.
 */
export async function grantEventTicket({
  tx,
  clock,
  userId,
  eventId,
  orderId,
}: {
  tx: Tx;
  clock: Clock;
  userId: string;
  eventId: string;
  /** null: a free registration (no order). */
  orderId: string | null;
}): Promise<'registered' | 'full' | 'closed' | 'duplicate'> {
  const existing = await tx.eventRegistration.findUnique({ where: { userId_eventId: { userId, eventId } } });
  if (existing && existing.status !== 'cancelled') return 'duplicate';
  const seat = await tx.$executeRaw`
    UPDATE "Event" SET "registeredCount" = "registeredCount" + 1
    WHERE id = ${eventId}::uuid AND (capacity IS NULL OR "registeredCount" < capacity)
      AND status IN ('upcoming', 'ongoing') AND "deletedAt" IS NULL`;
  if (seat === 0) {
    const e = await tx.event.findUnique({ where: { id: eventId }, select: { status: true, deletedAt: true } });
    return !e || e.deletedAt !== null || e.status === 'cancelled' || e.status === 'completed' ? 'closed' : 'full';
  }
  const now = clock.now();
  if (existing) {
    await tx.eventRegistration.update({
      where: { id: existing.id },
      data: { status: 'registered', orderId, registeredAt: now, cancelledAt: null, updatedAt: now },
    });
  } else {
    await tx.eventRegistration.create({
      data: { userId, eventId, orderId, status: 'registered', registeredAt: now, createdAt: now, updatedAt: now },
    });
  }
  return 'registered';
}

/** A fully refunded ticket: its registration is cancelled and the seat given back. */
export async function revokeEventTicket({ tx, clock, orderId }: { tx: Tx; clock: Clock; orderId: string }) {
  const regs = await tx.eventRegistration.findMany({ where: { orderId, status: { not: 'cancelled' } } });
  for (const r of regs) {
    const now = clock.now();
    const done = await tx.eventRegistration.updateMany({
      where: { id: r.id, status: { not: 'cancelled' } },
      data: { status: 'cancelled', cancelledAt: now, updatedAt: now },
    });
    if (done.count === 1) {
      await tx.$executeRaw`UPDATE "Event" SET "registeredCount" = greatest("registeredCount" - 1, 0) WHERE id = ${r.eventId}::uuid`;
    }
  }
}
