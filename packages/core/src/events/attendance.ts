// After the event: who came (marked by the organizer or an admin) and what registrants thought of
// it (a rating from 1 to 5 with a comment, once each).
import type { Db } from '@learningpt/db';
import type { Clock } from '../shared/clock';
import { pageOffset, paginationMeta } from '../shared/pagination';
import { AppError } from '../shared/errors';
import type { Viewer } from '../shared/viewer';
import { endOf, holdsSeat, loadEvent, registrationView } from './event-view';

/** events.attendees: the registrations of an event with who holds them, for its organizer and admins. */
export async function listEventAttendees({
  db,
  viewer,
  eventId,
  page,
  limit,
}: {
  db: Db;
  viewer: Viewer;
  eventId: string;
  page: number;
  limit: number;
}) {
  const e = await loadEvent(db, eventId);
  if (viewer.role !== 'admin' && viewer.userId !== e.organizerId) {
    throw new AppError('FORBIDDEN', 'Only the organizer of this event or an admin can see who registered.');
  }
  const where = { eventId };
  const [total, rows] = await Promise.all([
    db.eventRegistration.count({ where }),
    db.eventRegistration.findMany({
      where,
      include: { user: { select: { id: true, name: true, email: true } } },
      orderBy: [{ registeredAt: 'asc' }, { id: 'asc' }],
      skip: pageOffset(page, limit),
      take: limit,
    }),
  ]);
  return {
    registrations: rows.map((r) => ({ ...registrationView(r), user: r.user })),
    pagination: paginationMeta(total, page, limit),
  };
}

/** events.markAttendance: attended / no_show for registrants, by the organizer or an admin. */
export async function markAttendance({
  db,
  clock,
  viewer,
  eventId,
  attendance,
}: {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  eventId: string;
  attendance: { userId: string; status: 'attended' | 'no_show' }[];
}) {
  const e = await loadEvent(db, eventId);
  if (viewer.role !== 'admin' && viewer.userId !== e.organizerId) {
    throw new AppError('FORBIDDEN', 'Only the organizer of this event or an admin can mark attendance.');
  }
  if (e.status === 'cancelled') throw new AppError('UNPROCESSABLE', 'This event was cancelled: nobody attended it.');
  if (e.startsAt > clock.now()) {
    throw new AppError('UNPROCESSABLE', 'Attendance can be marked once the event has started.');
  }
  // The last entry for a user wins.
  const wanted = new Map(attendance.map((a) => [a.userId, a.status]));
  const regs = await db.eventRegistration.findMany({
    where: { eventId, userId: { in: [...wanted.keys()] }, status: { not: 'cancelled' } },
    select: { id: true, userId: true },
  });
  const known = new Set(regs.map((r) => r.userId));
  const unknown = [...wanted.keys()].filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new AppError(
      'UNPROCESSABLE',
      `${unknown.length === 1 ? 'This user is' : `${unknown.length} of these users are`} not registered for this event: ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', …' : ''}. Nothing was changed.`,
    );
  }
  const now = clock.now();
  await db.$transaction(
    regs.map((r) =>
      db.eventRegistration.updateMany({
        where: { id: r.id, status: { not: 'cancelled' } },
        data: { status: wanted.get(r.userId)!, updatedAt: now },
      }),
    ),
  );
  const rows = await db.eventRegistration.findMany({
    where: { id: { in: regs.map((r) => r.id) } },
    include: { user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ registeredAt: 'asc' }, { id: 'asc' }],
  });
  const attended = rows.filter((r) => r.status === 'attended').length;
  return {
    message: `Attendance saved: ${attended} attended, ${rows.length - attended} absent.`,
    updated: rows.length,
    registrations: rows.map((r) => ({ ...registrationView(r), user: r.user })),
  };
}

/** events.feedback: a registrant's rating (1–5) and comment once the event is over; once each. */
export async function leaveEventFeedback({
  db,
  clock,
  viewer,
  eventId,
  rating,
  comment,
}: {
  db: Db;
  clock: Clock;
  viewer: Viewer;
  eventId: string;
  rating: number;
  comment?: string | undefined;
}) {
  const e = await loadEvent(db, eventId);
  const reg = await db.eventRegistration.findUnique({
    where: { userId_eventId: { userId: viewer.userId, eventId } },
  });
  if (!holdsSeat(reg)) {
    throw new AppError('FORBIDDEN', 'Only people registered for this event can leave feedback on it.');
  }
  if (e.status === 'cancelled')
    throw new AppError('UNPROCESSABLE', 'This event was cancelled: there is nothing to rate.');
  if (e.status !== 'completed' && endOf(e) > clock.now()) {
    throw new AppError('UNPROCESSABLE', 'Feedback opens once the event is over.');
  }
  if (reg!.status === 'no_show') {
    throw new AppError('UNPROCESSABLE', 'You were marked as absent from this event, so you cannot rate it.');
  }
  const now = clock.now();
  const saved = await db.eventRegistration.updateMany({
    where: { id: reg!.id, feedbackRating: null, status: { in: ['registered', 'attended'] } },
    data: { feedbackRating: rating, feedbackComment: comment ? comment : null, updatedAt: now },
  });
  if (saved.count === 0) throw new AppError('CONFLICT', 'You have already left feedback on this event.');
  const after = await db.eventRegistration.findUniqueOrThrow({ where: { id: reg!.id } });
  return { message: 'Thank you for your feedback.', registration: registrationView(after) };
}
