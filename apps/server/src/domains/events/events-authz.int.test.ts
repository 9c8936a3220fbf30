// The authorization matrix of every events procedure: anonymous, a student, an instructor (who
// does not organize the event), the event's organizer (an instructor), an admin, and a banned
// admin whose session is still held — each allowed or refused as the API says (admin for
// writing events, organizer or admin for attendance, registrants for feedback). Every cell runs
// on a fresh event, so a mutation in one cell cannot decide another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '@learningpt/api';
import type { Caller, TestServer } from '../../testing/harness';
import { startTestServer } from '../../testing/harness';
import { makeUser, outcome, type TestUser } from '../../testing/learning-fixtures';
import { makeEvent, registerDirectly, type EventOptions } from './event-fixtures';

let s: TestServer;
let student: TestUser;
let instructor: TestUser;
let organizer: TestUser;
let admin: TestUser;
let banned: TestUser;

beforeAll(async () => {
  s = await startTestServer();
  [student, instructor, organizer, admin, banned] = await Promise.all([
    makeUser(s, 'student', 'Matrix Student'),
    makeUser(s, 'instructor', 'Matrix Instructor'),
    makeUser(s, 'instructor', 'Matrix Organizer'),
    makeUser(s, 'admin', 'Matrix Admin'),
    makeUser(s, 'admin', 'Matrix Banned Admin'),
  ]);
  // Straight in the table, the session left in place: the status alone must end it.
  await s.db.user.update({ where: { id: banned.id }, data: { status: 'banned' } });
});
afterAll(() => s.close());

type Who = 'anonymous' | 'student' | 'instructor' | 'organizer' | 'admin' | 'banned';
const WHO: Who[] = ['anonymous', 'student', 'instructor', 'organizer', 'admin', 'banned'];

interface Fixture {
  eventId: string;
  slug: string;
  /** The caller's user id (null for anonymous). */
  userId: string | null;
}
interface Case {
  name: string;
  event?: Partial<EventOptions>;
  /** Register the caller (when signed in) before the call. */
  callerRegistered?: boolean;
  /** Register the student (attendance needs a registrant to mark). */
  studentRegistered?: boolean;
  run: (c: Caller, f: Fixture) => Promise<unknown>;
  expect: [string, string, string, string, string, string];
}

const U = 'UNAUTHORIZED';
const F = 'FORBIDDEN';
const OK = 'OK';
//                     anonymous student instructor organizer admin banned
const EVERYONE = [OK, OK, OK, OK, OK, OK] as Case['expect'];
const SIGNED_IN = [U, OK, OK, OK, OK, U] as Case['expect'];
const ADMIN_ONLY = [U, F, F, F, OK, U] as Case['expect'];

const future = { startsInHours: 72 };
const over = { startsInHours: -48, durationMinutes: 60 };
const started = { startsInHours: -1, durationMinutes: 180 };

const CASES: Case[] = [
  { name: 'events.list', run: (c) => c.events.list({}), expect: EVERYONE },
  { name: 'events.upcoming', run: (c) => c.events.upcoming(), expect: EVERYONE },
  { name: 'events.bySlug', run: (c, f) => c.events.bySlug({ slug: f.slug }), expect: EVERYONE },
  { name: 'events.registered', run: (c) => c.events.registered(), expect: SIGNED_IN },
  {
    name: 'events.register (free, upcoming)',
    event: future,
    run: (c, f) => c.events.register({ id: f.eventId }),
    expect: SIGNED_IN,
  },
  {
    name: 'events.cancelRegistration (own registration)',
    event: future,
    callerRegistered: true,
    run: (c, f) => c.events.cancelRegistration({ id: f.eventId }),
    expect: SIGNED_IN,
  },
  {
    name: 'events.attendees',
    studentRegistered: true,
    run: (c, f) => c.events.attendees({ id: f.eventId }),
    expect: [U, F, F, OK, OK, U],
  },
  {
    name: 'events.markAttendance',
    event: started,
    studentRegistered: true,
    run: (c, f) => c.events.markAttendance({ id: f.eventId, attendance: [{ userId: student.id, status: 'attended' }] }),
    expect: [U, F, F, OK, OK, U],
  },
  {
    name: 'events.feedback (a registrant, after the event)',
    event: over,
    callerRegistered: true,
    run: (c, f) => c.events.feedback({ id: f.eventId, rating: 4, comment: 'Useful' }),
    expect: SIGNED_IN,
  },
  {
    name: 'events.feedback (not registered)',
    event: over,
    run: (c, f) => c.events.feedback({ id: f.eventId, rating: 4 }),
    expect: [U, F, F, F, F, U],
  },
  {
    name: 'events.create',
    run: (c) =>
      c.events.create({ title: 'Matrix event', startsAt: new Date(s.clock.now().getTime() + 86_400_000 * 3) }),
    expect: ADMIN_ONLY,
  },
  {
    name: 'events.update',
    run: (c, f) => c.events.update({ id: f.eventId, title: 'Renamed by the matrix' }),
    expect: ADMIN_ONLY,
  },
  {
    name: 'events.update status (cancel)',
    run: (c, f) => c.events.update({ id: f.eventId, status: 'cancelled' }),
    expect: ADMIN_ONLY,
  },
  { name: 'events.delete', run: (c, f) => c.events.delete({ id: f.eventId }), expect: ADMIN_ONLY },
];

const userOf = (who: Who): TestUser | null => ({ anonymous: null, student, instructor, organizer, admin, banned })[who];

describe('events authorization matrix', () => {
  it('covers every events procedure (read from the router, so a new one fails here until added)', () => {
    const covered = new Set(CASES.map((c) => c.name.split(' ')[0]!));
    const procedures = Object.keys(appRouter._def.procedures).filter((p) => p.startsWith('events.'));
    expect(procedures.length).toBeGreaterThanOrEqual(12);
    expect([...covered].sort()).toEqual(procedures.sort());
  });

  it.each(CASES)('$name', async (tc) => {
    const got: Record<string, string> = {};
    for (const who of WHO) {
      const event = await makeEvent(s, { organizerId: organizer.id, capacity: 50, ...tc.event });
      const user = userOf(who);
      if (tc.callerRegistered && user) await registerDirectly(s, user.id, event.id);
      if (tc.studentRegistered && !(tc.callerRegistered && who === 'student')) {
        await registerDirectly(s, student.id, event.id);
      }
      const caller = user ? user.caller : s.anonymous;
      got[who] = await outcome(tc.run(caller, { eventId: event.id, slug: event.slug, userId: user?.id ?? null }));
    }
    expect(got).toEqual(Object.fromEntries(WHO.map((w, i) => [w, tc.expect[i]])));
  });

  it('answers the same statuses on the REST face (401, 403, 200)', async () => {
    const event = await makeEvent(s, { organizerId: organizer.id, ...future });
    const put = (headers: Record<string, string>) =>
      s.rest({ method: 'PUT', url: `/api/events/${event.id}`, payload: { title: 'Renamed over REST' }, headers });
    expect((await put({})).status).toBe(401);
    expect((await put(s.bearer(banned.token))).status).toBe(401);
    expect((await put(s.bearer(organizer.token))).status).toBe(403);
    const ok = await put(s.bearer(admin.token));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ success: true, event: { id: event.id, title: 'Renamed over REST' } });

    const register = (headers: Record<string, string>) =>
      s.rest({ method: 'POST', url: `/api/events/${event.id}/register`, payload: {}, headers });
    expect((await register({})).status).toBe(401);
    expect((await register(s.bearer(banned.token))).status).toBe(401);
    expect((await register(s.bearer(student.token))).status).toBe(200);
    // A client that sends no body at all (axios.post(url)) is answered the same.
    const bare = await s.rest({
      method: 'POST',
      url: `/api/events/${event.id}/register`,
      headers: s.bearer(instructor.token),
    });
    expect(bare.status).toBe(200);
    expect((await s.rest({ url: '/api/events/registered' })).status).toBe(401);
    for (const url of ['/api/events', '/api/events/upcoming', `/api/events/${event.slug}`]) {
      expect({ url, status: (await s.rest({ url, headers: s.bearer(banned.token) })).status }).toEqual({
        url,
        status: 200,
      });
    }
    expect(
      (
        await s.rest({
          method: 'POST',
          url: `/api/events/${event.id}/attendance`,
          payload: { attendance: [{ userId: student.id, status: 'attended' }] },
          headers: s.bearer(student.token),
        })
      ).status,
    ).toBe(403);
  });
});
