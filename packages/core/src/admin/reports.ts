// The CSV reports (GET /api/admin/reports/{kind}.csv): rows of one kind in a date range, read
// from the database in batches with a keyset cursor (the time column and the id of the last row
// sent), so a report of any size holds one batch in memory, and written as RFC 4180 CSV.
import { Prisma, type Db } from '@learningpt/db';
import type { ReportKind } from '@learningpt/schema';
import type { AnalyticsRange } from './analytics';

export const REPORT_BATCH_SIZE = 1000;

/**
 * One CSV field: quoted when it holds a quote, comma or line break (quotes doubled); text that a
 * spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) gets a
 * leading apostrophe first. Numbers are written as they are; dates as ISO 8601 (UTC).
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  let s = typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (fields: readonly unknown[]) => fields.map(csvField).join(',') + '\r\n';

const money = (minor: bigint | number | null) => (Number(minor ?? 0) / 100).toFixed(2);

interface Keyed {
  k_at: Date;
  k_id: string;
}
interface ReportDef<R extends Keyed> {
  header: string[];
  /** The next batch after the cursor, in (time, id) order. */
  batch(db: Db, range: AnalyticsRange, after: Keyed | null, limit: number): Promise<R[]>;
  cells(row: R): unknown[];
}

/** `AND (col, id) > (at, id)`, written so the index on the time column bounds the scan. */
const after = (col: string, id: string, k: Keyed | null) =>
  k
    ? Prisma.sql`AND ${Prisma.raw(col)} >= ${k.k_at} AND (${Prisma.raw(col)} > ${k.k_at} OR ${Prisma.raw(id)} > ${k.k_id}::uuid)`
    : Prisma.empty;

type OrderRow = Keyed & {
  order_number: string;
  status: string;
  payment_status: string;
  email: string;
  name: string;
  currency: string;
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
  refunded: bigint;
  paid_at: Date | null;
};
type UserRow = Keyed & {
  name: string;
  email: string;
  role: string;
  status: string;
  email_verified: boolean;
  last_login_at: Date | null;
};
type EnrollmentRow = Keyed & {
  email: string;
  slug: string;
  title: string;
  source: string;
  status: string;
  progress: number;
  completed_at: Date | null;
};
type RevenueRow = Keyed & {
  order_number: string;
  email: string;
  currency: string;
  kinds: string;
  total: number;
  refunded: bigint;
};
type RegistrationRow = Keyed & {
  slug: string;
  title: string;
  starts_at: Date;
  email: string;
  name: string;
  status: string;
  cancelled_at: Date | null;
  rating: number | null;
};

const REFUNDED_OF = (orderId: string) => Prisma.sql`COALESCE((SELECT sum(r.amount) FROM "Refund" r
  JOIN "Payment" rp ON rp.id = r."paymentId" WHERE rp."orderId" = ${Prisma.raw(orderId)} AND r.status = 'succeeded'), 0)::bigint`;

const orders: ReportDef<OrderRow> = {
  header: [
    'orderNumber',
    'createdAt',
    'status',
    'paymentStatus',
    'userEmail',
    'userName',
    'currency',
    'subtotal',
    'discount',
    'tax',
    'total',
    'refunded',
    'paidAt',
  ],
  batch: (db, { from, to }, k, limit) => db.$queryRaw<OrderRow[]>`
    SELECT o."createdAt" AS k_at, o.id::text AS k_id, o."orderNumber" AS order_number, o.status::text,
      o."paymentStatus"::text AS payment_status, u.email, u.name, o.currency, o.subtotal, o.discount, o.tax, o.total,
      ${REFUNDED_OF('o.id')} AS refunded, o."paidAt" AS paid_at
    FROM "Order" o JOIN "User" u ON u.id = o."userId"
    WHERE o."createdAt" >= ${from} AND o."createdAt" < ${to} ${after('o."createdAt"', 'o.id', k)}
    ORDER BY o."createdAt", o.id LIMIT ${limit}`,
  cells: (r) => [
    r.order_number,
    r.k_at,
    r.status,
    r.payment_status,
    r.email,
    r.name,
    r.currency.trim(),
    money(r.subtotal),
    money(r.discount),
    money(r.tax),
    money(r.total),
    money(r.refunded),
    r.paid_at,
  ],
};

const users: ReportDef<UserRow> = {
  header: ['id', 'name', 'email', 'role', 'status', 'emailVerified', 'createdAt', 'lastLoginAt'],
  batch: (db, { from, to }, k, limit) => db.$queryRaw<UserRow[]>`
    SELECT "createdAt" AS k_at, id::text AS k_id, name, email, role::text, status::text,
      "emailVerified" AS email_verified, "lastLoginAt" AS last_login_at
    FROM "User" WHERE "createdAt" >= ${from} AND "createdAt" < ${to} ${after('"createdAt"', 'id', k)}
    ORDER BY "createdAt", id LIMIT ${limit}`,
  cells: (r) => [r.k_id, r.name, r.email, r.role, r.status, r.email_verified, r.k_at, r.last_login_at],
};

const enrollments: ReportDef<EnrollmentRow> = {
  header: [
    'id',
    'userEmail',
    'programSlug',
    'programTitle',
    'source',
    'status',
    'progressPercent',
    'enrolledAt',
    'completedAt',
  ],
  batch: (db, { from, to }, k, limit) => db.$queryRaw<EnrollmentRow[]>`
    SELECT e."enrolledAt" AS k_at, e.id::text AS k_id, u.email, p.slug, p.title, e.source::text, e.status::text,
      e."progressPercent" AS progress, e."completedAt" AS completed_at
    FROM "Enrollment" e JOIN "User" u ON u.id = e."userId" JOIN "Program" p ON p.id = e."programId"
    WHERE e."enrolledAt" >= ${from} AND e."enrolledAt" < ${to} ${after('e."enrolledAt"', 'e.id', k)}
    ORDER BY e."enrolledAt", e.id LIMIT ${limit}`,
  cells: (r) => [r.k_id, r.email, r.slug, r.title, r.source, r.status, r.progress, r.k_at, r.completed_at],
};

const revenue: ReportDef<RevenueRow> = {
  header: ['paidAt', 'orderNumber', 'userEmail', 'currency', 'kinds', 'gross', 'refunds', 'net'],
  batch: (db, { from, to }, k, limit) => db.$queryRaw<RevenueRow[]>`
    SELECT o."paidAt" AS k_at, o.id::text AS k_id, o."orderNumber" AS order_number, u.email, o.currency,
      COALESCE((SELECT string_agg(DISTINCT oi.kind::text, ' ') FROM "OrderItem" oi WHERE oi."orderId" = o.id), '') AS kinds,
      o.total, ${REFUNDED_OF('o.id')} AS refunded
    FROM "Order" o JOIN "User" u ON u.id = o."userId"
    WHERE o."paidAt" >= ${from} AND o."paidAt" < ${to} ${after('o."paidAt"', 'o.id', k)}
    ORDER BY o."paidAt", o.id LIMIT ${limit}`,
  cells: (r) => [
    r.k_at,
    r.order_number,
    r.email,
    r.currency.trim(),
    r.kinds,
    money(r.total),
    money(r.refunded),
    money(r.total - Number(r.refunded)),
  ],
};

const events: ReportDef<RegistrationRow> = {
  header: [
    'eventSlug',
    'eventTitle',
    'startsAt',
    'userEmail',
    'userName',
    'status',
    'registeredAt',
    'cancelledAt',
    'feedbackRating',
  ],
  batch: (db, { from, to }, k, limit) => db.$queryRaw<RegistrationRow[]>`
    SELECT r."registeredAt" AS k_at, r.id::text AS k_id, e.slug, e.title, e."startsAt" AS starts_at, u.email, u.name,
      r.status::text, r."cancelledAt" AS cancelled_at, r."feedbackRating" AS rating
    FROM "EventRegistration" r JOIN "Event" e ON e.id = r."eventId" JOIN "User" u ON u.id = r."userId"
    WHERE r."registeredAt" >= ${from} AND r."registeredAt" < ${to} AND e."deletedAt" IS NULL
      ${after('r."registeredAt"', 'r.id', k)}
    ORDER BY r."registeredAt", r.id LIMIT ${limit}`,
  cells: (r) => [r.slug, r.title, r.starts_at, r.email, r.name, r.status, r.k_at, r.cancelled_at, r.rating],
};

const REPORTS: Record<ReportKind, ReportDef<Keyed>> = {
  orders,
  users,
  enrollments,
  revenue,
  events,
};

/**
 * The report as CSV text: the header line, then one chunk per batch of rows. The next batch is
 * read only when the consumer asks for more (a stream's back-pressure reaches the database).
 * `onBatch` is told the size of each batch read (for logs and tests).
 */
export async function* reportCsv(
  { db }: { db: Db },
  {
    kind,
    range,
    batchSize = REPORT_BATCH_SIZE,
    onBatch,
  }: { kind: ReportKind; range: AnalyticsRange; batchSize?: number; onBatch?: (rows: number) => void },
): AsyncGenerator<string> {
  const def = REPORTS[kind];
  yield csvLine(def.header);
  let cursor: Keyed | null = null;
  for (;;) {
    const rows = await def.batch(db, range, cursor, batchSize);
    onBatch?.(rows.length);
    if (rows.length === 0) return;
    yield rows.map((r) => csvLine(def.cells(r))).join('');
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1]!;
    cursor = { k_at: last.k_at, k_id: last.k_id };
  }
}

/** The file name of a report: `orders-2026-11-01-to-2026-11-30.csv`. */
export function reportFileName(kind: ReportKind, range: AnalyticsRange): string {
  const last = new Date(range.to.getTime() - 86_400_000);
  return `${kind}-${range.from.toISOString().slice(0, 10)}-to-${last.toISOString().slice(0, 10)}.csv`;
}
