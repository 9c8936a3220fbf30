// The daily revenue rollups (RevenueDaily, RevenueDailyByKind) that revenue analytics and the
// dashboard read: after orders are paid, refunded in part and in full on different days (through
// the app and Stripe, and as rows written directly), they hold exactly what an aggregate over the
// orders, items and refunds gives, and so do the figures; orders settled side by side all count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProgram, makeUser, type TestUser } from '../../testing/learning-fixtures';
import { startBillingServer, type BillingTestServer } from '../billing/billing-testing';

let s: BillingTestServer;
let owner: TestUser;
let admin: TestUser;
const DAY1 = new Date('2026-11-20T10:00:00Z');
const DAY2 = new Date('2026-11-21T23:59:00Z');
const DAY3 = new Date('2026-11-22T00:00:00Z');
const RANGE = { from: '2026-11-20', to: '2026-11-22' };

beforeAll(async () => {
  s = await startBillingServer();
  s.clock.set(DAY1);
  owner = await makeUser(s, 'instructor', 'Rollup Teacher');
  admin = await makeUser(s, 'admin');
});
afterAll(() => s?.close());

/** A student buys a new program's bundle (34.99) with a test card; paid at once, at the clock's time. */
async function buyerWithProgram() {
  const user = await makeUser(s, 'student');
  const program = await makeProgram(s, { ownerId: owner.id });
  return { user, program };
}
async function purchase() {
  const { user, program } = await buyerWithProgram();
  const paid = await user.caller.payments.createIntent({
    programId: program.id,
    accessType: 'bundle',
    paymentMethodId: 'pm_card_visa',
  });
  expect(paid.order.paymentStatus).toBe('completed');
  return paid.orderId;
}
async function refund(orderId: string, payload: { amount?: number }) {
  const res = await s.rest({
    method: 'POST',
    url: `/api/orders/${orderId}/refund`,
    headers: s.bearer(admin.token),
    payload,
  });
  expect(res.status).toBe(200);
  await s.settle();
}

/** round(a × b ÷ c) of positive integers, exactly (half up, as PostgreSQL's round). */
const share = (a: number, b: number, c: number) =>
  c > 0 ? Number((2n * BigInt(a) * BigInt(b) + BigInt(c)) / (2n * BigInt(c))) : 0;
const utcDay = (d: Date) => d.toISOString().slice(0, 10);
const nonZero = (r: { paidOrders: number; gross: number; refunds: number }) =>
  r.paidOrders !== 0 || r.gross !== 0 || r.refunds !== 0;
const byKey = <T extends { day: string; currency: string; kind?: string }>(rows: T[]) =>
  [...rows].sort((a, b) =>
    `${a.day} ${a.currency} ${a.kind ?? ''}`.localeCompare(`${b.day} ${b.currency} ${b.kind ?? ''}`),
  );

/** What the rollups must hold, worked out here from every paid order with its items and refunds. */
async function directAggregate() {
  const orders = await s.db.order.findMany({
    where: { paidAt: { not: null } },
    include: { items: true, payments: { include: { refunds: true } } },
  });
  const daily = new Map<
    string,
    { day: string; currency: string; paidOrders: number; gross: number; refunds: number }
  >();
  const kinds = new Map<
    string,
    { day: string; currency: string; kind: string; paidOrders: number; gross: number; refunds: number }
  >();
  for (const o of orders) {
    const day = utcDay(o.paidAt!);
    const refunded = o.payments
      .flatMap((p) => p.refunds)
      .filter((r) => r.status === 'succeeded')
      .reduce((sum, r) => sum + r.amount, 0);
    const d = daily.get(`${day} ${o.currency}`) ?? { day, currency: o.currency, paidOrders: 0, gross: 0, refunds: 0 };
    d.paidOrders += 1;
    d.gross += o.total;
    d.refunds += refunded;
    daily.set(`${day} ${o.currency}`, d);
    for (const kind of new Set(o.items.map((i) => i.kind))) {
      const k = kinds.get(`${day} ${o.currency} ${kind}`) ?? {
        day,
        currency: o.currency,
        kind,
        paidOrders: 0,
        gross: 0,
        refunds: 0,
      };
      k.paidOrders += 1;
      for (const i of o.items.filter((x) => x.kind === kind)) {
        k.gross += share(i.unitAmount * i.quantity, o.total, o.subtotal);
        k.refunds += share(i.unitAmount * i.quantity, refunded, o.subtotal);
      }
      kinds.set(`${day} ${o.currency} ${kind}`, k);
    }
  }
  return { daily: byKey([...daily.values()]), kinds: byKey([...kinds.values()]) };
}

async function rollups() {
  const daily = await s.db.$queryRaw<
    { day: string; currency: string; paidOrders: number; gross: number; refunds: number }[]
  >`SELECT to_char(day, 'YYYY-MM-DD') AS day, trim(currency) AS currency, "paidOrders", gross::int AS gross,
      refunds::int AS refunds FROM "RevenueDaily"`;
  const kinds = await s.db.$queryRaw<
    { day: string; currency: string; kind: string; paidOrders: number; gross: number; refunds: number }[]
  >`SELECT to_char(day, 'YYYY-MM-DD') AS day, trim(currency) AS currency, kind::text AS kind, "paidOrders",
      gross::int AS gross, refunds::int AS refunds FROM "RevenueDailyByKind"`;
  return { daily: byKey(daily.filter(nonZero)), kinds: byKey(kinds.filter(nonZero)) };
}

/** The dashboard's daily counts, and the same counted from the rows. */
async function dailyCounts() {
  const kept = await s.db.$queryRaw<{ subject: string; day: string; count: number }[]>`
    SELECT subject, to_char(day, 'YYYY-MM-DD') AS day, count FROM "DailyCount" WHERE count <> 0 ORDER BY 1, 2`;
  const counted = await s.db.$queryRaw<{ subject: string; day: string; count: number }[]>`
    SELECT subject, day, count(*)::int AS count FROM (
      SELECT 'orders' AS subject, to_char("createdAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day FROM "Order"
      UNION ALL
      SELECT 'enrollments', to_char("enrolledAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD') FROM "Enrollment") x
    GROUP BY 1, 2 ORDER BY 1, 2`;
  return { kept, counted };
}

describe('revenue rollups', () => {
  it('after payments, partial and full refunds on different days, equal an aggregate over the rows', async () => {
    // Day 1: A and B paid through Stripe, and C (three items, a discount) written directly.
    s.clock.set(DAY1);
    const a = await purchase();
    const b = await purchase();
    const { program: p1 } = await buyerWithProgram();
    const { user: buyer, program: p2 } = await buyerWithProgram();
    const event = await s.db.event.create({
      data: { slug: `rollup-event-${Date.now()}`, title: 'Rollup event', startsAt: DAY3, organizerId: owner.id },
    });
    // subtotal 1234 + 2 × 1111 + 1500 = 4956, total 4956 − 701 = 4255
    const c = await s.db.order.create({
      data: {
        orderNumber: `ROLLUP-C-${Date.now()}`,
        userId: buyer.id,
        subtotal: 4956,
        discount: 701,
        total: 4255,
        status: 'completed',
        paymentStatus: 'completed',
        paidAt: new Date(DAY1.getTime() + 60_000),
        items: {
          create: [
            { kind: 'program_access', programId: p1.id, accessType: 'bundle', description: 'C1', unitAmount: 1234 },
            {
              kind: 'program_access',
              programId: p2.id,
              accessType: 'chatbot',
              description: 'C2',
              unitAmount: 1111,
              quantity: 2,
            },
            { kind: 'event_ticket', eventId: event.id, description: 'C3', unitAmount: 1500 },
          ],
        },
        payments: { create: { amount: 4255, currency: 'USD', status: 'completed' } },
      },
      include: { payments: true },
    });
    const cPayment = c.payments[0]!.id;
    expect(await rollups()).toEqual(await directAggregate());

    // Day 2 (one minute before midnight): D paid; A refunded in part (counted on A's day 1);
    // C refunded twice in part, one refund failing first and succeeding later.
    s.clock.set(DAY2);
    const d = await purchase();
    await refund(a, { amount: 10 });
    await s.db.refund.create({ data: { paymentId: cPayment, amount: 1000, status: 'succeeded' } });
    const late = await s.db.refund.create({ data: { paymentId: cPayment, amount: 777, status: 'pending' } });
    await s.db.refund.update({ where: { id: late.id }, data: { status: 'failed' } });
    await s.db.refund.update({ where: { id: late.id }, data: { status: 'succeeded' } });
    expect(await rollups()).toEqual(await directAggregate());

    // Day 3 (midnight): B refunded in full through Stripe, D in part; one of C's refunds reversed.
    s.clock.set(DAY3);
    await refund(b, {});
    await refund(d, { amount: 5.55 });
    await s.db.refund.update({ where: { id: late.id }, data: { status: 'failed' } });
    const unpaid = await buyerWithProgram();
    await unpaid.user.caller.payments.createIntent({ programId: unpaid.program.id }); // never paid

    const [actual, expected] = [await rollups(), await directAggregate()];
    expect(actual).toEqual(expected);
    expect((await s.db.order.findUniqueOrThrow({ where: { id: b } })).paymentStatus).toBe('refunded');
    const day = (k: string, cur = 'USD') => actual.daily.find((r) => r.day === k && r.currency === cur);
    // Refunds go to the paid day: A's 10.00, B's 34.99 and C's 10.00 on day 1; D's 5.55 on day 2.
    expect(day('2026-11-20')).toMatchObject({ refunds: 1000 + 3499 + 1000 });
    expect(day('2026-11-21')).toMatchObject({ paidOrders: 1, gross: 3499, refunds: 555 });

    // The figures read from the rollups are the aggregate's.
    const range = expected.daily.filter((r) => r.day >= RANGE.from && r.day <= RANGE.to);
    const sum = (rows: typeof range, f: (r: (typeof range)[number]) => number) => rows.reduce((t, r) => t + f(r), 0);
    const { analytics } = await admin.caller.admin.analytics.revenue(RANGE);
    expect(analytics.byCurrency).toEqual([
      {
        currency: 'USD',
        paidOrders: sum(range, (r) => r.paidOrders),
        grossRevenue: sum(range, (r) => r.gross) / 100,
        refunds: sum(range, (r) => r.refunds) / 100,
        netRevenue: sum(range, (r) => r.gross - r.refunds) / 100,
        averageOrderValue: Math.round(sum(range, (r) => r.gross - r.refunds) / sum(range, (r) => r.paidOrders)) / 100,
      },
    ]);
    const kindsInRange = expected.kinds.filter((r) => r.day >= RANGE.from && r.day <= RANGE.to);
    expect(analytics.byKind).toEqual(
      ['program_access', 'event_ticket'].map((kind) => {
        const rows = kindsInRange.filter((r) => r.kind === kind);
        return {
          kind,
          currency: 'USD',
          orders: rows.reduce((t, r) => t + r.paidOrders, 0),
          grossRevenue: rows.reduce((t, r) => t + r.gross, 0) / 100,
          netRevenue: rows.reduce((t, r) => t + r.gross - r.refunds, 0) / 100,
        };
      }),
    );
    expect(analytics.series.filter((p) => p.orders > 0)).toEqual(
      range.map((r) => ({
        date: r.day,
        currency: 'USD',
        orders: r.paidOrders,
        grossRevenue: r.gross / 100,
        refunds: r.refunds / 100,
        netRevenue: (r.gross - r.refunds) / 100,
      })),
    );
    const { stats } = await admin.caller.admin.dashboard();
    const currencies = [...new Set(expected.daily.map((r) => r.currency))].sort();
    expect(stats.revenueByCurrency).toEqual(
      currencies.map((currency) => {
        const rows = expected.daily.filter((r) => r.currency === currency);
        return {
          currency,
          paidOrders: sum(rows, (r) => r.paidOrders),
          grossRevenue: sum(rows, (r) => r.gross) / 100,
          refunds: sum(rows, (r) => r.refunds) / 100,
          netRevenue: sum(rows, (r) => r.gross - r.refunds) / 100,
        };
      }),
    );

    // The dashboard's daily counts of orders and enrollments, also after an enrollment moves day.
    const moved = await s.db.enrollment.findFirstOrThrow({ orderBy: { enrolledAt: 'desc' } });
    await s.db.enrollment.update({ where: { id: moved.id }, data: { enrolledAt: new Date('2026-10-01T00:00:00Z') } });
    const counts = await dailyCounts();
    expect(counts.kept).toEqual(counts.counted);
    expect(stats.totalOrders).toBe(await s.db.order.count());
    expect(stats.totalEnrollments).toBe(await s.db.enrollment.count());

    // And recomputing them from the rows (the migration's backfill) changes nothing.
    await s.db.$executeRaw`SELECT revenue_rollup_rebuild()`;
    expect(await rollups()).toEqual(actual);
  });

  it('counts every one of 20 orders settled side by side on the same day', async () => {
    s.clock.set(new Date('2026-11-25T12:00:00Z'));
    const buyers = [];
    for (let i = 0; i < 20; i++) buyers.push(await buyerWithProgram());
    const paid = await Promise.all(
      buyers.map(({ user, program }) =>
        user.caller.payments.createIntent({
          programId: program.id,
          accessType: 'bundle',
          paymentMethodId: 'pm_card_visa',
        }),
      ),
    );
    expect(paid.map((p) => p.order.paymentStatus)).toEqual(Array(20).fill('completed'));
    const [row] = await s.db.$queryRaw<{ paidOrders: number; gross: bigint; refunds: bigint }[]>`
      SELECT "paidOrders", gross, refunds FROM "RevenueDaily" WHERE day = '2026-11-25' AND currency = 'USD'`;
    expect(row).toEqual({ paidOrders: 20, gross: BigInt(20 * 3499), refunds: 0n });
    const [kind] = await s.db.$queryRaw<{ paidOrders: number; gross: bigint }[]>`
      SELECT "paidOrders", gross FROM "RevenueDailyByKind"
      WHERE day = '2026-11-25' AND currency = 'USD' AND kind = 'program_access'`;
    expect(kind).toEqual({ paidOrders: 20, gross: BigInt(20 * 3499) });
    expect(await rollups()).toEqual(await directAggregate());
    const counts = await dailyCounts();
    expect(counts.kept).toEqual(counts.counted);
  });
});
