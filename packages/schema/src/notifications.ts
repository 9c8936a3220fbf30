import { z } from 'zod';
import { ZId, ZPagination, paginationInput } from './common';

export const ZNotification = z.object({
  id: ZId,
  /** A short code: 'enrollment', 'quiz_result', 'certificate', 'payment', 'event', 'system', ... */
  type: z.string(),
  title: z.string(),
  body: z.string(),
  /** A path in the web app to open, e.g. /programs/react-mastery. */
  link: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
  read: z.boolean(),
  readAt: z.date().nullable(),
  createdAt: z.date(),
});
export type Notification = z.infer<typeof ZNotification>;

export const ZNotificationListInput = z
  .object({
    ...paginationInput(20),
    /** Only the unread ones. */
    unread: z.boolean().default(false),
  })
  .default({ page: 1, limit: 20, unread: false });

export const ZNotificationListOutput = z.object({
  notifications: z.array(ZNotification),
  unreadCount: z.number().int(),
  pagination: ZPagination,
});
export type NotificationListOutput = z.infer<typeof ZNotificationListOutput>;

export const ZNotificationIdInput = z.object({ id: ZId });
export const ZNotificationOutput = z.object({ notification: ZNotification, unreadCount: z.number().int() });
export const ZMarkAllReadOutput = z.object({ updated: z.number().int(), unreadCount: z.number().int() });
