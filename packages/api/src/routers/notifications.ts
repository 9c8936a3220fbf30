import { listNotifications, markAllNotificationsRead, markNotificationRead } from '@learningpt/core';
import {
  ZMarkAllReadOutput,
  ZNotificationIdInput,
  ZNotificationListInput,
  ZNotificationListOutput,
  ZNotificationOutput,
} from '@learningpt/schema';
import { authedProcedure, createTRPCRouter } from '../trpc';

const tags = ['notifications'];

export const notificationsRouter = createTRPCRouter({
  list: authedProcedure
    .meta({ route: { method: 'GET', path: '/notifications', tags, summary: 'My notifications and unread count' } })
    .input(ZNotificationListInput)
    .output(ZNotificationListOutput)
    .query(({ ctx, input }) => listNotifications({ db: ctx.db, userId: ctx.session.user.userId, ...input })),

  markRead: authedProcedure
    .meta({ route: { method: 'PUT', path: '/notifications/{id}/read', tags, summary: 'Mark one notification read' } })
    .input(ZNotificationIdInput)
    .output(ZNotificationOutput)
    .mutation(({ ctx, input }) =>
      markNotificationRead({ db: ctx.db, clock: ctx.clock, userId: ctx.session.user.userId, id: input.id }),
    ),

  markAllRead: authedProcedure
    .meta({
      route: { method: 'PUT', path: '/notifications/read-all', tags, summary: 'Mark all my notifications read' },
    })
    .output(ZMarkAllReadOutput)
    .mutation(({ ctx }) => markAllNotificationsRead({ db: ctx.db, clock: ctx.clock, userId: ctx.session.user.userId })),
});
