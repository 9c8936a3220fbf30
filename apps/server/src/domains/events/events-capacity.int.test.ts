// Capacity under a burst: 100 people register at once over the REST face for an event with 10
// places. The database decides (conditional UPDATE of registeredCount in the registration's
// transaction): exactly 10 get in, the 90 others get a clear 409, and nothing is over-counted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/harness';
import { makeUser, type TestUser } from '../../testing/learning-fixtures';
import { makeEvent } from './event-fixtures';

let s: TestServer;
let admin: TestUser;

beforeAll(async () => {
  s = await startTestServer({ poolMax: 10 });
  admin = await makeUser(s, 'admin', 'Capacity Admin');
});
afterAll(() => s.close());

describe('POST /api/events/{id}/register under concurrency', () => {
  it('lets exactly `capacity` of 100 concurrent registrants in; the others get 409 "full"', async () => {
    const event = await makeEvent(s, { organizerId: admin.id, capacity: 10 });
    const users: TestUser[] = [];
    for (let i = 0; i < 100; i++) users.push(await makeUser(s, 'student', `Burst ${i}`));

    const answers = await Promise.all(
      users.map((u) =>
        s.rest<{ success: boolean; error?: { code: string; message: string } }>({
          method: 'POST',
          url: `/api/events/${event.id}/register`,
          headers: s.bearer(u.token),
          payload: {},
        }),
      ),
    );

    const byStatus = new Map<number, number>();
    for (const a of answers) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
    expect(Object.fromEntries(byStatus)).toEqual({ 200: 10, 409: 90 });
    for (const a of answers.filter((x) => x.status === 409)) {
      expect(a.body).toMatchObject({ success: false, error: { code: 'CONFLICT' } });
      expect(a.body.error!.message).toMatch(/full/i);
    }
    const row = await s.db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect(row.registeredCount).toBe(10);
    expect(await s.db.eventRegistration.count({ where: { eventId: event.id, status: 'registered' } })).toBe(10);
    expect(await s.db.eventRegistration.count({ where: { eventId: event.id } })).toBe(10);
    // The 10 who got a 200 are the 10 rows.
    const winners = users
      .filter((_, i) => answers[i]!.status === 200)
      .map((u) => u.id)
      .sort();
    const rows = await s.db.eventRegistration.findMany({ where: { eventId: event.id }, select: { userId: true } });
    expect(rows.map((r) => r.userId).sort()).toEqual(winners);
  });

  it('answers the same registration to one user registering twice at once (no second seat)', async () => {
    const event = await makeEvent(s, { organizerId: admin.id, capacity: 5 });
    const u = await makeUser(s, 'student');
    const answers = await Promise.all(
      [1, 2, 3].map(() =>
        s.rest<{ created: boolean; registration: { id: string } }>({
          method: 'POST',
          url: `/api/events/${event.id}/register`,
          headers: s.bearer(u.token),
          payload: {},
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.filter((a) => a.body.created)).toHaveLength(1);
    expect(new Set(answers.map((a) => a.body.registration.id)).size).toBe(1);
    expect((await s.db.event.findUniqueOrThrow({ where: { id: event.id } })).registeredCount).toBe(1);
  });
});
