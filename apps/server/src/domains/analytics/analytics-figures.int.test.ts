// admin.dashboard and admin.analytics.*: every figure against values worked out by hand from a
// small fixed data set (the comments show the arithmetic), on an empty database with the clock
// at 2026-06-15 12:00 UTC. Definitions: docs/analytics.md.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderAnalytics } from '@learningpt/core';
import { startTestServer, type Caller, type TestServer } from '../../testing/harness';

let s: TestServer;
let admin: Caller;
let adminToken: string;
const NOW = new Date('2026-06-15T12:00:00Z');
const MAY = { from: '2026-05-01', to: '2026-05-31' };
const t = (iso: string) => new Date(iso);
const ids: Record<string, string> = {};

beforeAll(async () => {
  s = await startTestServer({ seeded: false });
  s.clock.set(NOW);
  const db = s.db;
  const user = async (key: string, role: 'student' | 'instructor' | 'admin', createdAt: string, extra = {}) => {
    ids[key] = (
      await db.user.create({
        data: { email: `${key.toLowerCase()}@example.org`, name: key, role, createdAt: t(createdAt), ...extra },
      })
    ).id;
  };
  await user('A', 'admin', '2026-01-10T00:00:00Z');
  await user('I', 'instructor', '2026-03-01T00:00:00Z');
  await user('S1', 'student', '2026-05-02T10:00:00Z');
  await user('S2', 'student', '2026-05-10T23:30:00Z');
  await user('S3', 'student', '2026-05-15T00:00:00Z');
  await user('S4', 'student', '2026-06-01T00:00:00Z');
  await user('S5', 'student', '2026-04-30T23:59:59.999Z');
  await user('D', 'student', '2026-05-31T23:59:59Z', { status: 'deleted', deletedAt: t('2026-06-10T00:00:00Z') });

  const category = await db.category.create({ data: { name: 'Dev', slug: 'dev' } });
  const program = async (key: string, title: string, extra = {}) => {
    ids[key] = (
      await db.program.create({
        data: {
          slug: key.toLowerCase(),
          title,
          description: title,
          categoryId: category.id,
          instructorId: ids.I!,
          status: 'published',
          ...extra,
        },
      })
    ).id;
  };
  await program('P1', 'Alpha');
  await program('P2', 'Beta');
  await program('P3', 'Gamma', { status: 'draft' });
  await program('P4', 'Delta', { deletedAt: t('2026-02-01T00:00:00Z') });

  const event = async (key: string, startsAt: string, extra = {}) => {
    ids[key] = (
      await db.event.create({
        data: { slug: key.toLowerCase(), title: `Event ${key}`, startsAt: t(startsAt), organizerId: ids.I!, ...extra },
      })
    ).id;
  };
  await event('E1', '2026-05-20T18:00:00Z', { capacity: 10, status: 'completed' });
  await event('E2', '2026-05-28T18:00:00Z', { status: 'completed' });
  await event('E3', '2026-06-20T18:00:00Z', { capacity: 5 });
  await event('E4', '2026-05-10T18:00:00Z', { capacity: 5, deletedAt: t('2026-05-06T00:00:00Z') });
  await event('E5', '2026-05-15T18:00:00Z', { capacity: 20, status: 'cancelled' });
  // Orders: created 30 minutes before they were paid; pending ones never paid.
  const order = async (
    key: string,
    buyer: string,
    o: {
      currency?: string;
      kind?: 'program_access' | 'event_ticket';
      subtotal: number;
      discount?: number;
      paidAt?: string;
      createdAt?: string;
      refunds?: { amount: number; status: 'succeeded' | 'failed' }[];
    },
  ) => {
    const paidAt = o.paidAt ? t(o.paidAt) : null;
    const total = o.subtotal - (o.discount ?? 0);
    const fullyRefunded = (o.refunds ?? []).some((r) => r.status === 'succeeded' && r.amount === total);
    const created = await db.order.create({
      data: {
        orderNumber: `ORD-${key}`,
        userId: ids[buyer]!,
        currency: o.currency ?? 'USD',
        subtotal: o.subtotal,
        discount: o.discount ?? 0,
        total,
        paidAt,
        status: paidAt ? (fullyRefunded ? 'cancelled' : 'completed') : 'pending',
        paymentStatus: paidAt ? (fullyRefunded ? 'refunded' : 'completed') : 'pending',
        createdAt: o.createdAt ? t(o.createdAt) : new Date(paidAt!.getTime() - 30 * 60_000),
        items: {
          create: {
            kind: o.kind ?? 'program_access',
            ...(o.kind === 'event_ticket'
              ? { eventId: ids.E1! }
              : { programId: ids.P1!, accessType: 'bundle' as const }),
            description: key,
            unitAmount: o.subtotal,
          },
        },
      },
    });
    ids[key] = created.id;
    if (paidAt) {
      const payment = await db.payment.create({
        data: {
          orderId: created.id,
          amount: total,
          currency: o.currency ?? 'USD',
          status: fullyRefunded ? 'refunded' : 'completed',
          createdAt: paidAt,
        },
      });
      for (const r of o.refunds ?? [])
        await db.refund.create({ data: { paymentId: payment.id, amount: r.amount, status: r.status } });
    }
  };
  await order('O1', 'S1', { subtotal: 5000, paidAt: '2026-05-03T09:00:00Z' });
  await order('O2', 'S2', {
    subtotal: 4000,
    discount: 1000,
    paidAt: '2026-05-11T09:00:00Z',
    refunds: [
      { amount: 1000, status: 'succeeded' },
      { amount: 500, status: 'failed' },
    ],
  });
  await order('O3', 'S3', {
    kind: 'event_ticket',
    subtotal: 2000,
    paidAt: '2026-05-20T10:00:00Z',
    refunds: [{ amount: 2000, status: 'succeeded' }],
  });
  await order('O4', 'S1', { currency: 'EUR', subtotal: 3000, paidAt: '2026-05-20T12:00:00Z' });
  await order('O5', 'S4', { subtotal: 5000, paidAt: '2026-06-02T09:00:00Z' });
  await order('O6', 'S2', { subtotal: 5000, createdAt: '2026-05-12T12:00:00Z' });
  await order('O7', 'S5', { subtotal: 1000, paidAt: '2026-04-15T09:00:00Z' });
  await order('O8', 'S5', { subtotal: 4000, createdAt: '2026-05-15T08:00:00Z' });

  const enroll = async (u: string, p: string, source: 'free' | 'purchase', at: string, completedAt?: string) =>
    db.enrollment.create({
      data: {
        userId: ids[u]!,
        programId: ids[p]!,
        source,
        enrolledAt: t(at),
        ...(completedAt ? { completedAt: t(completedAt), status: 'completed' as const } : {}),
      },
    });
  await enroll('S1', 'P1', 'purchase', '2026-05-03T09:00:00Z', '2026-05-25T00:00:00Z');
  await enroll('S2', 'P2', 'purchase', '2026-05-11T09:00:00Z');
  await enroll('S1', 'P2', 'purchase', '2026-05-20T12:00:00Z');
  await enroll('S3', 'P1', 'free', '2026-05-31T23:00:00Z', '2026-06-05T00:00:00Z');
  await enroll('S4', 'P1', 'purchase', '2026-06-02T09:00:00Z');
  await enroll('S5', 'P1', 'free', '2026-04-20T00:00:00Z', '2026-05-02T00:00:00Z');

  const register = (
    u: string,
    e: string,
    at: string,
    status: 'registered' | 'attended' | 'no_show' | 'cancelled',
    feedbackRating?: number,
  ) =>
    db.eventRegistration.create({
      data: { userId: ids[u]!, eventId: ids[e]!, registeredAt: t(at), status, feedbackRating: feedbackRating ?? null },
    });
  await register('S3', 'E1', '2026-05-19T00:00:00Z', 'cancelled');
  await register('S1', 'E1', '2026-05-18T00:00:00Z', 'attended', 5);
  await register('S2', 'E1', '2026-05-12T06:00:00Z', 'no_show');
  await register('S5', 'E1', '2026-04-30T00:00:00Z', 'attended', 3);
  await register('S1', 'E2', '2026-05-21T00:00:00Z', 'registered');
  await register('S2', 'E3', '2026-05-12T07:00:00Z', 'registered');
  await register('S3', 'E4', '2026-05-05T00:00:00Z', 'registered');

  await db.certificate.create({
    data: { userId: ids.S1!, programId: ids.P1!, verificationCode: 'CERT-0001', score: 90 },
  });
  await db.certificate.create({
    data: { userId: ids.S5!, programId: ids.P1!, verificationCode: 'CERT-0002', score: 80, status: 'revoked' },
  });
  // S3 comes back on 14 June (an exam attempt): retained at 30 days.
  const quiz = await db.quiz.create({ data: { programId: ids.P1!, title: 'Exam' } });
  await db.quizAttempt.create({ data: { userId: ids.S3!, quizId: quiz.id, startedAt: t('2026-06-14T12:00:00Z') } });

  // The admin's session (made now, 15 June) is activity too: outside May.
  adminToken = (await s.sessionFor('admin', ids.A)).token;
  admin = s.withToken(adminToken);
});
afterAll(() => s?.close());

describe('admin.dashboard', () => {
  it('counts the totals, this month and last month, from the rows', async () => {
    const { stats } = await admin.admin.dashboard();
    expect(stats).toMatchObject({
      totalUsers: 7, // A, I, S1–S5 (D is deleted)
      totalStudents: 5,
      totalInstructors: 1,
      totalAdmins: 1,
      totalPrograms: 3, // P4 deleted
      publishedPrograms: 2,
      totalEnrollments: 6,
      totalOrders: 8,
      paidOrders: 6, // O1–O5, O7
      currency: 'USD',
      // USD paid: 5000 + 3000 + 2000 + 5000 + 1000 = 16000, refunds 1000 + 2000 → 13000
      totalRevenue: 130,
      revenueByCurrency: [
        { currency: 'EUR', paidOrders: 1, grossRevenue: 30, refunds: 0, netRevenue: 30 },
        { currency: 'USD', paidOrders: 5, grossRevenue: 160, refunds: 30, netRevenue: 130 },
      ],
      activeSubscriptions: 0,
      totalEvents: 4, // E4 deleted
      upcomingEvents: 1, // E3
      totalRegistrations: 5, // not cancelled, not of the deleted E4
      totalCertificates: 1, // one revoked
      newUsersThisMonth: 1, // S4
      newUsersLastMonth: 3, // S1, S2, S3 (D deleted)
      enrollmentsThisMonth: 1,
      enrollmentsLastMonth: 4,
      ordersThisMonth: 1, // O5
      ordersLastMonth: 6, // O1, O2, O3, O4, O6, O8
      revenueThisMonth: 50, // O5
      revenueLastMonth: 70, // 5000 + (3000 − 1000) + (2000 − 2000)
    });
  });

  it('draws a daily series over the last 30 days, ending at the totals', async () => {
    const { chartData } = (await admin.admin.dashboard({ granularity: 'day' })).stats;
    expect(chartData.userGrowth).toHaveLength(30);
    expect(chartData.userGrowth[0]).toEqual({ date: '2026-05-17', newUsers: 0, totalUsers: 6 });
    expect(chartData.userGrowth.find((p) => p.date === '2026-06-01')).toEqual({
      date: '2026-06-01',
      newUsers: 1,
      totalUsers: 7,
    });
    expect(chartData.userGrowth.at(-1)).toEqual({ date: '2026-06-15', newUsers: 0, totalUsers: 7 });
    const revenue = chartData.revenueGrowth.filter((p) => p.orders > 0);
    expect(revenue).toEqual([
      { date: '2026-05-20', orders: 1, revenue: 0 }, // O3, refunded in full (O4 is EUR)
      { date: '2026-06-02', orders: 1, revenue: 50 },
    ]);
  });

  it('draws a monthly series over the last 12 months', async () => {
    const { chartData } = (await admin.admin.dashboard({ granularity: 'month' })).stats;
    expect(chartData.granularity).toBe('month');
    expect(chartData.userGrowth.map((p) => p.date)).toEqual([
      '2025-07-01',
      '2025-08-01',
      '2025-09-01',
      '2025-10-01',
      '2025-11-01',
      '2025-12-01',
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
      '2026-04-01',
      '2026-05-01',
      '2026-06-01',
    ]);
    expect(chartData.userGrowth.map((p) => p.newUsers)).toEqual([0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 3, 1]);
    expect(chartData.userGrowth.at(-1)!.totalUsers).toBe(7);
    expect(chartData.revenueGrowth.slice(-3)).toEqual([
      { date: '2026-04-01', orders: 1, revenue: 10 },
      { date: '2026-05-01', orders: 3, revenue: 70 },
      { date: '2026-06-01', orders: 1, revenue: 50 },
    ]);
  });
});

describe('admin.analytics over May 2026', () => {
  it('revenue: gross, refunds and net by currency, by kind and by day', async () => {
    const { analytics } = await admin.admin.analytics.revenue(MAY);
    expect(analytics.from).toEqual(t('2026-05-01T00:00:00Z'));
    expect(analytics.to).toEqual(t('2026-06-01T00:00:00Z'));
    expect(analytics.byCurrency).toEqual([
      { currency: 'EUR', paidOrders: 1, grossRevenue: 30, refunds: 0, netRevenue: 30, averageOrderValue: 30 },
      // 7000 / 3 = 2333.3 minor units → 23.33
      { currency: 'USD', paidOrders: 3, grossRevenue: 100, refunds: 30, netRevenue: 70, averageOrderValue: 23.33 },
    ]);
    expect(analytics.byKind).toEqual([
      { kind: 'program_access', currency: 'EUR', orders: 1, grossRevenue: 30, netRevenue: 30 },
      // O1 5000/5000; O2 4000 × 3000/4000 = 3000 gross, 4000 × 2000/4000 = 2000 net
      { kind: 'program_access', currency: 'USD', orders: 2, grossRevenue: 80, netRevenue: 70 },
      { kind: 'event_ticket', currency: 'USD', orders: 1, grossRevenue: 20, netRevenue: 0 },
    ]);
    expect(analytics.series).toHaveLength(62); // 31 days × 2 currencies
    expect(analytics.series.filter((p) => p.orders > 0)).toEqual([
      { date: '2026-05-20', currency: 'EUR', orders: 1, grossRevenue: 30, refunds: 0, netRevenue: 30 },
      { date: '2026-05-03', currency: 'USD', orders: 1, grossRevenue: 50, refunds: 0, netRevenue: 50 },
      { date: '2026-05-11', currency: 'USD', orders: 1, grossRevenue: 30, refunds: 10, netRevenue: 20 },
      { date: '2026-05-20', currency: 'USD', orders: 1, grossRevenue: 20, refunds: 20, netRevenue: 0 },
    ]);
  });

  it('revenue over a long range: by month, the same arithmetic', async () => {
    const { analytics } = await admin.admin.analytics.revenue({ from: '2026-01-01', to: '2026-06-30' });
    expect(analytics.granularity).toBe('month');
    expect(analytics.byKind).toEqual([
      { kind: 'program_access', currency: 'EUR', orders: 1, grossRevenue: 30, netRevenue: 30 },
      // O1 50, O2 30 (net 20), O5 50, O7 10
      { kind: 'program_access', currency: 'USD', orders: 4, grossRevenue: 140, netRevenue: 130 },
      { kind: 'event_ticket', currency: 'USD', orders: 1, grossRevenue: 20, netRevenue: 0 },
    ]);
    expect(analytics.series.filter((p) => p.currency === 'USD').map((p) => [p.date, p.netRevenue])).toEqual([
      ['2026-01-01', 0],
      ['2026-02-01', 0],
      ['2026-03-01', 0],
      ['2026-04-01', 10],
      ['2026-05-01', 70],
      ['2026-06-01', 50],
    ]);
  });

  it('revenue agrees with orders.analytics (one definition of revenue)', async () => {
    const { analytics } = await admin.admin.analytics.revenue(MAY);
    const billing = await orderAnalytics({ db: s.db, clock: s.clock }, MAY);
    expect(analytics.byCurrency).toEqual(
      billing.analytics.revenue.map(
        ({ currency, paidOrders, grossRevenue, refunds, netRevenue, averageOrderValue }) => ({
          currency,
          paidOrders,
          grossRevenue,
          refunds,
          netRevenue,
          averageOrderValue,
        }),
      ),
    );
  });

  it('users: new, active, by role and retention', async () => {
    const { analytics } = await admin.admin.analytics.users(MAY);
    expect(analytics).toMatchObject({
      newUsers: 4, // S1, S2, S3, D
      activeUsers: 4, // S1, S2, S3, S5 (orders, enrollments, registrations in May)
      byRole: [
        { role: 'student', newUsers: 4, total: 5 },
        { role: 'instructor', newUsers: 0, total: 1 },
        { role: 'admin', newUsers: 0, total: 1 },
      ],
      retention: [
        // last activity: S1 21 May, S2 12 May 12:00, S3 14 June, D none
        { days: 1, eligible: 4, retained: 3, rate: 0.75 },
        { days: 7, eligible: 4, retained: 2, rate: 0.5 }, // S2's day 7 is 17 May 23:30
        { days: 30, eligible: 3, retained: 1, rate: 0.3333 }, // D's day 30 (30 June) has not come
      ],
    });
    expect(analytics.series).toHaveLength(31);
    const day = (d: string) => analytics.series.find((p) => p.date === d);
    expect(day('2026-05-12')).toEqual({ date: '2026-05-12', newUsers: 0, activeUsers: 1 }); // S2
    expect(day('2026-05-20')).toEqual({ date: '2026-05-20', newUsers: 0, activeUsers: 2 }); // S3 (O3), S1 (O4)
    expect(day('2026-05-31')).toEqual({ date: '2026-05-31', newUsers: 1, activeUsers: 1 }); // D; S3 enrols
  });

  it('programs: enrollments, completions, conversion and top programs', async () => {
    const { analytics } = await admin.admin.analytics.programs(MAY);
    expect(analytics).toMatchObject({
      enrollments: 4,
      bySource: { purchase: 3, free: 1 },
      completions: 2, // S1 in P1 (25 May), S5 in P1 (2 May; enrolled in April)
      completionRate: 0.5, // of May's 4 enrollments, S1–P1 and S3–P1 are completed by now
      checkoutUsers: 3, // S1 (O1, O4), S2 (O2, O6), S5 (O8); O3 is an event ticket
      enrolledUsers: 3, // S1, S2, S3
      conversionRate: 0.75, // 3 ÷ |{S1, S2, S3, S5}|
      topPrograms: [
        { id: ids.P1, slug: 'p1', title: 'Alpha', enrollments: 2, completions: 2 },
        { id: ids.P2, slug: 'p2', title: 'Beta', enrollments: 2, completions: 0 },
      ],
    });
    const day = (d: string) => analytics.series.find((p) => p.date === d);
    expect(day('2026-05-02')).toEqual({ date: '2026-05-02', enrollments: 0, completions: 1 });
    expect(day('2026-05-31')).toEqual({ date: '2026-05-31', enrollments: 1, completions: 0 });
  });

  it('events: registrations, attendance and fill rate', async () => {
    const { analytics } = await admin.admin.analytics.events(MAY);
    expect(analytics).toMatchObject({
      events: 3, // E1, E2, E5 (E3 in June, E4 deleted)
      byStatus: { completed: 2, cancelled: 1 },
      registrations: 5, // made in May, of events not deleted
      cancellations: 1,
      attendanceRate: 0.5, // attended 2 (S1, S5) ÷ not cancelled 4 (E1: 3, E2: 1)
      fillRate: 0.1, // (3 of E1's 10 + 0 of E5's 20) ÷ 30
      averageFeedback: 4, // (5 + 3) ÷ 2
    });
    expect(analytics.topEvents.map((e) => [e.slug, e.registered, e.attended, e.capacity])).toEqual([
      ['e1', 3, 2, 10],
      ['e2', 1, 0, null],
      ['e5', 0, 0, 20],
    ]);
  });

  it('overview: the four reports over one range, also on the REST paths of both specs', async () => {
    const { analytics } = await admin.admin.analytics.overview(MAY);
    expect(analytics.revenue.byCurrency.map((c) => c.netRevenue)).toEqual([30, 70]);
    expect(analytics.users.newUsers).toBe(4);
    expect(analytics.programs.enrollments).toBe(4);
    expect(analytics.events.registrations).toBe(5);
    for (const url of ['/api/admin/analytics', '/api/analytics/dashboard']) {
      const res = await s.rest<{ success: boolean; analytics: { users: { newUsers: number } } }>({
        url: `${url}?from=2026-05-01&to=2026-05-31`,
        headers: s.bearer(adminToken),
      });
      expect({ url, status: res.status, newUsers: res.body.analytics?.users.newUsers }).toEqual({
        url,
        status: 200,
        newUsers: 4,
      });
    }
    const courses = await s.rest<{ analytics: { enrollments: number } }>({
      url: '/api/analytics/courses?from=2026-05-01&to=2026-05-31',
      headers: s.bearer(adminToken),
    });
    expect(courses.body.analytics.enrollments).toBe(4);
  });

  it('the CSV reports hold the same rows as the figures', async () => {
    const csv = async (kind: string) => {
      const res = await s.rest({
        url: `/api/admin/reports/${kind}.csv?from=2026-05-01&to=2026-05-31`,
        headers: s.bearer(adminToken),
      });
      expect(res.status).toBe(200);
      return (res.body as string)
        .trimEnd()
        .split('\r\n')
        .map((l) => l.split(','));
    };
    const revenue = await csv('revenue');
    expect(revenue[0]).toEqual(['paidAt', 'orderNumber', 'userEmail', 'currency', 'kinds', 'gross', 'refunds', 'net']);
    expect(revenue.slice(1).map((r) => [r[1], r[3], r[5], r[6], r[7]])).toEqual([
      ['ORD-O1', 'USD', '50.00', '0.00', '50.00'],
      ['ORD-O2', 'USD', '30.00', '10.00', '20.00'],
      ['ORD-O3', 'USD', '20.00', '20.00', '0.00'],
      ['ORD-O4', 'EUR', '30.00', '0.00', '30.00'],
    ]);
    expect((await csv('orders')).slice(1).map((r) => r[0])).toEqual([
      'ORD-O1',
      'ORD-O2',
      'ORD-O6',
      'ORD-O8',
      'ORD-O3',
      'ORD-O4',
    ]);
    expect(await csv('enrollments')).toHaveLength(1 + 4);
    expect(await csv('users')).toHaveLength(1 + 4);
    expect(await csv('events')).toHaveLength(1 + 5);
  });

  it('defaults to the 30 days up to today', async () => {
    const { analytics } = await admin.admin.analytics.users();
    expect(analytics.from).toEqual(t('2026-05-17T00:00:00Z'));
    expect(analytics.to).toEqual(t('2026-06-16T00:00:00Z'));
    // new: D (31 May, since deleted), S4 (1 June);
    // active: S1 (18, 20, 21 May), S3 (19, 20, 31 May, 14 June), S4 (2 June), A (today's session)
    expect(analytics.newUsers).toBe(2);
    expect(analytics.activeUsers).toBe(4);
  });

  it('answers a clear 400 for a backwards, too long or malformed range', async () => {
    for (const [query, message] of [
      ['from=2026-05-31&to=2026-05-01', '`from` must be on or before `to`.'],
      ['from=2000-01-01&to=2026-05-01', 'The range can be at most ten years.'],
      ['from=yesterday', 'Use a date like 2026-11-30'],
    ] as const) {
      const res = await s.rest<{ success: boolean; error: { code: string; message: string } }>({
        url: `/api/analytics/revenue?${query}`,
        headers: s.bearer(adminToken),
      });
      expect({ query, status: res.status, code: res.body.error.code }).toEqual({
        query,
        status: 400,
        code: 'BAD_REQUEST',
      });
      expect(JSON.stringify(res.body.error)).toContain(message);
    }
  });
});
