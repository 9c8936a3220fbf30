// notifications.*: a user's own notifications only; unread counts from the rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify } from '@learningpt/core';
import { UNREAD_NOTIFICATIONS } from '../../../../../prisma/seed/fixtures';
import { startTestServer, type TestServer } from '../../testing/harness';
import { makeUser } from '../../testing/learning-fixtures';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

describe('notifications', () => {
  it("lists a seeded user's notifications newest first with the unread count", async () => {
    const [email, unread] = Object.entries(UNREAD_NOTIFICATIONS).find(([, n]) => n > 0)!;
    const user = await s.db.user.findUniqueOrThrow({ where: { email } });
    const caller = await s.as(user.role, user.id);
    const out = await caller.notifications.list({ limit: 100 });
    const rows = await s.db.notification.findMany({
      where: { userId: user.id },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    });
    expect(out.unreadCount).toBe(unread);
    expect(out.notifications.map((n) => n.id)).toEqual(rows.map((r) => r.id));
    expect(out.notifications.filter((n) => !n.read)).toHaveLength(unread);
    const onlyUnread = await caller.notifications.list({ unread: true });
    expect(onlyUnread.notifications.every((n) => !n.read)).toBe(true);
    expect(onlyUnread.pagination.total).toBe(unread);
  });

  it('creates through notify(), marks one read (own only: another user gets 404), then all', async () => {
    const [me, other] = await Promise.all([makeUser(s, 'student'), makeUser(s, 'student')]);
    const ids = [];
    for (let i = 0; i < 3; i++) {
      s.clock.advance(1000);
      ids.push(
        (
          await notify({
            db: s.db,
            clock: s.clock,
            userId: me.id,
            type: 'system',
            title: `Note ${i}`,
            body: 'Body',
            link: '/dashboard',
            data: { n: i },
          })
        ).id,
      );
    }
    const list = await me.caller.notifications.list();
    expect(list).toMatchObject({ unreadCount: 3, pagination: { total: 3 } });
    expect(list.notifications[0]).toMatchObject({
      id: ids[2],
      title: 'Note 2',
      data: { n: 2 },
      read: false,
      link: '/dashboard',
    });

    await expect(other.caller.notifications.markRead({ id: ids[0]! })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const restOther = await s.rest({
      method: 'PUT',
      url: `/api/notifications/${ids[0]}/read`,
      headers: s.bearer(other.token),
    });
    expect(restOther.status).toBe(404);
    expect((await s.db.notification.findUniqueOrThrow({ where: { id: ids[0]! } })).readAt).toBeNull();

    const read = await s.rest<{ success: boolean; notification: { read: boolean }; unreadCount: number }>({
      method: 'PUT',
      url: `/api/notifications/${ids[0]}/read`,
      headers: s.bearer(me.token),
    });
    expect(read.body).toMatchObject({ success: true, notification: { read: true }, unreadCount: 2 });
    const firstReadAt = (await s.db.notification.findUniqueOrThrow({ where: { id: ids[0]! } })).readAt;
    s.clock.advance(5000);
    await me.caller.notifications.markRead({ id: ids[0]! }); // again: the first read time stays
    expect((await s.db.notification.findUniqueOrThrow({ where: { id: ids[0]! } })).readAt).toEqual(firstReadAt);

    const otherNote = await notify({
      db: s.db,
      clock: s.clock,
      userId: other.id,
      type: 'system',
      title: 'Yours',
      body: 'x',
    });
    const all = await s.rest<{ updated: number; unreadCount: number }>({
      method: 'PUT',
      url: '/api/notifications/read-all',
      headers: s.bearer(me.token),
    });
    expect(all.body).toMatchObject({ updated: 2, unreadCount: 0 });
    expect(await s.db.notification.count({ where: { userId: me.id, readAt: null } })).toBe(0);
    expect((await s.db.notification.findUniqueOrThrow({ where: { id: otherNote.id } })).readAt).toBeNull();
    expect((await s.rest('/api/notifications')).status).toBe(401);
  });
});
