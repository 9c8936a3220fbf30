// Reading events: the public list (filters, pages), what is coming up, one event by slug, and the
// events a user registered for.
import type { Db, Prisma } from '@learningpt/db';
import type { EventBySlugOutput, EventListOutput, EventStatus } from '@learningpt/schema';
import type { Clock } from '../shared/clock';
import { pageOffset, paginationMeta } from '../shared/pagination';
import type { Viewer } from '../shared/viewer';
import {
  eventDetail,
  eventInclude,
  eventNotFound,
  eventSummary,
  isUuid,
  maySeeMeeting,
  registrationView,
} from './event-view';

export interface FindEventsOptions {
  db: Db;
  page: number;
  limit: number;
  from?: Date | undefined;
  to?: Date | undefined;
  /** A category slug or id. */
  category?: string | undefined;
  isOnline?: boolean | undefined;
  status?: EventStatus | undefined;
  featured?: boolean | undefined;
  search?: string | undefined;
  /** soonest (default) or latest first; ties by id either way, so pages never overlap. */
  sort?: 'soonest' | 'latest' | undefined;
}

/** events.list: live events by start time (soonest or latest first, then id). */
export async function findEvents(opts: FindEventsOptions): Promise<EventListOutput> {
  const { db, page, limit } = opts;
  const where: Prisma.EventWhereInput = { deletedAt: null };
  if (opts.from || opts.to) {
    where.startsAt = { ...(opts.from && { gte: opts.from }), ...(opts.to && { lte: opts.to }) };
  }
  if (opts.category) {
    where.category = isUuid(opts.category)
      ? { OR: [{ id: opts.category }, { slug: opts.category.toLowerCase() }] }
      : { slug: opts.category.toLowerCase() };
  }
  if (opts.isOnline !== undefined) where.isOnline = opts.isOnline;
  if (opts.status) where.status = opts.status;
  if (opts.featured !== undefined) where.featured = opts.featured;
  if (opts.search) {
    where.OR = [
      { title: { contains: opts.search, mode: 'insensitive' } },
      { shortDescription: { contains: opts.search, mode: 'insensitive' } },
    ];
  }
  const [total, rows] = await Promise.all([
    db.event.count({ where }),
    db.event.findMany({
      where,
      include: eventInclude,
      orderBy: opts.sort === 'latest' ? [{ startsAt: 'desc' }, { id: 'desc' }] : [{ startsAt: 'asc' }, { id: 'asc' }],
      skip: pageOffset(page, limit),
      take: limit,
    }),
  ]);
  return {
    events: rows.map(eventSummary),
    pagination: { ...paginationMeta(total, page, limit), totalEvents: total },
  };
}

/** events.upcoming: what has not started yet and is still on, soonest first. */
export async function upcomingEvents({ db, clock, limit }: { db: Db; clock: Clock; limit: number }) {
  const rows = await db.event.findMany({
    where: { deletedAt: null, status: 'upcoming', startsAt: { gt: clock.now() } },
    include: eventInclude,
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    take: limit,
  });
  return { events: rows.map(eventSummary) };
}

/** events.bySlug (also by id): the event, and the viewer's registration and meeting details. */
export async function getEventBySlug({
  db,
  viewer,
  slug,
}: {
  db: Db;
  viewer: Viewer | null;
  slug: string;
}): Promise<EventBySlugOutput> {
  const e = await db.event.findFirst({
    where: { deletedAt: null, OR: [{ slug: slug.toLowerCase() }, ...(isUuid(slug) ? [{ id: slug }] : [])] },
    include: eventInclude,
  });
  if (!e) throw eventNotFound();
  const reg = viewer
    ? await db.eventRegistration.findUnique({ where: { userId_eventId: { userId: viewer.userId, eventId: e.id } } })
    : null;
  return {
    event: eventDetail(e, maySeeMeeting(viewer, e, reg)),
    isRegistered: !!reg && reg.status !== 'cancelled',
    registration: reg ? registrationView(reg) : null,
  };
}

/**
 * events.registered: the viewer's registrations, soonest event first. A cancelled registration is
 * left out, unless the event itself was cancelled (so the user still sees what happened to it).
 */
export async function registeredEvents({
  db,
  viewer,
  page,
  limit,
}: {
  db: Db;
  viewer: Viewer;
  page: number;
  limit: number;
}) {
  const where: Prisma.EventRegistrationWhereInput = {
    userId: viewer.userId,
    event: { deletedAt: null },
    OR: [{ status: { not: 'cancelled' } }, { event: { status: 'cancelled' } }],
  };
  const [total, rows] = await Promise.all([
    db.eventRegistration.count({ where }),
    db.eventRegistration.findMany({
      where,
      include: { event: { include: eventInclude } },
      orderBy: [{ event: { startsAt: 'asc' } }, { id: 'asc' }],
      skip: pageOffset(page, limit),
      take: limit,
    }),
  ]);
  return {
    events: rows.map(({ event, ...reg }) => ({
      ...eventDetail(event, maySeeMeeting(viewer, event, reg)),
      registration: registrationView(reg),
    })),
    pagination: { ...paginationMeta(total, page, limit), totalEvents: total },
  };
}
