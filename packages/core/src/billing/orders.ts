// Orders: what is bought, at which price, with which coupon and tax. The price always comes from
// the product row (Program price columns, Event.price), in the product's currency; the client's
// idea of the amount is only compared, never used.
import type { Db, Prisma } from '@learningpt/db';
import type { AccessType, AdminOrder, Order, PurchaseProduct } from '@learningpt/schema';
import { PROGRAM_NOT_FOUND } from '../catalog/program-access-check';
import { formatPrice } from '../learning/enroll';
import type { Clock } from '../shared/clock';
import { AppError } from '../shared/errors';
import { toMajor, toMinor } from '../shared/money';
import { MIN_CHARGE_MINOR, type BillingSettings } from './settings';

type Tx = Prisma.TransactionClient;
type DbLike = Db | Tx;

export const ACCESS_LABEL: Record<AccessType, string> = {
  chatbot: 'AI chatbot',
  documentation: 'Documentation',
  examSimulator: 'Exam simulator',
  bundle: 'Bundle (chatbot, documentation and exam simulator)',
};

export const PRICE_COLUMN = {
  chatbot: 'priceChatbot',
  documentation: 'priceDocumentation',
  examSimulator: 'priceExamSimulator',
  bundle: 'priceBundle',
} as const satisfies Record<AccessType, string>;

/** What an access type switches on. */
export function flagsOfAccess(t: AccessType) {
  return {
    chatbotAccess: t === 'chatbot' || t === 'bundle',
    documentationAccess: t === 'documentation' || t === 'bundle',
    examSimulatorAccess: t === 'examSimulator' || t === 'bundle',
  };
}

export interface Quote {
  /** Serialises purchases of the same thing by the same user (one open order at a time). */
  productKey: string;
  item: {
    kind: 'program_access' | 'event_ticket';
    programId: string | null;
    accessType: AccessType | null;
    eventId: string | null;
    description: string;
    unitAmount: number;
    quantity: number;
  };
  currency: string;
  /** The person the product belongs to (instructor / organiser), told about sales. */
  sellerId: string;
  link: string;
}

/** The product and its current price; refuses what cannot be bought. */
export async function quoteProduct({
  db,
  clock,
  product,
}: {
  db: DbLike;
  clock: Clock;
  product: PurchaseProduct;
}): Promise<Quote> {
  if (product.kind === 'program') {
    const p = await db.program.findUnique({ where: { id: product.programId } });
    if (!p || p.deletedAt !== null || p.status === 'draft') throw new AppError('NOT_FOUND', PROGRAM_NOT_FOUND);
    if (p.status === 'archived') {
      throw new AppError('UNPROCESSABLE', 'This program is archived and can no longer be bought.');
    }
    const unit = p[PRICE_COLUMN[product.accessType]];
    if (unit <= 0) {
      throw new AppError(
        'UNPROCESSABLE',
        `${ACCESS_LABEL[product.accessType]} of ${p.title} is free: enroll in the program instead (programs.enroll).`,
      );
    }
    return {
      productKey: `program:${p.id}`,
      item: {
        kind: 'program_access',
        programId: p.id,
        accessType: product.accessType,
        eventId: null,
        description: `${p.title}: ${ACCESS_LABEL[product.accessType]}`,
        unitAmount: unit,
        quantity: 1,
      },
      currency: p.currency,
      sellerId: p.instructorId,
      link: `/programs/${p.slug}`,
    };
  }
  const e = await db.event.findUnique({ where: { id: product.eventId } });
  if (!e || e.deletedAt !== null) throw new AppError('NOT_FOUND', 'Event not found');
  if (e.status === 'cancelled' || e.status === 'completed') {
    throw new AppError('UNPROCESSABLE', `This event is ${e.status}: tickets are no longer sold.`);
  }
  if (e.startsAt.getTime() + e.durationMinutes * 60_000 <= clock.now().getTime()) {
    throw new AppError('UNPROCESSABLE', 'This event is over: tickets are no longer sold.');
  }
  if (e.price <= 0) throw new AppError('UNPROCESSABLE', 'This event is free: register for it instead.');
  if (e.capacity !== null && e.registeredCount >= e.capacity) {
    throw new AppError('UNPROCESSABLE', 'This event is full: no tickets are left.');
  }
  return {
    productKey: `event:${e.id}`,
    item: {
      kind: 'event_ticket',
      programId: null,
      accessType: null,
      eventId: e.id,
      description: `${e.title}: ticket`,
      unitAmount: e.price,
      quantity: 1,
    },
    currency: e.currency,
    sellerId: e.organizerId,
    link: `/events/${e.slug}`,
  };
}

/** Refuses a purchase of what the user already has for good. */
export async function assertNotOwned({ db, userId, quote }: { db: DbLike; userId: string; quote: Quote }) {
  if (quote.item.kind === 'program_access') {
    const e = await db.enrollment.findUnique({
      where: { userId_programId: { userId, programId: quote.item.programId! } },
      select: { status: true, source: true, chatbotAccess: true, documentationAccess: true, examSimulatorAccess: true },
    });
    // Subscription access lasts only as long as the plan, so buying it for good is allowed.
    if (!e || e.status === 'cancelled' || e.source === 'subscription') return;
    const wanted = flagsOfAccess(quote.item.accessType!);
    const has =
      (!wanted.chatbotAccess || e.chatbotAccess) &&
      (!wanted.documentationAccess || e.documentationAccess) &&
      (!wanted.examSimulatorAccess || e.examSimulatorAccess);
    if (has)
      throw new AppError(
        'CONFLICT',
        `You already have ${ACCESS_LABEL[quote.item.accessType!]} access to this program.`,
      );
    return;
  }
  const r = await db.eventRegistration.findUnique({
    where: { userId_eventId: { userId, eventId: quote.item.eventId! } },
    select: { status: true },
  });
  if (r && r.status !== 'cancelled') throw new AppError('CONFLICT', 'You are already registered for this event.');
}

export interface Totals {
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
}

/** The client's amount (and currency) must be the price it is charged; else a 422 naming both. */
export function assertExpectedAmount(quote: Quote, totals: Totals, expected: { amount?: number; currency?: string }) {
  if (expected.currency !== undefined && expected.currency !== quote.currency) {
    throw new AppError(
      'UNPROCESSABLE',
      `This is sold in ${quote.currency}, not ${expected.currency}. Reload the page to see the current price.`,
    );
  }
  if (expected.amount === undefined) return;
  const sent = toMinor(expected.amount);
  // The list price or the total to pay (after coupon and tax) are both what a page may show.
  if (sent !== totals.subtotal && sent !== totals.total) {
    throw new AppError(
      'UNPROCESSABLE',
      `The amount sent (${formatPrice(sent, quote.currency)}) is not the price (${formatPrice(totals.subtotal, quote.currency)}` +
        (totals.total !== totals.subtotal ? `, ${formatPrice(totals.total, quote.currency)} to pay` : '') +
        '). The amount is computed by the server: reload the page to see the current price.',
    );
  }
}

/** Percent off rounds to the nearest minor unit; a fixed amount never exceeds the subtotal. */
export function discountOf(coupon: { percentOff: number | null; amountOff: number | null }, subtotal: number): number {
  if (coupon.percentOff !== null) return Math.round((subtotal * coupon.percentOff) / 100);
  return Math.min(coupon.amountOff ?? 0, subtotal);
}

export function totalsOf(subtotal: number, discount: number, taxRatePercent: number): Totals {
  const tax = Math.round(((subtotal - discount) * taxRatePercent) / 100);
  return { subtotal, discount, tax, total: subtotal - discount + tax };
}

/** A coupon checked for this order (not yet reserved). */
export async function couponFor({
  db,
  clock,
  code,
  currency,
}: {
  db: DbLike;
  clock: Clock;
  code: string;
  currency: string;
}) {
  const coupon = await db.coupon.findUnique({ where: { code } });
  const now = clock.now();
  if (!coupon || !coupon.active)
    throw new AppError('UNPROCESSABLE', `Coupon ${code} does not exist or is no longer active.`);
  if (coupon.validFrom && coupon.validFrom > now)
    throw new AppError('UNPROCESSABLE', `Coupon ${code} is not valid yet.`);
  if (coupon.validUntil && coupon.validUntil <= now) throw new AppError('UNPROCESSABLE', `Coupon ${code} has expired.`);
  if (coupon.maxRedemptions !== null && coupon.redeemedCount >= coupon.maxRedemptions) {
    throw new AppError('UNPROCESSABLE', `Coupon ${code} has been used up.`);
  }
  if (coupon.amountOff !== null && coupon.currency !== currency) {
    throw new AppError(
      'UNPROCESSABLE',
      `Coupon ${code} is for ${coupon.currency} prices; this is sold in ${currency}.`,
    );
  }
  return coupon;
}

/**
 * Takes one redemption of the coupon for this order, atomically: the count only grows while it is
 * under maxRedemptions and the coupon is valid (one conditional UPDATE), and one user redeems a
 * coupon once (unique couponId + userId). Either refusal rolls the order back.
 */
async function reserveCoupon(
  tx: Tx,
  opts: { couponId: string; code: string; userId: string; orderId: string; now: Date },
) {
  const taken = await tx.$executeRaw`
    UPDATE "Coupon" SET "redeemedCount" = "redeemedCount" + 1, "updatedAt" = ${opts.now}
    WHERE id = ${opts.couponId}::uuid AND active
      AND ("maxRedemptions" IS NULL OR "redeemedCount" < "maxRedemptions")
      AND ("validFrom" IS NULL OR "validFrom" <= ${opts.now})
      AND ("validUntil" IS NULL OR "validUntil" > ${opts.now})`;
  if (taken === 0) throw new AppError('UNPROCESSABLE', `Coupon ${opts.code} has been used up.`);
  const inserted = await tx.$executeRaw`
    INSERT INTO "CouponRedemption" (id, "couponId", "userId", "orderId", "redeemedAt")
    VALUES (gen_random_uuid(), ${opts.couponId}::uuid, ${opts.userId}::uuid, ${opts.orderId}::uuid, ${opts.now})
    ON CONFLICT ("couponId", "userId") DO NOTHING`;
  if (inserted === 0) throw new AppError('CONFLICT', `You have already used coupon ${opts.code}.`);
}

/** Gives an unpaid order's redemption back (cancelled/expired orders), in the caller's transaction. */
export async function releaseCoupon(tx: Tx, orderId: string, now: Date) {
  const released = await tx.couponRedemption.deleteMany({ where: { orderId } });
  if (released.count === 0) return;
  await tx.$executeRaw`
    UPDATE "Coupon" SET "redeemedCount" = greatest("redeemedCount" - 1, 0), "updatedAt" = ${now}
    WHERE id = (SELECT "couponId" FROM "Order" WHERE id = ${orderId}::uuid)`;
}

/** LG-2026-000123: the year of the order and a number from one sequence (never reused). */
async function nextOrderNumber(tx: Tx, now: Date): Promise<string> {
  const [row] = await tx.$queryRaw<{ n: bigint }[]>`SELECT nextval('"Order_number_seq"') AS n`;
  return `LG-${now.getUTCFullYear()}-${String(row!.n).padStart(6, '0')}`;
}

/**
 * A new pending order for one product, in the caller's transaction: items, coupon (reserved),
 * tax at the configured rate and totals (the database checks total = subtotal - discount + tax).
 */
export async function createOrder(
  tx: Tx,
  opts: {
    clock: Clock;
    billing: BillingSettings;
    userId: string;
    quote: Quote;
    couponCode?: string | undefined;
    expected: { amount?: number | undefined; currency?: string | undefined };
  },
): Promise<{ id: string; total: number }> {
  const { quote } = opts;
  const now = opts.clock.now();
  const subtotal = quote.item.unitAmount * quote.item.quantity;
  const coupon = opts.couponCode
    ? await couponFor({ db: tx, clock: opts.clock, code: opts.couponCode, currency: quote.currency })
    : null;
  const totals = totalsOf(subtotal, coupon ? discountOf(coupon, subtotal) : 0, opts.billing.taxRatePercent);
  assertExpectedAmount(quote, totals, {
    ...(opts.expected.amount !== undefined ? { amount: opts.expected.amount } : {}),
    ...(opts.expected.currency !== undefined ? { currency: opts.expected.currency } : {}),
  });
  if (totals.total > 0 && totals.total < MIN_CHARGE_MINOR) {
    throw new AppError(
      'UNPROCESSABLE',
      `The total (${formatPrice(totals.total, quote.currency)}) is below the smallest amount a card can be charged (${formatPrice(MIN_CHARGE_MINOR, quote.currency)}).`,
    );
  }
  const order = await tx.order.create({
    data: {
      orderNumber: await nextOrderNumber(tx, now),
      userId: opts.userId,
      currency: quote.currency,
      ...totals,
      couponId: coupon?.id ?? null,
      createdAt: now,
      updatedAt: now,
      items: { create: [{ ...quote.item, createdAt: now }] },
    },
    select: { id: true, total: true },
  });
  if (coupon)
    await reserveCoupon(tx, { couponId: coupon.id, code: coupon.code, userId: opts.userId, orderId: order.id, now });
  return order;
}

// ── Views ────────────────────────────────────────────────────────────────────

export const orderInclude = {
  items: { orderBy: { createdAt: 'asc' } },
  coupon: { select: { code: true } },
  payments: { include: { refunds: { orderBy: { createdAt: 'asc' } } }, orderBy: { createdAt: 'asc' } },
  user: { select: { id: true, name: true, email: true } },
} satisfies Prisma.OrderInclude;

export type OrderRow = Prisma.OrderGetPayload<{ include: typeof orderInclude }>;

export function orderView(o: OrderRow): Order {
  const refunds = o.payments.flatMap((p) => p.refunds);
  const refunded = refunds.filter((r) => r.status === 'succeeded').reduce((s, r) => s + r.amount, 0);
  const payment = o.payments.find((p) => p.status === 'completed' || p.status === 'refunded') ?? o.payments.at(-1);
  return {
    id: o.id,
    orderNumber: o.orderNumber,
    status: o.status,
    paymentStatus: o.paymentStatus,
    currency: o.currency,
    subtotal: toMajor(o.subtotal),
    discount: toMajor(o.discount),
    tax: toMajor(o.tax),
    total: toMajor(o.total),
    amountRefunded: toMajor(refunded),
    couponCode: o.coupon?.code ?? null,
    items: o.items.map((i) => ({
      id: i.id,
      kind: i.kind,
      description: i.description,
      programId: i.programId,
      accessType: i.accessType,
      eventId: i.eventId,
      planId: i.planId,
      unitAmount: toMajor(i.unitAmount),
      quantity: i.quantity,
      amount: toMajor(i.unitAmount * i.quantity),
    })),
    refunds: refunds.map((r) => ({
      id: r.id,
      amount: toMajor(r.amount),
      status: r.status,
      reason: r.reason,
      createdAt: r.createdAt,
    })),
    paymentMethod: payment ? payment.provider : o.stripePaymentIntentId || o.stripeCheckoutSessionId ? 'stripe' : null,
    transactionId: o.stripePaymentIntentId,
    notes: o.notes,
    paidAt: o.paidAt,
    cancelledAt: o.cancelledAt,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  };
}

export function adminOrderView(o: OrderRow): AdminOrder {
  return { ...orderView(o), user: o.user };
}

export async function loadOrder(db: DbLike, id: string): Promise<OrderRow> {
  return db.order.findUniqueOrThrow({ where: { id }, include: orderInclude });
}
