// The meeting link and password of an online event reach only the people who may join: its
// registrants, its organizer and admins. For anyone else (anonymous, signed in but not
// registered, registered and then cancelled) the keys are absent, on both faces.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness';
import { makeUser, type TestUser } from '../../testing/learning-fixtures';
import { makeEvent, registerDirectly } from './event-fixtures';

let s: TestServer;
let organizer: TestUser;
let admin: TestUser;
let registrant: TestUser;
let stranger: TestUser;
let quitter: TestUser;
let event: Awaited<ReturnType<typeof makeEvent>>;
const LINK = 'https://meet.example.org/only-for-registrants';
const PASSWORD = 'p4ss-only-for-registrants';

beforeAll(async () => {
  s = await startTestServer();
  [organizer, admin, registrant, stranger, quitter] = await Promise.all([
    makeUser(s, 'instructor', 'Organizer'),
    makeUser(s, 'admin', 'Events Admin'),
    makeUser(s, 'student', 'Registrant'),
    makeUser(s, 'student', 'Stranger'),
    makeUser(s, 'student', 'Quitter'),
  ]);
  event = await makeEvent(s, { organizerId: organizer.id, meetingUrl: LINK, meetingPassword: PASSWORD, capacity: 20 });
  await registerDirectly(s, registrant.id, event.id);
  await registerDirectly(s, quitter.id, event.id, 'cancelled');
});
afterAll(() => s.close());

const secretIn = (body: unknown) => {
  const text = JSON.stringify(body);
  return text.includes(LINK) || text.includes(PASSWORD);
};

describe('events.bySlug on the tRPC face', () => {
  it.each([
    ['anonymous', () => s.anonymous],
    ['a signed-in user who is not registered', () => stranger.caller],
    ['a user whose registration is cancelled', () => quitter.caller],
  ])('leaves the link out for %s', async (_who, caller) => {
    const got = await caller().events.bySlug({ slug: event.slug });
    expect(got.event).not.toHaveProperty('meetingLink');
    expect(got.event).not.toHaveProperty('meetingPassword');
    expect(secretIn(got)).toBe(false);
    expect(got.event.slug).toBe(event.slug);
  });

  it.each([
    ['a registrant', () => registrant.caller],
    ['the organizer', () => organizer.caller],
    ['an admin', () => admin.caller],
  ])('shows the link and password to %s', async (_who, caller) => {
    const got = await caller().events.bySlug({ slug: event.slug });
    expect(got.event).toMatchObject({ meetingLink: LINK, meetingPassword: PASSWORD });
  });

  it('marks the registrant as registered, and nobody else', async () => {
    expect((await registrant.caller.events.bySlug({ slug: event.slug })).isRegistered).toBe(true);
    expect((await stranger.caller.events.bySlug({ slug: event.slug })).isRegistered).toBe(false);
    expect((await quitter.caller.events.bySlug({ slug: event.slug })).isRegistered).toBe(false);
  });
});

describe('GET /api/events/{slug} on the REST face', () => {
  it('leaves the link out for anonymous and unregistered callers', async () => {
    for (const headers of [{}, s.bearer(stranger.token), s.bearer(quitter.token)]) {
      const res = await s.rest<{ success: boolean; event: Record<string, unknown> }>({
        url: `/api/events/${event.slug}`,
        headers,
      });
      expect(res.status).toBe(200);
      expect(res.body.success).toBe(true);
      expect(res.body.event).not.toHaveProperty('meetingLink');
      expect(res.body.event).not.toHaveProperty('meetingPassword');
      expect(secretIn(res.body)).toBe(false);
    }
  });

  it('shows it to a registrant', async () => {
    const res = await s.rest<{ event: Record<string, unknown> }>({
      url: `/api/events/${event.slug}`,
      headers: s.bearer(registrant.token),
    });
    expect(res.status).toBe(200);
    expect(res.body.event).toMatchObject({ meetingLink: LINK, meetingPassword: PASSWORD });
  });
});

describe('the other reads', () => {
  it('never carry the link in the public list or upcoming, even for a registrant', async () => {
    for (const headers of [{}, s.bearer(registrant.token), s.bearer(admin.token)]) {
      const list = await s.rest({ url: '/api/events?limit=100', headers });
      const upcoming = await s.rest({ url: '/api/events/upcoming?limit=50', headers });
      expect(list.status).toBe(200);
      expect(upcoming.status).toBe(200);
      expect(JSON.stringify(list.body)).toContain(event.slug);
      expect(secretIn(list.body)).toBe(false);
      expect(secretIn(upcoming.body)).toBe(false);
    }
    expect(secretIn(await s.anonymous.events.list({ limit: 100 }))).toBe(false);
  });

  it('GET /api/events/registered gives the registrant the link, and a user registering gets it in the answer', async () => {
    const mine = await s.rest<{ events: { slug: string; meetingLink?: string }[] }>({
      url: '/api/events/registered',
      headers: s.bearer(registrant.token),
    });
    expect(mine.status).toBe(200);
    expect(mine.body.events.find((e) => e.slug === event.slug)?.meetingLink).toBe(LINK);
    // The stranger's own list has nothing of it.
    const theirs = await s.rest({ url: '/api/events/registered', headers: s.bearer(stranger.token) });
    expect(secretIn(theirs.body)).toBe(false);

    const late = await makeUser(s, 'student');
    const before = await late.caller.events.bySlug({ slug: event.slug });
    expect(before.event).not.toHaveProperty('meetingLink');
    const reg = await s.rest<{ event: { meetingLink?: string } }>({
      method: 'POST',
      url: `/api/events/${event.id}/register`,
      headers: s.bearer(late.token),
      payload: {},
    });
    expect(reg.status).toBe(200);
    expect(reg.body.event.meetingLink).toBe(LINK);
    expect((await late.caller.events.bySlug({ slug: event.slug })).event.meetingLink).toBe(LINK);
  });
});

describe('the demo events', () => {
  it('are served: free and paid, online and in person, upcoming and past; the demo password only to the organizer', async () => {
    const all = await s.anonymous.events.list({ limit: 100 });
    const demo = all.events.filter((e) => !e.slug.startsWith('test-event-'));
    expect(demo.length).toBeGreaterThanOrEqual(6);
    for (const has of [
      (e: (typeof demo)[number]) => e.isFree,
      (e: (typeof demo)[number]) => !e.isFree,
      (e: (typeof demo)[number]) => e.isOnline,
      (e: (typeof demo)[number]) => !e.isOnline,
      (e: (typeof demo)[number]) => e.status === 'upcoming',
      (e: (typeof demo)[number]) => e.status === 'completed',
    ]) {
      expect(demo.some(has)).toBe(true);
    }
    const masterclass = await s.anonymous.events.bySlug({ slug: 'design-systems-masterclass' });
    expect(masterclass.event).not.toHaveProperty('meetingPassword');
    const row = await s.db.event.findUniqueOrThrow({ where: { slug: 'design-systems-masterclass' } });
    const sofia = s.withToken((await s.sessionFor('instructor', row.organizerId)).token);
    expect((await sofia.events.bySlug({ slug: 'design-systems-masterclass' })).event).toMatchObject({
      meetingLink: 'https://meet.learningpt.dev/design-systems-masterclass',
      meetingPassword: 'tokens-2030',
    });
  });
});
