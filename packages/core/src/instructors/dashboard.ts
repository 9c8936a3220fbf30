import type { Db } from '@learningpt/db';
import type { InstructorDashboardOutput } from '@learningpt/schema';
import { PAID_ORDERS } from '../billing/revenue';
import { averageRating } from '../catalog/program-view';
import type { Clock } from '../shared/clock';
import { toMajor } from '../shared/money';

/** The currency the headline revenue is shown in; revenue in other currencies is listed apart. */
export const DASHBOARD_CURRENCY = 'USD';
const TOP_PROGRAMS = 5;

/** The start of the UTC calendar month of `d`, and of the next one. */
export function utcMonthOf(d: Date): { start: Date; end: Date } {
  return {
    start: new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)),
    end: new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)),
  };
}

/**
 * instructors.dashboard: numbers over the caller's own non-deleted programs (any status), all
 * computed from rows — nothing estimated.
 *
 * Revenue attribution: an instructor earns the `program_access` order items of their programs,
 * in paid orders (billing's PAID_ORDERS: a completed or later refunded Payment; failed and
 * pending ones do not count), net of refunds. An item's share is unitAmount × quantity less its
 * pro-rata part of the order's discount (tax excluded: it is not the instructor's), less the
 * refunded fraction of the order's total. The month of a sale is that of Order.paidAt, or of its
 * first paid payment when paidAt is missing. Amounts are summed per order currency.
 */
export async function getInstructorDashboard({
  db,
  clock,
  instructorId,
}: {
  db: Db;
  clock: Clock;
  instructorId: string;
}): Promise<InstructorDashboardOutput> {
  const month = utcMonthOf(clock.now());
  const [programs, [students], [newEnrollments], revenue] = await Promise.all([
    db.$queryRaw<
      {
        id: string;
        title: string;
        status: string;
        ratingTotal: number;
        reviewCount: number;
        enrollments: bigint;
      }[]
    >`
      SELECT p.id, p.title, p.status::text AS status, p."ratingTotal", p."reviewCount",
        (SELECT count(*) FROM "Enrollment" e WHERE e."programId" = p.id AND e.status <> 'cancelled') AS enrollments
      FROM "Program" p
      WHERE p."instructorId" = ${instructorId}::uuid AND p."deletedAt" IS NULL`,
    db.$queryRaw<{ n: bigint }[]>`
      SELECT count(DISTINCT e."userId") AS n
      FROM "Enrollment" e JOIN "Program" p ON p.id = e."programId"
      WHERE p."instructorId" = ${instructorId}::uuid AND p."deletedAt" IS NULL AND e.status <> 'cancelled'`,
    db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n
      FROM "Enrollment" e JOIN "Program" p ON p.id = e."programId"
      WHERE p."instructorId" = ${instructorId}::uuid AND p."deletedAt" IS NULL AND e.status <> 'cancelled'
        AND e."enrolledAt" >= ${month.start} AND e."enrolledAt" < ${month.end}`,
    db.$queryRaw<{ programId: string; currency: string; total: bigint; thisMonth: bigint }[]>`
      ${PAID_ORDERS}, items AS (
        SELECT oi."programId", paid.currency, paid.paid_at,
          round(oi."unitAmount" * oi.quantity
            * (1 - CASE WHEN paid.subtotal > 0 THEN paid.discount::numeric / paid.subtotal ELSE 0 END)
            * (1 - CASE WHEN paid.total > 0 THEN paid.refunded::numeric / paid.total ELSE 0 END)) AS amount
        FROM "OrderItem" oi
        JOIN paid ON paid.id = oi."orderId"
        JOIN "Program" p ON p.id = oi."programId"
        WHERE oi.kind = 'program_access' AND p."instructorId" = ${instructorId}::uuid
      )
      SELECT "programId", currency, sum(amount)::bigint AS total,
        COALESCE(sum(amount) FILTER (WHERE paid_at >= ${month.start} AND paid_at < ${month.end}), 0)::bigint AS "thisMonth"
      FROM items GROUP BY "programId", currency`,
  ]);

  const byCurrency = new Map<string, { total: number; thisMonth: number }>();
  const programRevenue = new Map<string, number>();
  for (const r of revenue) {
    const c = byCurrency.get(r.currency) ?? { total: 0, thisMonth: 0 };
    c.total += Number(r.total);
    c.thisMonth += Number(r.thisMonth);
    byCurrency.set(r.currency, c);
    if (r.currency === DASHBOARD_CURRENCY) {
      programRevenue.set(r.programId, (programRevenue.get(r.programId) ?? 0) + Number(r.total));
    }
  }
  const main = byCurrency.get(DASHBOARD_CURRENCY) ?? { total: 0, thisMonth: 0 };
  const ratingTotal = programs.reduce((s, p) => s + p.ratingTotal, 0);
  const reviewCount = programs.reduce((s, p) => s + p.reviewCount, 0);

  const topPrograms = [...programs]
    .sort((a, b) => Number(b.enrollments - a.enrollments) || a.title.localeCompare(b.title) || (a.id < b.id ? -1 : 1))
    .slice(0, TOP_PROGRAMS)
    .map((p) => ({
      id: p.id,
      title: p.title,
      enrollments: Number(p.enrollments),
      revenue: toMajor(programRevenue.get(p.id) ?? 0),
      rating: averageRating(p.ratingTotal, p.reviewCount),
    }));

  return {
    stats: {
      totalStudents: Number(students?.n ?? 0),
      totalRevenue: toMajor(main.total),
      revenueThisMonth: toMajor(main.thisMonth),
      currency: DASHBOARD_CURRENCY,
      revenueByCurrency: [...byCurrency.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([currency, v]) => ({ currency, total: toMajor(v.total), thisMonth: toMajor(v.thisMonth) })),
      totalPrograms: programs.length,
      publishedPrograms: programs.filter((p) => p.status === 'published').length,
      averageRating: averageRating(ratingTotal, reviewCount),
      totalReviews: reviewCount,
      newEnrollmentsThisMonth: Number(newEnrollments?.n ?? 0),
      topPrograms,
    },
  };
}
