// orders.mine / byId / list / setStatus / analytics.
import type { Prisma } from '@learningpt/db';
import type { AdminOrdersOutput, MyOrdersOutput, OrderAnalyticsOutput, OrderOutput } from '@learningpt/schema';
import { writeAudit } from '../audit/write-audit';
import { AppError } from '../shared/errors';
import { toMajor } from '../shared/money';
import { pageOffset, paginationMeta } from '../shared/pagination';
import type { Viewer } from '../shared/viewer';
import { adminOrderView, loadOrder, orderInclude, orderView } from './orders';
import { closeAtStripe } from './purchase';
import { PAID_ORDERS } from './revenue';
import type { BillingDeps } from './settings';

type OrderStatus = 'pending' | 'confirmed' | 'processing' | 'completed' | 'cancelled';
type PaymentStatus = 'pending' | 'completed' | 'failed' | 'refunded';
const DAY = 86_400_000;

export async function myOrders(
  deps: Pick<BillingDeps, 'db'>,
  { viewer, page, limit, status }: { viewer: Viewer; page: number; limit: number; status?: OrderStatus | undefined },
): Promise<MyOrdersOutput> {
  const where: Prisma.OrderWhereInput = { userId: viewer.userId, ...(status ? { status } : {}) };
  const [rows, total] = await Promise.all([
    deps.db.order.findMany({
      where,
      include: orderInclude,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: pageOffset(page, limit),
      take: limit,
    }),
    deps.db.order.count({ where }),
  ]);
  return { orders: rows.map(orderView), pagination: paginationMeta(total, page, limit) };
}

/** One order, for its buyer or an admin; anyone else gets the same 404 as for a missing order. */
export async function orderById(
  deps: Pick<BillingDeps, 'db'>,
  { viewer, id }: { viewer: Viewer; id: string },
): Promise<OrderOutput> {
  const row = await deps.db.order.findUnique({ where: { id }, include: orderInclude });
  if (!row || (row.userId !== viewer.userId && viewer.role !== 'admin'))
    throw new AppError('NOT_FOUND', 'Order not found');
  return { order: orderView(row) };
}

const dayStart = (d: string) => new Date(`${d}T00:00:00.000Z`);
const dayEnd = (d: string) => new Date(dayStart(d).getTime() + DAY);

export async function listOrders(
  deps: Pick<BillingDeps, 'db'>,
  input: {
    page: number;
    limit: number;
    status?: OrderStatus | undefined;
    paymentStatus?: PaymentStatus | undefined;
    userId?: string | undefined;
    currency?: string | undefined;
    search?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
  },
): Promise<AdminOrdersOutput> {
  const search = input.search?.trim();
  const where: Prisma.OrderWhereInput = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.paymentStatus ? { paymentStatus: input.paymentStatus } : {}),
    ...(input.userId ? { userId: input.userId } : {}),
    ...(input.currency ? { currency: input.currency } : {}),
    ...(input.from || input.to
      ? {
          createdAt: {
            ...(input.from ? { gte: dayStart(input.from) } : {}),
            ...(input.to ? { lt: dayEnd(input.to) } : {}),
          },
        }
      : {}),
    ...(search
      ? {
          OR: [
            { orderNumber: { contains: search, mode: 'insensitive' } },
            { user: { email: { contains: search.toLowerCase() } } },
            { user: { name: { contains: search, mode: 'insensitive' } } },
          ],
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    deps.db.order.findMany({
      where,
      include: orderInclude,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: pageOffset(input.page, input.limit),
      take: input.limit,
    }),
    deps.db.order.count({ where }),
  ]);
  return { orders: rows.map(adminOrderView), pagination: paginationMeta(total, input.page, input.limit) };
}

/**
 * orders.setStatus (admin): the fulfilment status. Payment facts are Stripe's: an unpaid order
 * can only stay pending or be cancelled (its checkout is closed at Stripe first); a paid one moves
 * between confirmed, processing and completed, and is cancelled only by refunding it.
 */
export async function setOrderStatus(
  deps: BillingDeps,
  {
    actor,
    id,
    status,
    notes,
    ip,
  }: { actor: Viewer; id: string; status: OrderStatus; notes?: string | undefined; ip?: string | null },
) {
  const { db, clock } = deps;
  const order = await db.order.findUnique({ where: { id } });
  if (!order) throw new AppError('NOT_FOUND', 'Order not found');
  if (order.paymentStatus === 'refunded')
    throw new AppError('UNPROCESSABLE', 'This order was refunded: its status can no longer change.');
  if (order.paidAt) {
    if (status === 'cancelled') {
      throw new AppError('UNPROCESSABLE', 'A paid order is cancelled by refunding it (POST /api/orders/{id}/refund).');
    }
    if (status === 'pending') throw new AppError('UNPROCESSABLE', 'A paid order cannot go back to pending.');
  } else {
    if (status !== 'pending' && status !== 'cancelled') {
      throw new AppError(
        'UNPROCESSABLE',
        `An unpaid order cannot be ${status}: it is completed when its payment arrives.`,
      );
    }
    if (order.status === 'cancelled' && status === 'pending') {
      throw new AppError('UNPROCESSABLE', 'A cancelled order cannot be reopened: the buyer places a new one.');
    }
    if (status === 'cancelled' && order.status !== 'cancelled') await closeAtStripe(deps, order);
  }
  const now = clock.now();
  await db.$transaction(async (tx) => {
    const changed = await tx.order.updateMany({
      where: { id, paymentStatus: order.paymentStatus, ...(order.paidAt ? {} : { paidAt: null }) },
      data: {
        status,
        ...(notes !== undefined ? { notes } : {}),
        ...(status === 'cancelled' ? { cancelledAt: now } : {}),
        updatedAt: now,
      },
    });
    if (changed.count === 0)
      throw new AppError('CONFLICT', 'The order changed meanwhile (a payment arrived?): reload it.');
    await writeAudit(tx, {
      clock,
      actorId: actor.userId,
      action: 'order.status',
      entityType: 'Order',
      entityId: id,
      data: { from: order.status, to: status },
      ip: ip ?? null,
    });
  });
  return { order: adminOrderView(await loadOrder(db, id)) };
}

/** orders.analytics: orders created in the range, and revenue of those paid in it, net of refunds, per currency. */
export async function orderAnalytics(
  deps: Pick<BillingDeps, 'db' | 'clock'>,
  input: { from?: string | undefined; to?: string | undefined },
): Promise<OrderAnalyticsOutput> {
  const { db, clock } = deps;
  const today = clock.now().toISOString().slice(0, 10);
  const toDay = input.to ?? today;
  const fromDay = input.from ?? new Date(dayStart(toDay).getTime() - 29 * DAY).toISOString().slice(0, 10);
  const from = dayStart(fromDay);
  const to = dayEnd(toDay);
  if (to <= from) throw new AppError('BAD_REQUEST', '`from` must be on or before `to`.');
  if (to.getTime() - from.getTime() > 3660 * DAY)
    throw new AppError('BAD_REQUEST', 'The range can be at most ten years.');

  const [statusRows, paymentRows, revenueRows, dailyRows, productRows] = await Promise.all([
    db.order.groupBy({ by: ['status'], where: { createdAt: { gte: from, lt: to } }, _count: true }),
    db.order.groupBy({ by: ['paymentStatus'], where: { createdAt: { gte: from, lt: to } }, _count: true }),
    db.$queryRaw<{ currency: string; orders: bigint; gross: bigint; refunds: bigint }[]>`
      ${PAID_ORDERS}
      SELECT currency, count(*) AS orders, sum(total)::bigint AS gross, sum(refunded)::bigint AS refunds
      FROM paid WHERE paid_at >= ${from} AND paid_at < ${to} GROUP BY currency ORDER BY currency`,
    db.$queryRaw<{ day: string; currency: string; orders: bigint; net: bigint }[]>`
      ${PAID_ORDERS}
      SELECT to_char(paid_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, currency, count(*) AS orders,
        sum(total - refunded)::bigint AS net
      FROM paid WHERE paid_at >= ${from} AND paid_at < ${to} GROUP BY 1, 2 ORDER BY 1, 2`,
    db.$queryRaw<
      {
        kind: 'program_access' | 'event_ticket' | 'subscription';
        id: string;
        title: string;
        currency: string;
        orders: bigint;
        net: bigint;
      }[]
    >`
      ${PAID_ORDERS}
      SELECT oi.kind, COALESCE(oi."programId"::text, oi."eventId"::text, oi."planId") AS id,
        COALESCE(p.title, e.title, oi.description) AS title, paid.currency, count(DISTINCT paid.id) AS orders,
        sum(round(oi."unitAmount" * oi.quantity
          * CASE WHEN paid.subtotal > 0 THEN (paid.total - paid.refunded)::numeric / paid.subtotal ELSE 0 END))::bigint AS net
      FROM paid JOIN "OrderItem" oi ON oi."orderId" = paid.id
      LEFT JOIN "Program" p ON p.id = oi."programId" LEFT JOIN "Event" e ON e.id = oi."eventId"
      WHERE paid.paid_at >= ${from} AND paid.paid_at < ${to}
      GROUP BY 1, 2, 3, 4 ORDER BY net DESC, id LIMIT 10`,
  ]);
  return {
    analytics: {
      from,
      to,
      totalOrders: statusRows.reduce((s, r) => s + r._count, 0),
      byStatus: Object.fromEntries(statusRows.map((r) => [r.status, r._count])),
      byPaymentStatus: Object.fromEntries(paymentRows.map((r) => [r.paymentStatus, r._count])),
      revenue: revenueRows.map((r) => {
        const net = Number(r.gross) - Number(r.refunds);
        return {
          currency: r.currency,
          paidOrders: Number(r.orders),
          grossRevenue: toMajor(Number(r.gross)),
          refunds: toMajor(Number(r.refunds)),
          netRevenue: toMajor(net),
          averageOrderValue: toMajor(Number(r.orders) ? Math.round(net / Number(r.orders)) : 0),
        };
      }),
      daily: dailyRows.map((r) => ({
        date: r.day,
        currency: r.currency,
        orders: Number(r.orders),
        netRevenue: toMajor(Number(r.net)),
      })),
      topProducts: productRows.map((r) => ({
        kind: r.kind,
        id: r.id,
        title: r.title,
        currency: r.currency,
        orders: Number(r.orders),
        netRevenue: toMajor(Number(r.net)),
      })),
    },
  };
}
