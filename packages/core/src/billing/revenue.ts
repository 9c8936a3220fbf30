import { Prisma } from '@learningpt/db';

/**
 * Paid orders (a completed or later refunded payment) with what was refunded of them: the one
 * definition of revenue, shared with the instructor dashboard.
 */
export const PAID_ORDERS = Prisma.sql`
  WITH paid AS (
    SELECT o.id, o.currency, o.subtotal, o.discount, o.total,
      COALESCE(o."paidAt", min(pay."createdAt")) AS paid_at,
      COALESCE((SELECT sum(r.amount) FROM "Refund" r JOIN "Payment" rp ON rp.id = r."paymentId"
                WHERE rp."orderId" = o.id AND r.status = 'succeeded'), 0) AS refunded
    FROM "Order" o JOIN "Payment" pay ON pay."orderId" = o.id AND pay.status IN ('completed', 'refunded')
    GROUP BY o.id
  )`;
