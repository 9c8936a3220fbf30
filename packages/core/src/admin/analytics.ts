// admin.dashboard and admin.analytics.*: every figure is one set-based query over real rows, in
// UTC; what each counts is written down in docs/analytics.md (keep the two in step).
//
// Revenue: a paid order is one with Order.paidAt set (billing's settle sets it when the payment
// arrives; a refund never clears it). Its revenue is Order.total, net of its succeeded refunds;
// the refund is counted against the order's paid date, as orders.analytics does. Revenue is read
// from the daily rollups (RevenueDaily, RevenueDailyByKind: per UTC day of paidAt and currency),
// which the database keeps in the transaction of every order, item and refund change; every range
// here is whole UTC days, so a range is a sum of its days' rows.
import { Prisma, type Db } from '@learningpt/db';
import type {
  AnalyticsOverviewOutput,
  DashboardOutput,
  EventAnalytics,
  ProgramAnalytics,
  RevenueAnalytics,
  UserAnalytics,
} from '@learningpt/schema';
import { AppError } from '../shared/errors';
import type { Clock } from '../shared/clock';
import { toMajor } from '../shared/money';

export interface AnalyticsDeps {
  db: Db;
  clock: Clock;
}

const DAY = 86_400_000;
const MAX_RANGE_DAYS = 3660;
/** Ranges up to this many days get a daily series; longer ones a monthly one. */
const DAILY_UP_TO_DAYS = 92;
const RETENTION_DAYS = [1, 7, 30] as const;
const TOP = 10;
export const FALLBACK_CURRENCY = 'USD';

type Granularity = 'day' | 'month';
export interface AnalyticsRange {
  /** The first instant of the range (00:00 UTC of `from`). */
  from: Date;
  /** The first instant after it (00:00 UTC of the day after `to`). */
  to: Date;
  granularity: Granularity;
}

const dayStart = (d: string) => new Date(`${d}T00:00:00.000Z`);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The range of whole UTC days [from 00:00, the day after `to` 00:00); default: the 30 days up
 * to today (the clock's). A backwards or too long range is a 400.
 */
export function resolveRange(clock: Clock, input: { from?: string | undefined; to?: string | undefined }) {
  const toDay = input.to ?? isoDay(clock.now());
  const fromDay = input.from ?? isoDay(new Date(dayStart(toDay).getTime() - 29 * DAY));
  const from = dayStart(fromDay);
  const to = new Date(dayStart(toDay).getTime() + DAY);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()))
    throw new AppError('BAD_REQUEST', 'Use dates like 2026-11-30.');
  if (to <= from) throw new AppError('BAD_REQUEST', '`from` must be on or before `to`.');
  const days = (to.getTime() - from.getTime()) / DAY;
  if (days > MAX_RANGE_DAYS) throw new AppError('BAD_REQUEST', 'The range can be at most ten years.');
  return { from, to, granularity: days <= DAILY_UP_TO_DAYS ? 'day' : 'month' } satisfies AnalyticsRange;
}

/** The keys of the series' buckets, oldest first: 'YYYY-MM-DD' of each day, or of each month's first day. */
export function bucketKeys({ from, to, granularity }: AnalyticsRange): string[] {
  const keys: string[] = [];
  let d = granularity === 'day' ? from : new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  while (d < to) {
    keys.push(isoDay(d));
    d =
      granularity === 'day'
        ? new Date(d.getTime() + DAY)
        : new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  }
  return keys;
}

/** SQL: the UTC day (or month) of a timestamptz column: what a series groups by. */
const bucket = (col: Prisma.Sql, g: Granularity) =>
  g === 'day'
    ? Prisma.sql`date_trunc('day', ${col} AT TIME ZONE 'UTC')`
    : Prisma.sql`date_trunc('month', ${col} AT TIME ZONE 'UTC')`;
/** SQL: the bucket's key, 'YYYY-MM-DD' (formatted once per group, not per row). */
const bucketKey = (col: Prisma.Sql, g: Granularity) => Prisma.sql`to_char(${bucket(col, g)}, 'YYYY-MM-DD')`;

/** SQL: a range's days in the rollups ([from, to) are whole UTC days). */
const rollupDays = ({ from, to }: { from: Date; to: Date }) =>
  Prisma.sql`day >= ${isoDay(from)}::date AND day < ${isoDay(to)}::date`;
/** SQL: the key of a rollup day's bucket, 'YYYY-MM-DD' of the day or of its month's first day. */
const dayBucketKey = (g: Granularity) =>
  g === 'day'
    ? Prisma.sql`to_char(day, 'YYYY-MM-DD')`
    : Prisma.sql`to_char(date_trunc('month', day::timestamp), 'YYYY-MM-DD')`;

const n = (v: bigint | number | null | undefined) => Number(v ?? 0);
const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : 0);

type Kind = RevenueAnalytics['byKind'][number]['kind'];

/** Paid orders, gross and refunds per bucket and currency over a range, from the daily rollup. */
async function revenueByBucket(db: Db, range: AnalyticsRange) {
  const rows = await db.$queryRaw<{ key: string; currency: string; orders: bigint; gross: bigint; refunds: bigint }[]>`
    SELECT ${dayBucketKey(range.granularity)} AS key, currency, sum("paidOrders")::bigint AS orders,
      sum(gross)::bigint AS gross, sum(refunds)::bigint AS refunds
    FROM "RevenueDaily" WHERE ${rollupDays(range)}
    GROUP BY 1, 2 HAVING sum("paidOrders") > 0 ORDER BY key, currency`;
  return rows.map((r) => ({ ...r, currency: r.currency.trim() }));
}

/* ------------------------------------------------------------------------------------------------
 * admin.dashboard
 * ---------------------------------------------------------------------------------------------- */

export async function adminDashboard(
  { db, clock }: AnalyticsDeps,
  { granularity }: { granularity: Granularity },
): Promise<DashboardOutput> {
  const now = clock.now();
  const thisMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const today = dayStart(isoDay(now));
  const series: AnalyticsRange =
    granularity === 'day'
      ? { from: new Date(today.getTime() - 29 * DAY), to: new Date(today.getTime() + DAY), granularity }
      : { from: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1)), to: nextMonth, granularity };

  const [users, programs, dailyCounts, counts, revenue, userSeries, revenueSeries] = await Promise.all([
    db.$queryRaw<{ role: string; total: bigint; this_month: bigint; last_month: bigint; before_series: bigint }[]>`
      SELECT role::text, count(*) AS total,
        count(*) FILTER (WHERE "createdAt" >= ${thisMonth} AND "createdAt" < ${nextMonth}) AS this_month,
        count(*) FILTER (WHERE "createdAt" >= ${lastMonth} AND "createdAt" < ${thisMonth}) AS last_month,
        count(*) FILTER (WHERE "createdAt" < ${series.from}) AS before_series
      FROM "User" WHERE status <> 'deleted' GROUP BY role`,
    db.$queryRaw<{ total: bigint; published: bigint }[]>`
      SELECT count(*) AS total, count(*) FILTER (WHERE status = 'published') AS published
      FROM "Program" WHERE "deletedAt" IS NULL`,
    // Orders and enrollments, the largest tables: from their daily counts (DailyCount, kept by
    // the database with every insert and delete), a few hundred rows instead of millions.
    db.$queryRaw<{ subject: string; total: bigint; this_month: bigint; last_month: bigint }[]>`
      SELECT subject, sum(count)::bigint AS total,
        COALESCE(sum(count) FILTER (WHERE ${rollupDays({ from: thisMonth, to: nextMonth })}), 0)::bigint AS this_month,
        COALESCE(sum(count) FILTER (WHERE ${rollupDays({ from: lastMonth, to: thisMonth })}), 0)::bigint AS last_month
      FROM "DailyCount" WHERE subject IN ('orders', 'enrollments') GROUP BY subject`,
    db.$queryRaw<
      {
        subscriptions: bigint;
        events: bigint;
        upcoming: bigint;
        registrations: bigint;
        certificates: bigint;
      }[]
    >`
      SELECT (SELECT count(*) FROM "Subscription" WHERE status IN ('active', 'trialing')) AS subscriptions,
        (SELECT count(*) FROM "Event" WHERE "deletedAt" IS NULL) AS events,
        (SELECT count(*) FROM "Event" WHERE "deletedAt" IS NULL AND status = 'upcoming' AND "startsAt" >= ${now}) AS upcoming,
        (SELECT count(*) FROM "EventRegistration" r JOIN "Event" e ON e.id = r."eventId"
          WHERE r.status <> 'cancelled' AND e."deletedAt" IS NULL) AS registrations,
        (SELECT count(*) FROM "Certificate" WHERE status = 'valid') AS certificates`,
    db.$queryRaw<
      { currency: string; orders: bigint; gross: bigint; refunds: bigint; this_month: bigint; last_month: bigint }[]
    >`
      SELECT currency, sum("paidOrders")::bigint AS orders, sum(gross)::bigint AS gross, sum(refunds)::bigint AS refunds,
        COALESCE(sum(gross - refunds) FILTER (WHERE ${rollupDays({ from: thisMonth, to: nextMonth })}), 0)::bigint AS this_month,
        COALESCE(sum(gross - refunds) FILTER (WHERE ${rollupDays({ from: lastMonth, to: thisMonth })}), 0)::bigint AS last_month
      FROM "RevenueDaily" GROUP BY currency HAVING sum("paidOrders") > 0 ORDER BY currency`,
    db.$queryRaw<{ key: string; users: bigint }[]>`
      SELECT ${bucketKey(Prisma.sql`"createdAt"`, granularity)} AS key, count(*) AS users
      FROM "User" WHERE status <> 'deleted' AND "createdAt" >= ${series.from} AND "createdAt" < ${series.to}
      GROUP BY ${bucket(Prisma.sql`"createdAt"`, granularity)}`,
    revenueByBucket(db, series),
  ]);

  const role = (r: string) => users.find((u) => u.role === r);
  const sumUsers = (f: (u: (typeof users)[number]) => bigint) => users.reduce((s, u) => s + n(f(u)), 0);
  const net = (r: (typeof revenue)[number]) => n(r.gross) - n(r.refunds);
  const main = [...revenue].sort((a, b) => net(b) - net(a) || a.currency.localeCompare(b.currency))[0];
  const currency = main?.currency.trim() ?? FALLBACK_CURRENCY;
  const c = counts[0]!;
  const daily = (subject: 'orders' | 'enrollments') => dailyCounts.find((r) => r.subject === subject);

  let running = sumUsers((u) => u.before_series);
  const userGrowth = bucketKeys(series).map((date) => {
    const newUsers = n(userSeries.find((r) => r.key === date)?.users);
    running += newUsers;
    return { date, newUsers, totalUsers: running };
  });
  const revenueGrowth = bucketKeys(series).map((date) => {
    const row = revenueSeries.find((r) => r.key === date && r.currency === currency);
    return { date, orders: n(row?.orders), revenue: toMajor(n(row?.gross) - n(row?.refunds)) };
  });

  return {
    stats: {
      totalUsers: sumUsers((u) => u.total),
      totalStudents: n(role('student')?.total),
      totalInstructors: n(role('instructor')?.total),
      totalAdmins: n(role('admin')?.total),
      totalPrograms: n(programs[0]?.total),
      publishedPrograms: n(programs[0]?.published),
      totalEnrollments: n(daily('enrollments')?.total),
      totalOrders: n(daily('orders')?.total),
      paidOrders: revenue.reduce((s, r) => s + n(r.orders), 0),
      currency,
      totalRevenue: toMajor(main ? net(main) : 0),
      revenueByCurrency: revenue.map((r) => ({
        currency: r.currency.trim(),
        paidOrders: n(r.orders),
        grossRevenue: toMajor(n(r.gross)),
        refunds: toMajor(n(r.refunds)),
        netRevenue: toMajor(net(r)),
      })),
      activeSubscriptions: n(c.subscriptions),
      totalEvents: n(c.events),
      upcomingEvents: n(c.upcoming),
      totalRegistrations: n(c.registrations),
      totalCertificates: n(c.certificates),
      newUsersThisMonth: sumUsers((u) => u.this_month),
      newUsersLastMonth: sumUsers((u) => u.last_month),
      enrollmentsThisMonth: n(daily('enrollments')?.this_month),
      enrollmentsLastMonth: n(daily('enrollments')?.last_month),
      ordersThisMonth: n(daily('orders')?.this_month),
      ordersLastMonth: n(daily('orders')?.last_month),
      revenueThisMonth: toMajor(n(main?.this_month)),
      revenueLastMonth: toMajor(n(main?.last_month)),
      chartData: { granularity, userGrowth, revenueGrowth },
    },
  };
}

/* ------------------------------------------------------------------------------------------------
 * admin.analytics.revenue
 * ---------------------------------------------------------------------------------------------- */

export async function revenueAnalytics({ db }: AnalyticsDeps, range: AnalyticsRange): Promise<RevenueAnalytics> {
  const { from, to, granularity } = range;
  // By kind: each item's share of its order (unitAmount × quantity × total ÷ subtotal, its refunds
  // × refunded ÷ subtotal), rounded per item, summed per day in the rollup.
  const [rows, kinds] = await Promise.all([
    revenueByBucket(db, range),
    db.$queryRaw<{ kind: Kind; currency: string; orders: bigint; gross: bigint; refunds: bigint }[]>`
      SELECT kind, currency, sum("paidOrders")::bigint AS orders, sum(gross)::bigint AS gross,
        sum(refunds)::bigint AS refunds
      FROM "RevenueDailyByKind" WHERE ${rollupDays(range)}
      GROUP BY 1, 2 HAVING sum("paidOrders") > 0 ORDER BY 2, 1`,
  ]);
  const byCurrency = new Map<string, { orders: number; gross: number; refunds: number }>();
  for (const r of rows) {
    const cur = r.currency;
    const t = byCurrency.get(cur) ?? { orders: 0, gross: 0, refunds: 0 };
    t.orders += n(r.orders);
    t.gross += n(r.gross);
    t.refunds += n(r.refunds);
    byCurrency.set(cur, t);
  }
  const keys = bucketKeys(range);
  const currencies = [...byCurrency.keys()].sort();
  return {
    from,
    to,
    granularity,
    byCurrency: currencies
      .map((currency) => [currency, byCurrency.get(currency)!] as const)
      .map(([currency, t]) => ({
        currency,
        paidOrders: t.orders,
        grossRevenue: toMajor(t.gross),
        refunds: toMajor(t.refunds),
        netRevenue: toMajor(t.gross - t.refunds),
        averageOrderValue: toMajor(t.orders ? Math.round((t.gross - t.refunds) / t.orders) : 0),
      })),
    byKind: kinds.map((k) => {
      const refunds = n(k.refunds);
      return {
        kind: k.kind,
        currency: k.currency.trim(),
        orders: n(k.orders),
        grossRevenue: toMajor(n(k.gross)),
        netRevenue: toMajor(n(k.gross) - refunds),
      };
    }),
    // Every bucket for every currency sold in the range (none sold: the fallback currency's zeros).
    series: (currencies.length ? currencies : [FALLBACK_CURRENCY]).flatMap((currency) =>
      keys.map((date) => {
        const r = rows.find((x) => x.key === date && x.currency === currency);
        const gross = n(r?.gross);
        const refunds = n(r?.refunds);
        return {
          date,
          currency,
          orders: n(r?.orders),
          grossRevenue: toMajor(gross),
          refunds: toMajor(refunds),
          netRevenue: toMajor(gross - refunds),
        };
      }),
    ),
  };
}

/* ------------------------------------------------------------------------------------------------
 * admin.analytics.users
 * ---------------------------------------------------------------------------------------------- */

/**
 * Activity: a row a user made by using the platform, at its time. Sessions are deleted at logout
 * and expiry, so the learning, exam, purchase and event rows stand beside them.
 */
const activity = (from: Date | null, to: Date | null, users: Prisma.Sql | null = null) => {
  const cond = (col: string) =>
    Prisma.sql`WHERE TRUE ${from ? Prisma.sql`AND ${Prisma.raw(col)} >= ${from}` : Prisma.empty}
      ${to ? Prisma.sql`AND ${Prisma.raw(col)} < ${to}` : Prisma.empty}
      ${users ? Prisma.sql`AND "userId" IN ${users}` : Prisma.empty}`;
  return Prisma.sql`(
    SELECT "userId" AS user_id, "lastActiveAt" AS at FROM "Session" ${cond('"lastActiveAt"')}
    UNION ALL SELECT "userId", "createdAt" FROM "Session" ${cond('"createdAt"')}
    UNION ALL SELECT "userId", "startedAt" FROM "QuizAttempt" ${cond('"startedAt"')}
    UNION ALL SELECT "userId", "updatedAt" FROM "LessonProgress" ${cond('"updatedAt"')}
    UNION ALL SELECT "userId", "enrolledAt" FROM "Enrollment" ${cond('"enrolledAt"')}
    UNION ALL SELECT "userId", "createdAt" FROM "Order" ${cond('"createdAt"')}
    UNION ALL SELECT "userId", "registeredAt" FROM "EventRegistration" ${cond('"registeredAt"')}
  )`;
};

export async function userAnalytics({ db, clock }: AnalyticsDeps, range: AnalyticsRange): Promise<UserAnalytics> {
  const { from, to, granularity } = range;
  const now = clock.now();
  const cohort = Prisma.sql`(SELECT id FROM "User" WHERE "createdAt" >= ${from} AND "createdAt" < ${to})`;
  const [roles, active, newSeries, activeSeries, retention] = await Promise.all([
    db.$queryRaw<{ role: 'student' | 'instructor' | 'admin'; new_users: bigint; total: bigint }[]>`
      SELECT role, count(*) FILTER (WHERE "createdAt" >= ${from} AND "createdAt" < ${to}) AS new_users,
        count(*) FILTER (WHERE status <> 'deleted') AS total
      FROM "User" GROUP BY role ORDER BY role`,
    db.$queryRaw<{ users: bigint }[]>`SELECT count(DISTINCT user_id) AS users FROM ${activity(from, to)} a`,
    db.$queryRaw<{ key: string; users: bigint }[]>`
      SELECT ${bucketKey(Prisma.sql`"createdAt"`, granularity)} AS key, count(*) AS users
      FROM "User" WHERE "createdAt" >= ${from} AND "createdAt" < ${to} GROUP BY ${bucket(Prisma.sql`"createdAt"`, granularity)}`,
    db.$queryRaw<{ key: string; users: bigint }[]>`
      SELECT ${bucketKey(Prisma.sql`a.at`, granularity)} AS key, count(DISTINCT a.user_id) AS users
      FROM ${activity(from, to)} a GROUP BY ${bucket(Prisma.sql`a.at`, granularity)}`,
    // Retained after N days: a new user of the range with any activity at or after
    // createdAt + N days (up to now); eligible: those whose day N has come.
    db.$queryRaw<{ days: number; eligible: bigint; retained: bigint }[]>`
      WITH last AS (SELECT user_id, max(at) AS last_at FROM ${activity(null, null, cohort)} a GROUP BY user_id)
      SELECT d.days, count(u.id) FILTER (WHERE u."createdAt" + make_interval(days => d.days) <= ${now}) AS eligible,
        count(u.id) FILTER (WHERE u."createdAt" + make_interval(days => d.days) <= ${now}
          AND l.last_at >= u."createdAt" + make_interval(days => d.days)) AS retained
      FROM unnest(${[...RETENTION_DAYS]}::int[]) AS d(days)
      LEFT JOIN "User" u ON u."createdAt" >= ${from} AND u."createdAt" < ${to}
      LEFT JOIN last l ON l.user_id = u.id
      GROUP BY d.days ORDER BY d.days`,
  ]);
  return {
    from,
    to,
    granularity,
    newUsers: roles.reduce((s, r) => s + n(r.new_users), 0),
    activeUsers: n(active[0]?.users),
    byRole: (['student', 'instructor', 'admin'] as const).map((role) => {
      const r = roles.find((x) => x.role === role);
      return { role, newUsers: n(r?.new_users), total: n(r?.total) };
    }),
    retention: retention.map((r) => ({
      days: r.days,
      eligible: n(r.eligible),
      retained: n(r.retained),
      rate: ratio(n(r.retained), n(r.eligible)),
    })),
    series: bucketKeys(range).map((date) => ({
      date,
      newUsers: n(newSeries.find((r) => r.key === date)?.users),
      activeUsers: n(activeSeries.find((r) => r.key === date)?.users),
    })),
  };
}

/* ------------------------------------------------------------------------------------------------
 * admin.analytics.programs
 * ---------------------------------------------------------------------------------------------- */

export async function programAnalytics({ db }: AnalyticsDeps, range: AnalyticsRange): Promise<ProgramAnalytics> {
  const { from, to, granularity } = range;
  const [sources, completions, funnel, top, enrolledSeries, completedSeries] = await Promise.all([
    db.$queryRaw<{ source: string; enrollments: bigint; completed: bigint }[]>`
      SELECT source::text, count(*) AS enrollments, count("completedAt") AS completed
      FROM "Enrollment" WHERE "enrolledAt" >= ${from} AND "enrolledAt" < ${to} GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<{ completions: bigint }[]>`
      SELECT count(*) AS completions FROM "Enrollment" WHERE "completedAt" >= ${from} AND "completedAt" < ${to}`,
    db.$queryRaw<{ checkout_users: bigint; enrolled_users: bigint; funnel_users: bigint }[]>`
      WITH checkout AS (
        SELECT DISTINCT o."userId" AS user_id FROM "Order" o
        WHERE o."createdAt" >= ${from} AND o."createdAt" < ${to}
          AND EXISTS (SELECT 1 FROM "OrderItem" oi WHERE oi."orderId" = o.id AND oi.kind = 'program_access')),
      enrolled AS (
        SELECT DISTINCT "userId" AS user_id FROM "Enrollment" WHERE "enrolledAt" >= ${from} AND "enrolledAt" < ${to})
      SELECT (SELECT count(*) FROM checkout) AS checkout_users, (SELECT count(*) FROM enrolled) AS enrolled_users,
        (SELECT count(*) FROM (SELECT user_id FROM checkout UNION SELECT user_id FROM enrolled) x) AS funnel_users`,
    db.$queryRaw<{ id: string; slug: string; title: string; enrollments: bigint; completions: bigint }[]>`
      SELECT p.id::text, p.slug, p.title, e.enrollments, e.completions
      FROM (SELECT "programId", count(*) AS enrollments, count("completedAt") AS completions
            FROM "Enrollment" WHERE "enrolledAt" >= ${from} AND "enrolledAt" < ${to} GROUP BY 1) e
      JOIN "Program" p ON p.id = e."programId"
      ORDER BY e.enrollments DESC, p.title, p.id LIMIT ${TOP}`,
    db.$queryRaw<{ key: string; count: bigint }[]>`
      SELECT ${bucketKey(Prisma.sql`"enrolledAt"`, granularity)} AS key, count(*) AS count
      FROM "Enrollment" WHERE "enrolledAt" >= ${from} AND "enrolledAt" < ${to} GROUP BY ${bucket(Prisma.sql`"enrolledAt"`, granularity)}`,
    db.$queryRaw<{ key: string; count: bigint }[]>`
      SELECT ${bucketKey(Prisma.sql`"completedAt"`, granularity)} AS key, count(*) AS count
      FROM "Enrollment" WHERE "completedAt" >= ${from} AND "completedAt" < ${to} GROUP BY ${bucket(Prisma.sql`"completedAt"`, granularity)}`,
  ]);
  const enrollments = sources.reduce((s, r) => s + n(r.enrollments), 0);
  const completedOfRange = sources.reduce((s, r) => s + n(r.completed), 0);
  const f = funnel[0]!;
  return {
    from,
    to,
    granularity,
    enrollments,
    bySource: Object.fromEntries(sources.map((r) => [r.source, n(r.enrollments)])),
    completions: n(completions[0]?.completions),
    completionRate: ratio(completedOfRange, enrollments),
    checkoutUsers: n(f.checkout_users),
    enrolledUsers: n(f.enrolled_users),
    conversionRate: ratio(n(f.enrolled_users), n(f.funnel_users)),
    topPrograms: top.map((r) => ({
      id: r.id,
      slug: r.slug,
      title: r.title,
      enrollments: n(r.enrollments),
      completions: n(r.completions),
    })),
    series: bucketKeys(range).map((date) => ({
      date,
      enrollments: n(enrolledSeries.find((r) => r.key === date)?.count),
      completions: n(completedSeries.find((r) => r.key === date)?.count),
    })),
  };
}

/* ------------------------------------------------------------------------------------------------
 * admin.analytics.events
 * ---------------------------------------------------------------------------------------------- */

export async function eventAnalytics({ db, clock }: AnalyticsDeps, range: AnalyticsRange): Promise<EventAnalytics> {
  const { from, to, granularity } = range;
  const now = clock.now();
  const [statuses, regs, perEvent] = await Promise.all([
    db.$queryRaw<{ status: string; events: bigint }[]>`
      SELECT status::text, count(*) AS events FROM "Event"
      WHERE "deletedAt" IS NULL AND "startsAt" >= ${from} AND "startsAt" < ${to} GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<{ registrations: bigint; cancellations: bigint }[]>`
      SELECT count(*) AS registrations, count(*) FILTER (WHERE r.status = 'cancelled') AS cancellations
      FROM "EventRegistration" r JOIN "Event" e ON e.id = r."eventId"
      WHERE r."registeredAt" >= ${from} AND r."registeredAt" < ${to} AND e."deletedAt" IS NULL`,
    db.$queryRaw<
      {
        id: string;
        slug: string;
        title: string;
        starts_at: Date;
        capacity: number | null;
        past: boolean;
        registered: bigint;
        attended: bigint;
        rating_sum: bigint;
        ratings: bigint;
      }[]
    >`
      SELECT e.id::text, e.slug, e.title, e."startsAt" AS starts_at, e.capacity, e."startsAt" <= ${now} AS past,
        count(r.id) FILTER (WHERE r.status <> 'cancelled') AS registered,
        count(r.id) FILTER (WHERE r.status = 'attended') AS attended,
        COALESCE(sum(r."feedbackRating"), 0)::bigint AS rating_sum, count(r."feedbackRating") AS ratings
      FROM "Event" e LEFT JOIN "EventRegistration" r ON r."eventId" = e.id
      WHERE e."deletedAt" IS NULL AND e."startsAt" >= ${from} AND e."startsAt" < ${to}
      GROUP BY e.id`,
  ]);
  const past = perEvent.filter((e) => e.past);
  const pastRegistered = past.reduce((s, e) => s + n(e.registered), 0);
  const pastAttended = past.reduce((s, e) => s + n(e.attended), 0);
  const capped = perEvent.filter((e) => e.capacity !== null && e.capacity > 0);
  const seats = capped.reduce((s, e) => s + e.capacity!, 0);
  const filled = capped.reduce((s, e) => s + Math.min(n(e.registered), e.capacity!), 0);
  const ratings = perEvent.reduce((s, e) => s + n(e.ratings), 0);
  const ratingSum = perEvent.reduce((s, e) => s + n(e.rating_sum), 0);
  return {
    from,
    to,
    granularity,
    events: statuses.reduce((s, r) => s + n(r.events), 0),
    byStatus: Object.fromEntries(statuses.map((r) => [r.status, n(r.events)])),
    registrations: n(regs[0]?.registrations),
    cancellations: n(regs[0]?.cancellations),
    attendanceRate: ratio(pastAttended, pastRegistered),
    fillRate: ratio(filled, seats),
    averageFeedback: ratings ? Math.round((ratingSum / ratings) * 100) / 100 : null,
    topEvents: [...perEvent]
      .sort(
        (a, b) =>
          n(b.registered) - n(a.registered) ||
          a.starts_at.getTime() - b.starts_at.getTime() ||
          a.id.localeCompare(b.id),
      )
      .slice(0, TOP)
      .map((e) => ({
        id: e.id,
        slug: e.slug,
        title: e.title,
        startsAt: e.starts_at,
        registered: n(e.registered),
        attended: n(e.attended),
        capacity: e.capacity,
      })),
  };
}

/* ------------------------------------------------------------------------------------------------
 * admin.analytics.overview: the four reports over one range.
 * ---------------------------------------------------------------------------------------------- */

export async function analyticsOverview(
  deps: AnalyticsDeps,
  input: { from?: string | undefined; to?: string | undefined },
): Promise<AnalyticsOverviewOutput> {
  const range = resolveRange(deps.clock, input);
  const [revenue, users, programs, events] = await Promise.all([
    revenueAnalytics(deps, range),
    userAnalytics(deps, range),
    programAnalytics(deps, range),
    eventAnalytics(deps, range),
  ]);
  return { analytics: { from: range.from, to: range.to, revenue, users, programs, events } };
}
