// Events end to end on a database holding only what each test writes: the status workflow, the
// list's filters and pages, registering and cancelling (the seat comes back), paid events,
// attendance, feedback, and the day-before reminder (sent once however often the job runs).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRONTAB, runJobsOnce, silentJobLog } from '@learningpt/jobs';
import { SEND_EVENT_REMINDERS_TASK } from '@learningpt/core';
import type { Mailer } from '@learningpt/mail';
import { startTestServer, type TestServer } from '../../testing/harness';
import { makeUser, outcome, type TestUser } from '../../testing/learning-fixtures';
import { deliveredEmails } from '../../testing/outbox';
import { DAY, HOUR, makeEvent, registerDirectly } from './event-fixtures';

let s: TestServer;
let admin: TestUser;
let organizer: TestUser;

beforeAll(async () => {
  s = await startTestServer({ seeded: false });
  [admin, organizer] = await Promise.all([
    makeUser(s, 'admin', 'Events Admin'),
    makeUser(s, 'instructor', 'Organizer'),
  ]);
});
afterAll(() => s.close());

const inHours = (h: number) => new Date(s.clock.now().getTime() + h * HOUR);
const seats = async (id: string) => (await s.db.event.findUniqueOrThrow({ where: { id } })).registeredCount;

describe('creating and the status workflow', () => {
  it('creates an event over REST (ISO date-time, decimal price) and shows its local date and time', async () => {
    const res = await s.rest<{ success: boolean; event: Record<string, unknown> }>({
      method: 'POST',
      url: '/api/events',
      headers: s.bearer(admin.token),
      payload: {
        title: 'Evening Panel: Careers in AI',
        startsAt: '2026-12-10T18:30:00Z',
        duration: 90,
        timezone: 'Europe/Paris',
        price: 19.5,
        currency: 'eur',
        capacity: 40,
        isOnline: false,
        location: 'Paris',
        organizerId: organizer.id,
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.event).toMatchObject({
      slug: 'evening-panel-careers-in-ai',
      status: 'upcoming',
      date: '2026-12-10',
      time: '19:30',
      startsAt: '2026-12-10T18:30:00.000Z',
      endsAt: '2026-12-10T20:00:00.000Z',
      price: 19.5,
      currency: 'EUR',
      isFree: false,
      capacity: 40,
      registeredCount: 0,
      spotsLeft: 40,
      organizer: { id: organizer.id },
    });
    const row = await s.db.event.findUniqueOrThrow({ where: { slug: 'evening-panel-careers-in-ai' } });
    expect(row).toMatchObject({ price: 1950, currency: 'EUR', organizerId: organizer.id });
    // The same title again gets the next free slug; a taken slug asked for is a 400 on `slug`.
    const again = await admin.caller.events.create({ title: 'Evening Panel: Careers in AI', startsAt: inHours(48) });
    expect(again.event.slug).toBe('evening-panel-careers-in-ai-2');
    const taken = await s.rest<{ error: { issues: { path: string[] }[] } }>({
      method: 'POST',
      url: '/api/events',
      headers: s.bearer(admin.token),
      payload: { title: 'Other', slug: 'evening-panel-careers-in-ai', startsAt: inHours(48).toISOString() },
    });
    expect(taken.status).toBe(400);
    expect(taken.body.error.issues[0]!.path).toEqual(['slug']);
  });

  it('never gives an event a slug that a fixed path would shadow', async () => {
    const made = await admin.caller.events.create({ title: 'Upcoming', startsAt: inHours(30) });
    expect(made.event.slug).toBe('upcoming-2');
    expect((await s.rest(`/api/events/${made.event.slug}`)).status).toBe(200);
    await expect(
      admin.caller.events.create({ title: 'Mine', slug: 'registered', startsAt: inHours(30) }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(admin.caller.events.update({ id: made.event.id, slug: 'upcoming' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('refuses an event in the past, and bad input with the field named', async () => {
    await expect(admin.caller.events.create({ title: 'Too late', startsAt: inHours(-1) })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'A new event must start in the future.',
    });
    const bad = await s.rest<{ error: { issues: { path: string[] }[] } }>({
      method: 'POST',
      url: '/api/events',
      headers: s.bearer(admin.token),
      payload: { title: 'Bad', startsAt: 'next tuesday', capacity: 0 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i) => i.path[0]).sort()).toEqual(['capacity', 'startsAt']);
  });

  it('moves upcoming → ongoing → completed once started, and refuses the other moves', async () => {
    const e = await makeEvent(s, { organizerId: organizer.id, startsInHours: 2 });
    const to = (status: 'upcoming' | 'ongoing' | 'completed' | 'cancelled') =>
      admin.caller.events.update({ id: e.id, status });
    await expect(to('ongoing')).rejects.toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      message: 'An event can be marked ongoing only once it has started.',
    });
    s.clock.advance(3 * HOUR);
    try {
      expect((await to('ongoing')).event.status).toBe('ongoing');
      await expect(to('upcoming')).rejects.toMatchObject({
        message: 'An event that is ongoing cannot become upcoming (it can become completed or cancelled).',
      });
      expect((await to('completed')).event.status).toBe('completed');
      await expect(to('ongoing')).rejects.toMatchObject({
        message: 'An event that is completed cannot become ongoing: completed is final.',
      });
      // Spellings of the seed are accepted over REST.
      const other = await makeEvent(s, { organizerId: organizer.id, startsInHours: 24 });
      const cancelled = await s.rest<{ event: { status: string } }>({
        method: 'PUT',
        url: `/api/events/${other.id}`,
        headers: s.bearer(admin.token),
        payload: { status: 'CANCELLED' },
      });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.event.status).toBe('cancelled');
      const edit = await s.rest({
        method: 'PUT',
        url: `/api/events/${other.id}`,
        headers: s.bearer(admin.token),
        payload: { title: 'Back from the dead' },
      });
      expect(edit.status).toBe(422);
    } finally {
      s.clock.advance(-3 * HOUR);
    }
  });

  it('never lowers capacity below the registrations, and deleting hides the event', async () => {
    const e = await makeEvent(s, { organizerId: organizer.id, capacity: 5 });
    for (let i = 0; i < 3; i++) await registerDirectly(s, (await makeUser(s, 'student')).id, e.id);
    await expect(admin.caller.events.update({ id: e.id, capacity: 2 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: '3 people are already registered: the capacity cannot be lower than that.',
    });
    expect((await admin.caller.events.update({ id: e.id, capacity: 3 })).event).toMatchObject({
      capacity: 3,
      isFull: true,
      spotsLeft: 0,
    });
    const del = await s.rest({ method: 'DELETE', url: `/api/events/${e.id}`, headers: s.bearer(admin.token) });
    expect(del.status).toBe(200);
    expect((await s.rest(`/api/events/${e.slug}`)).status).toBe(404);
    const row = await s.db.event.findUniqueOrThrow({ where: { id: e.id } });
    expect(row.status).toBe('cancelled');
    expect(row.deletedAt).not.toBeNull();
    // Its three registrants were told.
    expect(await s.db.notification.count({ where: { type: 'event', data: { path: ['eventId'], equals: e.id } } })).toBe(
      3,
    );
  });
});

describe('the list: filters and pages', () => {
  const tag = `filtertag${Date.now().toString(36)}`;
  let cat: { id: string; slug: string };
  let made: {
    id: string;
    slug: string;
    startsAt: Date;
    isOnline: boolean;
    featured: boolean;
    status: string;
    categoryId: string | null;
  }[];

  beforeAll(async () => {
    cat = await s.db.category.create({ data: { name: `Events cat ${tag}`, slug: `events-cat-${tag}` } });
    const specs = [
      { h: 24, online: true, featured: true, status: 'upcoming' as const, cat: true },
      { h: 48, online: false, featured: false, status: 'upcoming' as const, cat: true },
      { h: 72, online: true, featured: false, status: 'upcoming' as const, cat: false },
      { h: 96, online: false, featured: true, status: 'cancelled' as const, cat: false },
      { h: -48, online: true, featured: false, status: 'completed' as const, cat: true },
      { h: 240, online: false, featured: false, status: 'upcoming' as const, cat: false },
      { h: 500, online: true, featured: true, status: 'upcoming' as const, cat: true },
    ];
    made = [];
    for (const sp of specs) {
      const e = await makeEvent(s, {
        organizerId: organizer.id,
        title: `${tag} event ${sp.h}`,
        startsInHours: sp.h,
        isOnline: sp.online,
        featured: sp.featured,
        status: sp.status,
        categoryId: sp.cat ? cat.id : null,
      });
      made.push(e);
    }
  });

  const slugsOf = (events: { slug: string }[]) => events.map((e) => e.slug);
  const expected = (keep: (e: (typeof made)[number]) => boolean) =>
    made
      .filter(keep)
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
      .map((e) => e.slug);

  it('filters by online, featured, status, category and date range (tRPC)', async () => {
    const list = (f: Parameters<typeof s.anonymous.events.list>[0]) =>
      s.anonymous.events.list({ search: tag, limit: 100, ...f }).then((r) => slugsOf(r.events));
    expect(await list({})).toEqual(expected(() => true));
    expect(await list({ isOnline: true })).toEqual(expected((e) => e.isOnline));
    expect(await list({ isOnline: false })).toEqual(expected((e) => !e.isOnline));
    expect(await list({ featured: true })).toEqual(expected((e) => e.featured));
    expect(await list({ status: 'upcoming' })).toEqual(expected((e) => e.status === 'upcoming'));
    expect(await list({ category: cat.slug })).toEqual(expected((e) => e.categoryId === cat.id));
    const from = inHours(30);
    const to = inHours(250);
    expect(await list({ from, to })).toEqual(expected((e) => e.startsAt >= from && e.startsAt <= to));
    expect(await list({ isOnline: true, featured: true, status: 'upcoming' })).toEqual(
      expected((e) => e.isOnline && e.featured && e.status === 'upcoming'),
    );
    // Latest first (past events): the same events in the reverse order.
    expect(await list({ sort: 'latest' })).toEqual(expected(() => true).reverse());
    expect(await list({ to: inHours(100), sort: 'latest' })).toEqual(
      expected((e) => e.startsAt <= inHours(100)).reverse(),
    );
  });

  it('reads the same filters from a REST query string (booleans, days, seed spellings)', async () => {
    const day = (h: number) => inHours(h).toISOString().slice(0, 10);
    const res = await s.rest<{ events: { slug: string }[]; pagination: { total: number } }>(
      `/api/events?search=${tag}&isOnline=false&status=Upcoming&from=${day(30)}&to=${day(250)}&limit=100`,
    );
    expect(res.status).toBe(200);
    const fromDay = new Date(`${day(30)}T00:00:00.000Z`);
    const toDay = new Date(`${day(250)}T23:59:59.999Z`);
    expect(slugsOf(res.body.events)).toEqual(
      expected((e) => !e.isOnline && e.status === 'upcoming' && e.startsAt >= fromDay && e.startsAt <= toDay),
    );
    expect((await s.rest('/api/events?from=2026-12-10&to=2026-12-01')).status).toBe(400);
    expect((await s.rest('/api/events?status=postponed')).status).toBe(400);
  });

  it('pages through everything once, in start order, with the pagination block', async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 4; page++) {
      const r = await s.anonymous.events.list({ search: tag, limit: 2, page });
      expect(r.pagination).toEqual({
        currentPage: page,
        totalPages: 4,
        total: 7,
        totalEvents: 7,
        hasNext: page < 4,
        hasPrev: page > 1,
      });
      seen.push(...slugsOf(r.events));
    }
    expect(seen).toEqual(expected(() => true));
    expect((await s.rest('/api/events?limit=101')).status).toBe(400);
  });

  it('upcoming: only events still to come and on, soonest first', async () => {
    const r = await s.anonymous.events.upcoming({ limit: 50 });
    const mine = slugsOf(r.events).filter((slug) => made.some((e) => e.slug === slug));
    expect(mine).toEqual(expected((e) => e.status === 'upcoming' && e.startsAt > s.clock.now()));
  });
});

describe('registering and cancelling', () => {
  it('frees the seat on cancellation, so someone else gets in; registering again works', async () => {
    const e = await makeEvent(s, { organizerId: organizer.id, capacity: 1 });
    const [a, b] = await Promise.all([makeUser(s, 'student'), makeUser(s, 'student')]);
    expect((await a.caller.events.register({ id: e.id })).created).toBe(true);
    const full = await s.rest<{ error: { message: string } }>({
      method: 'POST',
      url: `/api/events/${e.id}/register`,
      headers: s.bearer(b.token),
      payload: {},
    });
    expect(full.status).toBe(409);
    expect(full.body.error.message).toBe(
      'This event is full: all 1 places are taken. Registration opens again if someone cancels.',
    );

    const cancel = await s.rest<{ registration: { status: string }; event: { registeredCount: number } }>({
      method: 'DELETE',
      url: `/api/events/${e.id}/register`,
      headers: s.bearer(a.token),
    });
    expect(cancel.status).toBe(200);
    expect(cancel.body.registration.status).toBe('cancelled');
    expect(cancel.body.event.registeredCount).toBe(0);
    expect(await seats(e.id)).toBe(0);
    // Cancelling twice changes nothing.
    expect((await a.caller.events.cancelRegistration({ id: e.id })).message).toBe(
      'Your registration was already cancelled.',
    );
    expect(await seats(e.id)).toBe(0);

    expect((await b.caller.events.register({ id: e.id })).created).toBe(true);
    expect(await seats(e.id)).toBe(1);
    await expect(a.caller.events.register({ id: e.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    await b.caller.events.cancelRegistration({ id: e.id });
    expect((await a.caller.events.register({ id: e.id })).registration.status).toBe('registered');
    expect(await seats(e.id)).toBe(1);
    expect(await s.db.eventRegistration.count({ where: { eventId: e.id } })).toBe(2);
  });

  it('refuses what cannot be done, each with a clear answer', async () => {
    const u = await makeUser(s, 'student');
    const past = await makeEvent(s, { organizerId: organizer.id, startsInHours: -2 });
    const cancelled = await makeEvent(s, { organizerId: organizer.id, status: 'cancelled' });
    const paid = await makeEvent(s, { organizerId: organizer.id, price: 2500 });
    const free = await makeEvent(s, { organizerId: organizer.id });
    expect(await outcome(u.caller.events.register({ id: past.id }))).toBe('UNPROCESSABLE_CONTENT');
    await expect(u.caller.events.register({ id: cancelled.id })).rejects.toMatchObject({
      message: 'This event was cancelled: registration is closed.',
    });
    const pay = await s.rest<{ error: { code: string; message: string } }>({
      method: 'POST',
      url: `/api/events/${paid.id}/register`,
      headers: s.bearer(u.token),
      payload: {},
    });
    expect(pay.status).toBe(402);
    expect(pay.body.error.message).toContain('payments.createCheckout');
    expect(pay.body.error.message).toContain(paid.id);
    expect(await seats(paid.id)).toBe(0);
    expect(
      (await s.rest({ method: 'DELETE', url: `/api/events/${free.id}/register`, headers: s.bearer(u.token) })).status,
    ).toBe(404);
    expect(
      (
        await s.rest({
          method: 'POST',
          url: `/api/events/not-a-uuid/register`,
          headers: s.bearer(u.token),
          payload: {},
        })
      ).status,
    ).toBe(400);
    const unknown = await s.rest({
      method: 'POST',
      url: `/api/events/0190a0a0-0000-7000-8000-000000000000/register`,
      headers: s.bearer(u.token),
      payload: {},
    });
    expect(unknown.status).toBe(404);

    // Nor after the start.
    const started = await makeEvent(s, { organizerId: organizer.id, startsInHours: -1 });
    await registerDirectly(s, u.id, started.id);
    await expect(u.caller.events.cancelRegistration({ id: started.id })).rejects.toMatchObject({
      message: 'This event has already started: the registration can no longer be cancelled.',
    });
    expect(await seats(started.id)).toBe(1);
  });

  it('lists my events, with cancelled registrations left out unless the event itself was cancelled', async () => {
    const u = await makeUser(s, 'student');
    const [kept, left, called] = await Promise.all([
      makeEvent(s, { organizerId: organizer.id, startsInHours: 10 }),
      makeEvent(s, { organizerId: organizer.id, startsInHours: 20 }),
      makeEvent(s, { organizerId: organizer.id, startsInHours: 30 }),
    ]);
    await registerDirectly(s, u.id, kept.id);
    await registerDirectly(s, u.id, left.id, 'cancelled');
    await registerDirectly(s, u.id, called.id);
    await admin.caller.events.update({ id: called.id, status: 'cancelled' });
    const mine = await u.caller.events.registered();
    expect(mine.events.map((e) => [e.slug, e.status, e.registration.status])).toEqual([
      [kept.slug, 'upcoming', 'registered'],
      [called.slug, 'cancelled', 'registered'],
    ]);
    expect(mine.pagination.total).toBe(2);
  });
});

describe('attendance and feedback', () => {
  it('attendance: by the organizer once the event has started, for registrants only', async () => {
    const e = await makeEvent(s, { organizerId: organizer.id, startsInHours: 3 });
    const [a, b, outsider] = await Promise.all([
      makeUser(s, 'student'),
      makeUser(s, 'student'),
      makeUser(s, 'student'),
    ]);
    await registerDirectly(s, a.id, e.id);
    await registerDirectly(s, b.id, e.id);
    const mark = (attendance: { userId: string; status: 'attended' | 'no_show' }[]) =>
      organizer.caller.events.markAttendance({ id: e.id, attendance });
    await expect(mark([{ userId: a.id, status: 'attended' }])).rejects.toMatchObject({
      message: 'Attendance can be marked once the event has started.',
    });
    s.clock.advance(4 * HOUR);
    try {
      await expect(
        mark([
          { userId: a.id, status: 'attended' },
          { userId: outsider.id, status: 'attended' },
        ]),
      ).rejects.toMatchObject({
        code: 'UNPROCESSABLE_CONTENT',
        message: expect.stringContaining(outsider.id) as string,
      });
      expect(await s.db.eventRegistration.count({ where: { eventId: e.id, status: 'attended' } })).toBe(0);
      const res = await s.rest<{ updated: number; registrations: { userId: string; status: string }[] }>({
        method: 'POST',
        url: `/api/events/${e.id}/attendance`,
        headers: s.bearer(organizer.token),
        payload: {
          attendance: [
            { userId: a.id, status: 'attended' },
            { userId: b.id, status: 'no-show' },
          ],
        },
      });
      expect(res.status).toBe(200);
      expect(res.body.updated).toBe(2);
      const statuses = Object.fromEntries(res.body.registrations.map((r) => [r.userId, r.status]));
      expect(statuses).toEqual({ [a.id]: 'attended', [b.id]: 'no_show' });
      // The organizer's list of who registered shows it, with names and emails.
      const list = await s.rest<{ registrations: { userId: string; status: string; user: { email: string } }[] }>({
        url: `/api/events/${e.id}/attendance`,
        headers: s.bearer(organizer.token),
      });
      expect(list.status).toBe(200);
      expect(Object.fromEntries(list.body.registrations.map((r) => [r.userId, r.status]))).toEqual(statuses);
      // The seed's names are answered beside ours.
      const first = (list.body.registrations as unknown as Record<string, unknown>[])[0]!;
      expect(first.attendanceStatus).toBe(first.status);
      expect(first.registrationDate).toBe(first.registeredAt);
      expect(list.body.registrations.every((r) => r.user.email.includes('@'))).toBe(true);
    } finally {
      s.clock.advance(-4 * HOUR);
    }
  });

  it('feedback: a registrant, after the end, 1 to 5, once; not someone marked absent', async () => {
    const e = await makeEvent(s, { organizerId: organizer.id, startsInHours: 1, durationMinutes: 60 });
    const [a, absent, outsider] = await Promise.all([
      makeUser(s, 'student'),
      makeUser(s, 'student'),
      makeUser(s, 'student'),
    ]);
    await registerDirectly(s, a.id, e.id);
    await registerDirectly(s, absent.id, e.id, 'no_show');
    await expect(a.caller.events.feedback({ id: e.id, rating: 5 })).rejects.toMatchObject({
      message: 'Feedback opens once the event is over.',
    });
    s.clock.advance(2 * HOUR + 1);
    try {
      const bad = await s.rest<{ error: { issues: { path: string[] }[] } }>({
        method: 'POST',
        url: `/api/events/${e.id}/feedback`,
        headers: s.bearer(a.token),
        payload: { rating: 6 },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.issues[0]!.path).toEqual(['rating']);
      expect(await outcome(outsider.caller.events.feedback({ id: e.id, rating: 3 }))).toBe('FORBIDDEN');
      await expect(absent.caller.events.feedback({ id: e.id, rating: 1 })).rejects.toMatchObject({
        message: 'You were marked as absent from this event, so you cannot rate it.',
      });
      const ok = await s.rest<{ registration: { feedbackRating: number; feedbackComment: string } }>({
        method: 'POST',
        url: `/api/events/${e.id}/feedback`,
        headers: s.bearer(a.token),
        payload: { rating: 4, comment: '  Clear and practical.  ' },
      });
      expect(ok.status).toBe(200);
      expect(ok.body.registration).toMatchObject({ feedbackRating: 4, feedbackComment: 'Clear and practical.' });
      const twice = await s.rest({
        method: 'POST',
        url: `/api/events/${e.id}/feedback`,
        headers: s.bearer(a.token),
        payload: { rating: 1 },
      });
      expect(twice.status).toBe(409);
      const row = await s.db.eventRegistration.findUniqueOrThrow({
        where: { userId_eventId: { userId: a.id, eventId: e.id } },
      });
      expect(row.feedbackRating).toBe(4);
    } finally {
      s.clock.advance(-(2 * HOUR + 1));
    }
  });
});

describe('the day-before reminder', () => {
  const noMail: Mailer = { send: () => Promise.reject(new Error('the reminder task only queues emails')) };
  const runReminders = async () => {
    await s.db.$executeRaw`SELECT graphile_worker.add_job(${SEND_EVENT_REMINDERS_TASK}::text, '{}'::json)`;
    await runJobsOnce({
      connectionString: s.url,
      mailer: noMail,
      clock: s.clock,
      log: silentJobLog,
      publicWebUrl: 'https://app.example.test',
      only: [SEND_EVENT_REMINDERS_TASK],
    });
  };

  it('also moves events along as time passes: started → ongoing, over → completed, cancelled left alone', async () => {
    const running = await makeEvent(s, { organizerId: organizer.id, startsInHours: -1, durationMinutes: 120 });
    const over = await makeEvent(s, { organizerId: organizer.id, startsInHours: -5, durationMinutes: 60 });
    const overOngoing = await makeEvent(s, { organizerId: organizer.id, startsInHours: -5, status: 'ongoing' });
    const off = await makeEvent(s, { organizerId: organizer.id, startsInHours: -5, status: 'cancelled' });
    const ahead = await makeEvent(s, { organizerId: organizer.id, startsInHours: 5 });
    await runReminders();
    const status = async (id: string) => (await s.db.event.findUniqueOrThrow({ where: { id } })).status;
    expect({
      running: await status(running.id),
      over: await status(over.id),
      overOngoing: await status(overOngoing.id),
      off: await status(off.id),
      ahead: await status(ahead.id),
    }).toEqual({
      running: 'ongoing',
      over: 'completed',
      overOngoing: 'completed',
      off: 'cancelled',
      ahead: 'upcoming',
    });
  });

  it('is scheduled hourly in the worker crontab', () => {
    expect(CRONTAB.split('\n')).toContain(`0 * * * * ${SEND_EVENT_REMINDERS_TASK} ?fill=1h&max=1`);
  });

  it('reminds the registrants of events within a day, once each, however often it runs', async () => {
    const soon = await makeEvent(s, { organizerId: organizer.id, startsInHours: 20, title: 'Reminder soon' });
    const later = await makeEvent(s, { organizerId: organizer.id, startsInHours: 30 });
    const cancelledEvent = await makeEvent(s, { organizerId: organizer.id, startsInHours: 10, status: 'cancelled' });
    const [a, b, quitter] = await Promise.all([makeUser(s, 'student'), makeUser(s, 'student'), makeUser(s, 'student')]);
    const email = async (id: string) => (await s.db.user.findUniqueOrThrow({ where: { id } })).email;
    await registerDirectly(s, a.id, soon.id);
    await registerDirectly(s, b.id, soon.id);
    await registerDirectly(s, quitter.id, soon.id, 'cancelled');
    await registerDirectly(s, a.id, later.id);
    await registerDirectly(s, a.id, cancelledEvent.id);

    await runReminders();
    await runReminders();
    await Promise.all([runReminders(), runReminders()]);

    const remindersTo = async (id: string) =>
      (await deliveredEmails(s, await email(id))).filter((m) => m.template === 'event-reminder');
    const toA = await remindersTo(a.id);
    expect(toA).toHaveLength(1);
    expect(toA[0]!.text).toContain('Reminder soon');
    expect(toA[0]!.link).toBe(`https://app.example.test/events/${soon.slug}`);
    expect(await remindersTo(b.id)).toHaveLength(1);
    expect(await remindersTo(quitter.id)).toHaveLength(0);
    expect(
      await s.db.notification.count({ where: { userId: a.id, type: 'event', title: { startsWith: 'Tomorrow' } } }),
    ).toBe(1);
    const reg = await s.db.eventRegistration.findMany({ where: { eventId: soon.id, status: 'registered' } });
    expect(reg.every((r) => r.reminderSentAt !== null)).toBe(true);

    // Moved to another day: the reminder is due again for the new date.
    await admin.caller.events.update({ id: soon.id, startsAt: inHours(23) });
    await runReminders();
    expect(await remindersTo(b.id)).toHaveLength(2);
    await runReminders();
    expect(await remindersTo(b.id)).toHaveLength(2);

    // A day later, the next event's turn: its registrant is reminded, the first one is not again.
    s.clock.advance(DAY);
    try {
      await runReminders();
      expect(await remindersTo(a.id)).toHaveLength(3);
      expect(await remindersTo(b.id)).toHaveLength(2);
    } finally {
      s.clock.advance(-DAY);
    }
  });
});
