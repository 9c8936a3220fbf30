// Events for the events tests, written straight to the database (not through the code under
// test), relative to the test clock.
import type { EventStatus } from '@learningpt/db';
import type { TestServer } from '../../testing/harness';

let seq = 0;
const unique = () => `${Date.now().toString(36)}-${(++seq).toString(36)}`;
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface EventOptions {
  organizerId: string;
  /** Hours from the test clock's now (negative: in the past). Default 7 days ahead. */
  startsInHours?: number;
  durationMinutes?: number;
  capacity?: number | null;
  /** Minor units. */
  price?: number;
  currency?: string;
  status?: EventStatus;
  isOnline?: boolean;
  featured?: boolean;
  categoryId?: string | null;
  title?: string;
  meetingUrl?: string | null;
  meetingPassword?: string | null;
  registeredCount?: number;
}

export async function makeEvent(s: TestServer, o: EventOptions) {
  const slug = `test-event-${unique()}`;
  return s.db.event.create({
    data: {
      slug,
      title: o.title ?? `Test event ${slug}`,
      description: 'An event made by the test fixtures.',
      startsAt: new Date(s.clock.now().getTime() + (o.startsInHours ?? 7 * 24) * HOUR),
      durationMinutes: o.durationMinutes ?? 90,
      isOnline: o.isOnline ?? true,
      meetingUrl: o.meetingUrl === undefined ? `https://meet.example.org/${slug}` : o.meetingUrl,
      meetingPassword: o.meetingPassword === undefined ? 'secret-42' : o.meetingPassword,
      capacity: o.capacity === undefined ? null : o.capacity,
      price: o.price ?? 0,
      currency: o.currency ?? 'USD',
      status: o.status ?? 'upcoming',
      featured: o.featured ?? false,
      categoryId: o.categoryId ?? null,
      organizerId: o.organizerId,
      registeredCount: o.registeredCount ?? 0,
    },
  });
}

/** A registration as registering leaves it, with the event's counter kept in step. */
export async function registerDirectly(
  s: TestServer,
  userId: string,
  eventId: string,
  status: 'registered' | 'attended' | 'no_show' | 'cancelled' = 'registered',
  orderId: string | null = null,
) {
  const reg = await s.db.eventRegistration.create({
    data: { userId, eventId, status, orderId, registeredAt: s.clock.now() },
  });
  if (status !== 'cancelled') {
    await s.db.event.update({ where: { id: eventId }, data: { registeredCount: { increment: 1 } } });
  }
  return reg;
}
