// How an event leaves the server: its public fields, and the meeting link and password only for
// the people who may join (its registrants, its organizer, admins). For anyone else those keys
// are left out of the object altogether.
import type { Db, Prisma } from '@learningpt/db';
import type { EventDetail, EventRegistration, EventSummary } from '@learningpt/schema';
import { AppError } from '../shared/errors';
import { toMajor } from '../shared/money';
import type { Viewer } from '../shared/viewer';

export const EVENT_NOT_FOUND = 'Event not found';
export const eventNotFound = () => new AppError('NOT_FOUND', EVENT_NOT_FOUND);

export const eventInclude = {
  category: { select: { id: true, name: true, slug: true } },
  organizer: { select: { id: true, name: true, avatarUrl: true } },
} satisfies Prisma.EventInclude;

export type EventRow = Prisma.EventGetPayload<{ include: typeof eventInclude }>;
type RegistrationRow = Prisma.EventRegistrationGetPayload<object>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string) => UUID.test(v);

/** The event's local day (YYYY-MM-DD) and time (HH:MM) in its timezone. */
function localDateTime(at: Date, timeZone: string): { date: string; time: string } {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(at);
  } catch {
    return localDateTime(at, 'UTC'); // a timezone the runtime does not know (written by hand)
  }
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/** "2030-03-12 08:30 (Europe/London)", for emails and notifications. */
export function whenText(e: { startsAt: Date; timezone: string }): string {
  const { date, time } = localDateTime(e.startsAt, e.timezone);
  return `${date} ${time} (${e.timezone})`;
}

export function eventSummary(e: EventRow): EventSummary {
  const { date, time } = localDateTime(e.startsAt, e.timezone);
  const spotsLeft = e.capacity === null ? null : Math.max(e.capacity - e.registeredCount, 0);
  return {
    id: e.id,
    title: e.title,
    slug: e.slug,
    shortDescription: e.shortDescription,
    description: e.description,
    date,
    time,
    timezone: e.timezone,
    startsAt: e.startsAt,
    endsAt: endOf(e),
    duration: e.durationMinutes,
    location: e.location,
    venueAddress: e.venueAddress,
    isOnline: e.isOnline,
    capacity: e.capacity,
    registeredCount: e.registeredCount,
    spotsLeft,
    isFull: spotsLeft === 0,
    price: toMajor(e.price),
    currency: e.currency,
    isFree: e.price === 0,
    category: e.category,
    categoryId: e.categoryId,
    organizer: { id: e.organizer.id, name: e.organizer.name, avatar: e.organizer.avatarUrl },
    organizerId: e.organizerId,
    imageUrl: e.imageUrl,
    status: e.status,
    featured: e.featured,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}

/** A registration that still holds a seat (or held one at an event that took place). */
export const holdsSeat = (r: { status: string } | null | undefined) => !!r && r.status !== 'cancelled';

/** Who may see how to join: admins, the organizer, and whoever holds a registration. */
export function maySeeMeeting(viewer: Viewer | null, e: { organizerId: string }, reg: RegistrationRow | null) {
  if (!viewer) return false;
  return viewer.role === 'admin' || viewer.userId === e.organizerId || holdsSeat(reg);
}

export function eventDetail(e: EventRow, showMeeting: boolean): EventDetail {
  return {
    ...eventSummary(e),
    ...(showMeeting ? { meetingLink: e.meetingUrl, meetingPassword: e.meetingPassword } : {}),
  };
}

export function registrationView(r: RegistrationRow): EventRegistration {
  return {
    id: r.id,
    eventId: r.eventId,
    userId: r.userId,
    status: r.status,
    attendanceStatus: r.status,
    registeredAt: r.registeredAt,
    registrationDate: r.registeredAt,
    cancelledAt: r.cancelledAt,
    orderId: r.orderId,
    feedbackRating: r.feedbackRating,
    feedbackComment: r.feedbackComment,
  };
}

export const endOf = (e: { startsAt: Date; durationMinutes: number }) =>
  new Date(e.startsAt.getTime() + e.durationMinutes * 60_000);

/** A live (not deleted) event by id; NOT_FOUND otherwise. */
export async function loadEvent(db: Db | Prisma.TransactionClient, id: string): Promise<EventRow> {
  const e = await db.event.findUnique({ where: { id }, include: eventInclude });
  if (!e || e.deletedAt !== null) throw eventNotFound();
  return e;
}
