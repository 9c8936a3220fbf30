import type { Order } from '@learningpt/schema';
import { ORDER_STATE_LABELS, ORDER_STATE_STYLES, orderState } from './billing-labels';

const badge = 'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset';

/** Paid, refunded, awaiting payment...: the order's state in one word or two. */
export function OrderStatusBadge({
  order,
}: {
  order: Pick<Order, 'status' | 'paymentStatus' | 'paidAt' | 'amountRefunded'>;
}) {
  const state = orderState(order);
  return <span className={`${badge} ${ORDER_STATE_STYLES[state]}`}>{ORDER_STATE_LABELS[state]}</span>;
}
