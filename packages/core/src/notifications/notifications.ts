import type { Db, Notification as NotificationRow } from '@learningpt/db';
import type { Notification, NotificationListOutput } from '@learningpt/schema';
import { AppError } from '../shared/errors';
import type { Clock } from '../shared/clock';
import { pageOffset, paginationMeta } from '../shared/pagination';

function toNotification(n: NotificationRow): Notification {
  const data = n.data !== null && typeof n.data === 'object' && !Array.isArray(n.data) ? n.data : null;
  return {
    id: n.id,
    type: n.type,
    title: n.title,
    body: n.body,
    link: n.link,
    data,
    read: n.readAt !== null,
    readAt: n.readAt,
    createdAt: n.createdAt,
  };
}

const unreadCount = (db: Db, userId: string) => db.notification.count({ where: { userId, readAt: null } });

/** The user's notifications, newest first, with the unread count for the badge. */
export async function listNotifications({
  db,
  userId,
  page,
  limit,
  unread,
}: {
  db: Db;
  userId: string;
  page: number;
  limit: number;
  unread: boolean;
}): Promise<NotificationListOutput> {
  const where = { userId, ...(unread ? { readAt: null } : {}) };
  const [total, rows, unreadTotal] = await Promise.all([
    db.notification.count({ where }),
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: pageOffset(page, limit),
      take: limit,
    }),
    unreadCount(db, userId),
  ]);
  return {
    notifications: rows.map(toNotification),
    unreadCount: unreadTotal,
    pagination: paginationMeta(total, page, limit),
  };
}

/** Marks one of the user's notifications read; someone else's is NOT_FOUND (it is not theirs to see). */
export async function markNotificationRead({
  db,
  clock,
  userId,
  id,
}: {
  db: Db;
  clock: Clock;
  userId: string;
  id: string;
}) {
  // Conditional update: the first read time is kept, and only the owner's row matches.
  await db.notification.updateMany({ where: { id, userId, readAt: null }, data: { readAt: clock.now() } });
  const row = await db.notification.findFirst({ where: { id, userId } });
  if (!row) throw new AppError('NOT_FOUND', 'Notification not found');
  return { notification: toNotification(row), unreadCount: await unreadCount(db, userId) };
}

export async function markAllNotificationsRead({ db, clock, userId }: { db: Db; clock: Clock; userId: string }) {
  const { count } = await db.notification.updateMany({
    where: { userId, readAt: null },
    data: { readAt: clock.now() },
  });
  return { updated: count, unreadCount: await unreadCount(db, userId) };
}
