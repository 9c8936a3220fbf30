// admin.dashboard, admin.analytics.* and the CSV reports (definitions: docs/analytics.md).
import { z } from 'zod';
import { ZCurrency, ZMoney } from './common';

const ZDay = z.iso.date({ message: 'Use a date like 2026-11-30' });

/** A range of whole UTC days, both ends included; default: the last 30 days up to today. */
export const ZAnalyticsRangeInput = z
  .object({ from: ZDay.optional(), to: ZDay.optional() })
  .refine((r) => !r.from || !r.to || r.from <= r.to, {
    message: '`from` must be on or before `to`.',
    path: ['from'],
  })
  .default({});
export type AnalyticsRangeInput = z.input<typeof ZAnalyticsRangeInput>;

export const ZDashboardInput = z
  .object({
    /** `day`: the last 30 days (default); `month`: the last 12 months. */
    granularity: z.enum(['day', 'month']).default('day'),
  })
  .default({ granularity: 'day' });
export type DashboardInput = z.input<typeof ZDashboardInput>;

const ZCount = z.number().int().nonnegative();
const ZRate = z.number().min(0).max(1);
const ZGranularity = z.enum(['day', 'month']);

const ZCurrencyRevenue = z.object({
  currency: ZCurrency,
  paidOrders: ZCount,
  grossRevenue: ZMoney,
  refunds: ZMoney,
  netRevenue: ZMoney,
});

export const ZDashboardOutput = z.object({
  stats: z.object({
    /** Users not deleted (any status but `deleted`). */
    totalUsers: ZCount,
    totalStudents: ZCount,
    totalInstructors: ZCount,
    totalAdmins: ZCount,
    /** Programs not deleted (any status); `publishedPrograms` of them published. */
    totalPrograms: ZCount,
    publishedPrograms: ZCount,
    totalEnrollments: ZCount,
    totalOrders: ZCount,
    paidOrders: ZCount,
    /** The main currency (the one with the most net revenue; USD when nothing was sold). */
    currency: ZCurrency,
    /** Net of refunds, in `currency`; every currency in `revenueByCurrency`. */
    totalRevenue: ZMoney,
    revenueByCurrency: z.array(ZCurrencyRevenue),
    activeSubscriptions: ZCount,
    totalEvents: ZCount,
    upcomingEvents: ZCount,
    totalRegistrations: ZCount,
    totalCertificates: ZCount,
    newUsersThisMonth: ZCount,
    newUsersLastMonth: ZCount,
    enrollmentsThisMonth: ZCount,
    enrollmentsLastMonth: ZCount,
    ordersThisMonth: ZCount,
    ordersLastMonth: ZCount,
    revenueThisMonth: ZMoney,
    revenueLastMonth: ZMoney,
    chartData: z.object({
      granularity: ZGranularity,
      /** One point per day (or month, dated its first day), oldest first, gaps as 0. */
      userGrowth: z.array(z.object({ date: z.string(), newUsers: ZCount, totalUsers: ZCount })),
      /** In `currency`. */
      revenueGrowth: z.array(z.object({ date: z.string(), orders: ZCount, revenue: ZMoney })),
    }),
  }),
});
export type DashboardOutput = z.infer<typeof ZDashboardOutput>;

const ZRange = { from: z.date(), to: z.date(), granularity: ZGranularity };

export const ZRevenueAnalytics = z.object({
  ...ZRange,
  byCurrency: z.array(ZCurrencyRevenue.extend({ averageOrderValue: ZMoney })),
  byKind: z.array(
    z.object({
      kind: z.enum(['program_access', 'event_ticket', 'subscription']),
      currency: ZCurrency,
      orders: ZCount,
      grossRevenue: ZMoney,
      netRevenue: ZMoney,
    }),
  ),
  series: z.array(
    z.object({
      date: z.string(),
      currency: ZCurrency,
      orders: ZCount,
      grossRevenue: ZMoney,
      refunds: ZMoney,
      netRevenue: ZMoney,
    }),
  ),
});

export const ZUserAnalytics = z.object({
  ...ZRange,
  newUsers: ZCount,
  activeUsers: ZCount,
  byRole: z.array(z.object({ role: z.enum(['student', 'instructor', 'admin']), newUsers: ZCount, total: ZCount })),
  retention: z.array(
    z.object({
      days: z.number().int(),
      /** New users of the range whose day N has come. */
      eligible: ZCount,
      retained: ZCount,
      rate: ZRate,
    }),
  ),
  series: z.array(z.object({ date: z.string(), newUsers: ZCount, activeUsers: ZCount })),
});

export const ZProgramAnalytics = z.object({
  ...ZRange,
  enrollments: ZCount,
  bySource: z.record(z.string(), ZCount),
  completions: ZCount,
  /** Of the range's enrollments, the share completed by now. */
  completionRate: ZRate,
  checkoutUsers: ZCount,
  enrolledUsers: ZCount,
  /** enrolledUsers ÷ distinct users who started a program checkout or enrolled. */
  conversionRate: ZRate,
  topPrograms: z.array(
    z.object({ id: z.string(), slug: z.string(), title: z.string(), enrollments: ZCount, completions: ZCount }),
  ),
  series: z.array(z.object({ date: z.string(), enrollments: ZCount, completions: ZCount })),
});

export const ZEventAnalytics = z.object({
  ...ZRange,
  /** Events (not deleted) starting in the range, by status. */
  events: ZCount,
  byStatus: z.record(z.string(), ZCount),
  /** Registrations made in the range; cancellations among them. */
  registrations: ZCount,
  cancellations: ZCount,
  /** Past events of the range: attended ÷ registrations not cancelled. */
  attendanceRate: ZRate,
  /** Events of the range with a capacity: registrations not cancelled ÷ capacity. */
  fillRate: ZRate,
  averageFeedback: z.number().nullable(),
  topEvents: z.array(
    z.object({
      id: z.string(),
      slug: z.string(),
      title: z.string(),
      startsAt: z.date(),
      registered: ZCount,
      attended: ZCount,
      capacity: z.number().int().nullable(),
    }),
  ),
});

export const ZRevenueAnalyticsOutput = z.object({ analytics: ZRevenueAnalytics });
export const ZUserAnalyticsOutput = z.object({ analytics: ZUserAnalytics });
export const ZProgramAnalyticsOutput = z.object({ analytics: ZProgramAnalytics });
export const ZEventAnalyticsOutput = z.object({ analytics: ZEventAnalytics });
export const ZAnalyticsOverviewOutput = z.object({
  analytics: z.object({
    from: z.date(),
    to: z.date(),
    revenue: ZRevenueAnalytics,
    users: ZUserAnalytics,
    programs: ZProgramAnalytics,
    events: ZEventAnalytics,
  }),
});
export type RevenueAnalytics = z.infer<typeof ZRevenueAnalytics>;
export type UserAnalytics = z.infer<typeof ZUserAnalytics>;
export type ProgramAnalytics = z.infer<typeof ZProgramAnalytics>;
export type EventAnalytics = z.infer<typeof ZEventAnalytics>;
export type AnalyticsOverviewOutput = z.infer<typeof ZAnalyticsOverviewOutput>;

export const REPORT_KINDS = ['orders', 'users', 'enrollments', 'revenue', 'events'] as const;
export const ZReportKind = z.enum(REPORT_KINDS, {
  message: `The report must be one of: ${REPORT_KINDS.join(', ')}`,
});
export type ReportKind = z.infer<typeof ZReportKind>;
