// Writing events (admins): create, update (including the status workflow), delete. Cancelling an
// event tells each registrant (a notification and an email) and queues the refund of every paid
// ticket, all in the transaction that cancels it, so they happen exactly when it does.
import { isUniqueViolation, type Db, type Prisma } from '@learningpt/db';
import type { EventCreateInput, EventStatus, EventUpdateInput } from '@learningpt/schema';
import { writeAudit } from '../audit/write-audit';
import { nextFreeSlug, slugify } from '../catalog/slug';
import { enqueueEmail } from '../mail/enqueue-email';
import { notify } from '../notifications/notify';
import type { Clock } from '../shared/clock';
import { AppError, invalidField } from '../shared/errors';
import { toMinor } from '../shared/money';
import type { Viewer } from '../shared/viewer';
import { eventDetail, isUuid, loadEvent, whenText } from './event-view';

type Tx = Prisma.TransactionClient;

export interface ManageEventsDeps {
  db: Db;
  clock: Clock;
  /** The web app's root, for the links in emails. */
  webUrl: string;
}

export const REFUND_EVENT_TICKET_TASK = 'refund_event_ticket';

/** Which status may follow which; completed and cancelled are final. */
export const EVENT_TRANSITIONS: Record<EventStatus, readonly EventStatus[]> = {
  upcoming: ['ongoing', 'completed', 'cancelled'],
  ongoing: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

const slugTaken = (slug: string) => invalidField('slug', `The slug "${slug}" is already used by another event.`);

/** A category by id, slug or name (case-insensitive); unknown or retired is a 400 on `category`. */
async function categoryIdOf(db: Db | Tx, ref: string | null | undefined): Promise<string | null | undefined> {
  if (ref === undefined || ref === null) return ref;
  const found = await db.category.findFirst({
    where: {
      OR: [
        ...(isUuid(ref) ? [{ id: ref }] : []),
        { slug: ref.toLowerCase() },
        { name: { equals: ref, mode: 'insensitive' as const } },
      ],
    },
    select: { id: true, isActive: true, name: true },
  });
  if (!found)
    throw invalidField(
      'category',
      `Unknown category "${ref}". Use the id, slug or name of one listed by GET /api/categories.`,
    );
  if (!found.isActive) throw invalidField('category', `The category "${found.name}" is retired; choose another one.`);
  return found.id;
}

async function assertOrganizer(db: Db | Tx, userId: string) {
  const u = await db.user.findUnique({ where: { id: userId }, select: { status: true } });
  if (!u || u.status !== 'active') throw invalidField('organizerId', 'The organizer must be an active user.');
}

function fieldData(input: Omit<Partial<EventCreateInput>, 'category' | 'organizerId' | 'slug'>) {
  return {
    ...(input.title !== undefined && { title: input.title }),
    ...(input.description !== undefined && { description: input.description }),
    ...(input.shortDescription !== undefined && { shortDescription: input.shortDescription || null }),
    ...(input.startsAt !== undefined && { startsAt: input.startsAt }),
    ...(input.duration !== undefined && { durationMinutes: input.duration }),
    ...(input.timezone !== undefined && { timezone: input.timezone }),
    ...(input.location !== undefined && { location: input.location || null }),
    ...(input.venueAddress !== undefined && { venueAddress: input.venueAddress || null }),
    ...(input.isOnline !== undefined && { isOnline: input.isOnline }),
    ...(input.meetingLink !== undefined && { meetingUrl: input.meetingLink }),
    ...(input.meetingPassword !== undefined && { meetingPassword: input.meetingPassword || null }),
    ...(input.capacity !== undefined && { capacity: input.capacity }),
    ...(input.price !== undefined && { price: toMinor(input.price) }),
    ...(input.currency !== undefined && { currency: input.currency }),
    ...(input.imageUrl !== undefined && { imageUrl: input.imageUrl }),
    ...(input.featured !== undefined && { featured: input.featured }),
  };
}

/** Fixed paths under /api/events that a slug would be shadowed by. */
const RESERVED_SLUGS = ['upcoming', 'registered'];

function assertSlugAllowed(slug: string | undefined) {
  if (slug && RESERVED_SLUGS.includes(slug)) {
    throw invalidField('slug', `"${slug}" cannot be an event's slug (it is a fixed path of the events API).`);
  }
}

async function freeSlugFor(db: Db, title: string): Promise<string> {
  const base = slugify(title, 'event');
  const taken = await db.event.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  return nextFreeSlug(base, [...RESERVED_SLUGS, ...taken.map((t) => t.slug)]);
}

/** events.create */
export async function createEvent({
  db,
  clock,
  viewer,
  input,
}: Omit<ManageEventsDeps, 'webUrl'> & { viewer: Viewer; input: EventCreateInput }) {
  const now = clock.now();
  if (input.startsAt <= now) throw invalidField('startsAt', 'A new event must start in the future.');
  const organizerId = input.organizerId ?? viewer.userId;
  if (input.organizerId) await assertOrganizer(db, organizerId);
  const categoryId = await categoryIdOf(db, input.category);
  assertSlugAllowed(input.slug);
  const slug = input.slug ?? (await freeSlugFor(db, input.title));
  const { category: _c, organizerId: _o, slug: _s, ...fields } = input;
  try {
    const created = await db.$transaction(async (tx) => {
      const row = await tx.event.create({
        data: {
          ...fieldData(fields),
          title: input.title,
          slug,
          startsAt: input.startsAt,
          organizerId,
          categoryId: categoryId ?? null,
          status: 'upcoming',
          createdAt: now,
          updatedAt: now,
        },
      });
      await writeAudit(tx, {
        clock,
        actorId: viewer.userId,
        action: 'event.create',
        entityType: 'Event',
        entityId: row.id,
      });
      return row;
    });
    return { message: `Event "${created.title}" created.`, event: eventDetail(await loadEvent(db, created.id), true) };
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken(slug);
    throw err;
  }
}

/** The event row, locked for this transaction (registrations wait until it commits). */
async function lockEvent(tx: Tx, id: string) {
  const [row] = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM "Event" WHERE id = ${id}::uuid AND "deletedAt" IS NULL FOR UPDATE`;
  if (!row) throw new AppError('NOT_FOUND', 'Event not found');
  return tx.event.findUniqueOrThrow({ where: { id } });
}

function assertTransition(from: EventStatus, to: EventStatus, startsAt: Date, now: Date) {
  if (from === to) return;
  if (!EVENT_TRANSITIONS[from].includes(to)) {
    const allowed = EVENT_TRANSITIONS[from];
    throw new AppError(
      'UNPROCESSABLE',
      `An event that is ${from} cannot become ${to}` +
        (allowed.length ? ` (it can become ${allowed.join(' or ')}).` : `: ${from} is final.`),
    );
  }
  if ((to === 'ongoing' || to === 'completed') && startsAt > now) {
    throw new AppError('UNPROCESSABLE', `An event can be marked ${to} only once it has started.`);
  }
}

/** events.update: fields and status (see EVENT_TRANSITIONS); a cancellation tells and refunds. */
export async function updateEvent(
  deps: ManageEventsDeps & { viewer: Viewer; id: string; input: Omit<EventUpdateInput, 'id'> },
) {
  const { db, clock, viewer, id, input } = deps;
  assertSlugAllowed(input.slug);
  const categoryId = await categoryIdOf(db, input.category);
  if (input.organizerId) await assertOrganizer(db, input.organizerId);
  const { category: _c, organizerId, slug, status, ...fields } = input;
  try {
    const result = await db.$transaction(async (tx) => {
      const e = await lockEvent(tx, id);
      const now = clock.now();
      if (e.status === 'cancelled')
        throw new AppError('UNPROCESSABLE', 'This event was cancelled: it can no longer be changed.');
      const startsAt = input.startsAt ?? e.startsAt;
      if (status) assertTransition(e.status, status, startsAt, now);
      if (input.capacity !== undefined && input.capacity !== null && input.capacity < e.registeredCount) {
        throw invalidField(
          'capacity',
          `${e.registeredCount} people are already registered: the capacity cannot be lower than that.`,
        );
      }
      const row = await tx.event.update({
        where: { id },
        data: {
          ...fieldData(fields),
          ...(slug !== undefined && { slug }),
          ...(organizerId !== undefined && { organizerId }),
          ...(categoryId !== undefined && { categoryId }),
          ...(status !== undefined && { status }),
          updatedAt: now,
        },
      });
      if (input.startsAt && input.startsAt.getTime() !== e.startsAt.getTime()) {
        // A new date: the day-before reminder is due again.
        await tx.eventRegistration.updateMany({ where: { eventId: id }, data: { reminderSentAt: null } });
      }
      const cancelled = status === 'cancelled';
      const told = cancelled ? await tellRegistrantsOfCancellation(tx, deps, row) : 0;
      await writeAudit(tx, {
        clock,
        actorId: viewer.userId,
        action: cancelled ? 'event.cancel' : 'event.update',
        entityType: 'Event',
        entityId: id,
        data: { fields: Object.keys(input), ...(status && status !== e.status ? { from: e.status, to: status } : {}) },
      });
      return { cancelled, told };
    });
    const event = eventDetail(await loadEvent(db, id), true);
    return {
      message: result.cancelled
        ? `Event cancelled: ${result.told} registrant${result.told === 1 ? '' : 's'} told, paid tickets being refunded.`
        : 'Event updated.',
      event,
    };
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken(slug ?? '');
    throw err;
  }
}

/** events.delete: cancels the event first when it is still on (telling and refunding), then hides it. */
export async function deleteEvent(deps: ManageEventsDeps & { viewer: Viewer; id: string }) {
  const { db, clock, viewer, id } = deps;
  return db.$transaction(async (tx) => {
    const e = await lockEvent(tx, id);
    const now = clock.now();
    const stillOn = e.status === 'upcoming' || e.status === 'ongoing';
    const row = await tx.event.update({
      where: { id },
      data: { deletedAt: now, updatedAt: now, ...(stillOn && { status: 'cancelled' as const }) },
    });
    if (stillOn) await tellRegistrantsOfCancellation(tx, deps, row);
    await writeAudit(tx, { clock, actorId: viewer.userId, action: 'event.delete', entityType: 'Event', entityId: id });
    return {
      message: stillOn
        ? `Event "${e.title}" cancelled and deleted; its registrants were told and paid tickets are being refunded.`
        : `Event "${e.title}" deleted.`,
    };
  });
}

/**
 * In the cancelling transaction: a notification and an email per registrant (keys make each
 * once), and a refund job per paid ticket (run by the worker through billing's refund).
 */
async function tellRegistrantsOfCancellation(
  tx: Tx,
  deps: ManageEventsDeps,
  e: { id: string; title: string; startsAt: Date; timezone: string },
): Promise<number> {
  const regs = await tx.eventRegistration.findMany({
    where: { eventId: e.id, status: 'registered' },
    include: {
      user: { select: { email: true, name: true, deletedAt: true } },
      order: { select: { id: true, paidAt: true, paymentStatus: true } },
    },
  });
  const when = whenText(e);
  for (const r of regs) {
    const paid = !!r.order && r.order.paidAt !== null && r.order.paymentStatus === 'completed';
    await notify({
      db: tx,
      clock: deps.clock,
      userId: r.userId,
      type: 'event',
      title: `Cancelled: ${e.title}`,
      body: `${e.title} (${when}) has been cancelled.${paid ? ' Your ticket is being refunded in full.' : ''}`,
      link: '/events',
      data: { eventId: e.id },
    });
    if (!r.user.deletedAt) {
      await enqueueEmail(tx, {
        template: 'event-cancelled',
        to: r.user.email,
        idempotencyKey: `event-cancelled:${r.id}`,
        data: {
          name: r.user.name,
          link: `${deps.webUrl}/events`,
          item: e.title,
          date: when,
          refund: paid ? 'yes' : 'no',
        },
      });
    }
    if (paid) {
      await tx.$executeRaw`SELECT graphile_worker.add_job(
        ${REFUND_EVENT_TICKET_TASK}::text,
        payload => ${JSON.stringify({ orderId: r.order!.id, eventId: e.id })}::json,
        max_attempts => 10,
        job_key => ${`event-refund:${r.order!.id}`}::text,
        job_key_mode => 'unsafe_dedupe'
      )`;
    }
  }
  return regs.length;
}
