import type { Order } from '@learningpt/schema';

type OrderStatus = Order['status'];
type PaymentStatus = Order['paymentStatus'];

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  pending: 'Pending',
  confirmed: 'Confirmed',
  processing: 'Processing',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  pending: 'Unpaid',
  completed: 'Paid',
  failed: 'Failed',
  refunded: 'Refunded',
};

const ORDER_STYLES: Record<OrderStatus, string> = {
  pending: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  confirmed: 'bg-sky-50 text-sky-700 ring-sky-600/20',
  processing: 'bg-sky-50 text-sky-700 ring-sky-600/20',
  completed: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
  cancelled: 'bg-slate-100 text-slate-600 ring-slate-500/20',
};

const PAYMENT_STYLES: Record<PaymentStatus, string> = {
  pending: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  completed: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
  failed: 'bg-red-50 text-red-700 ring-red-600/20',
  refunded: 'bg-violet-50 text-violet-700 ring-violet-600/20',
};

const badge =
  'inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset';

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return <span className={`${badge} ${ORDER_STYLES[status]}`}>{ORDER_STATUS_LABELS[status]}</span>;
}

/** The payment's state; a paid order with part of it refunded says so. */
export function PaymentStatusBadge({ order }: { order: Pick<Order, 'paymentStatus' | 'amountRefunded'> }) {
  const partly = order.paymentStatus === 'completed' && order.amountRefunded > 0;
  return (
    <span className={`${badge} ${PAYMENT_STYLES[order.paymentStatus]}`}>
      {partly ? 'Partly refunded' : PAYMENT_STATUS_LABELS[order.paymentStatus]}
    </span>
  );
}

/** The statuses an admin may move this order to (the server's rules: payment facts are Stripe's). */
export function allowedStatuses(o: Pick<Order, 'status' | 'paymentStatus' | 'paidAt'>): OrderStatus[] {
  if (o.paymentStatus === 'refunded') return [];
  if (o.paidAt) return ['confirmed', 'processing', 'completed'];
  if (o.status === 'cancelled') return [];
  return ['pending', 'cancelled'];
}

/** What is left to refund (decimal units), 0 when nothing can be refunded. */
export function refundable(
  o: Pick<Order, 'paidAt' | 'paymentStatus' | 'paymentMethod' | 'total' | 'amountRefunded' | 'refunds'>,
): number {
  if (!o.paidAt || o.paymentStatus === 'refunded' || o.paymentMethod !== 'stripe') return 0;
  const pending = o.refunds.filter((r) => r.status === 'pending').reduce((s, r) => s + r.amount, 0);
  return Math.max(0, Math.round((o.total - o.amountRefunded - pending) * 100) / 100);
}
