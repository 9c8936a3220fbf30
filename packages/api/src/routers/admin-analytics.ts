import {
  adminDashboard,
  analyticsOverview,
  eventAnalytics,
  programAnalytics,
  resolveRange,
  revenueAnalytics,
  userAnalytics,
} from '@learningpt/core';
import {
  ZAnalyticsOverviewOutput,
  ZAnalyticsRangeInput,
  ZDashboardInput,
  ZDashboardOutput,
  ZEventAnalyticsOutput,
  ZProgramAnalyticsOutput,
  ZRevenueAnalyticsOutput,
  ZUserAnalyticsOutput,
} from '@learningpt/schema';
import { adminProcedure, createTRPCRouter } from '../trpc';

const tags = ['admin'];

/** admin.dashboard: totals, this month against last month, and the growth charts. */
export const adminDashboardProcedure = adminProcedure
  .meta({
    route: { method: 'GET', path: '/admin/dashboard', tags, summary: 'Totals, this month and growth charts' },
  })
  .input(ZDashboardInput)
  .output(ZDashboardOutput)
  .query(({ ctx, input }) => adminDashboard({ db: ctx.db, clock: ctx.clock }, input));

/**
 * admin.analytics.*: figures over a range of UTC days (default: the last 30), defined in
 * docs/analytics.md. The CSV reports are a plain route (apps/server/src/plugins/reports.ts).
 */
export const adminAnalyticsRouter = createTRPCRouter({
  overview: adminProcedure
    .meta({ route: { method: 'GET', path: '/admin/analytics', tags, summary: 'Revenue, users, programs and events' } })
    .input(ZAnalyticsRangeInput)
    .output(ZAnalyticsOverviewOutput)
    .query(({ ctx, input }) => analyticsOverview({ db: ctx.db, clock: ctx.clock }, input)),

  revenue: adminProcedure
    .meta({ route: { method: 'GET', path: '/analytics/revenue', tags, summary: 'Revenue net of refunds' } })
    .input(ZAnalyticsRangeInput)
    .output(ZRevenueAnalyticsOutput)
    .query(async ({ ctx, input }) => ({
      analytics: await revenueAnalytics({ db: ctx.db, clock: ctx.clock }, resolveRange(ctx.clock, input)),
    })),

  users: adminProcedure
    .meta({ route: { method: 'GET', path: '/analytics/users', tags, summary: 'New and active users, retention' } })
    .input(ZAnalyticsRangeInput)
    .output(ZUserAnalyticsOutput)
    .query(async ({ ctx, input }) => ({
      analytics: await userAnalytics({ db: ctx.db, clock: ctx.clock }, resolveRange(ctx.clock, input)),
    })),

  programs: adminProcedure
    .meta({
      route: { method: 'GET', path: '/analytics/courses', tags, summary: 'Enrollments, completions, conversion' },
    })
    .input(ZAnalyticsRangeInput)
    .output(ZProgramAnalyticsOutput)
    .query(async ({ ctx, input }) => ({
      analytics: await programAnalytics({ db: ctx.db, clock: ctx.clock }, resolveRange(ctx.clock, input)),
    })),

  events: adminProcedure
    .meta({
      route: { method: 'GET', path: '/analytics/events', tags, summary: 'Registrations, attendance, fill rate' },
    })
    .input(ZAnalyticsRangeInput)
    .output(ZEventAnalyticsOutput)
    .query(async ({ ctx, input }) => ({
      analytics: await eventAnalytics({ db: ctx.db, clock: ctx.clock }, resolveRange(ctx.clock, input)),
    })),
});
