import type { Db, Prisma } from '@learningpt/db';
import type { Clock } from '../shared/clock';

/**
 * The one way notifications are created. Pass the caller's transaction as `db` so the
 * notification exists exactly when the change it reports does.
 */
export async function notify({
  db,
  clock,
  userId,
  type,
  title,
  body,
  link = null,
  data,
}: {
  db: Db | Prisma.TransactionClient;
  clock: Clock;
  userId: string;
  /** A short code: 'enrollment', 'quiz_result', 'certificate', 'payment', 'event', 'system', ... */
  type: string;
  title: string;
  body: string;
  /** A path in the web app, e.g. /programs/react-mastery. */
  link?: string | null;
  data?: Record<string, Prisma.InputJsonValue>;
}): Promise<{ id: string }> {
  return db.notification.create({
    data: {
      userId,
      type,
      title,
      body,
      link,
      ...(data !== undefined ? { data } : {}),
      createdAt: clock.now(),
    },
    select: { id: true },
  });
}
