import type { AdminOrder } from '@learningpt/schema';
import { actionButton, td, th } from '../../components/table-classes';
import { formatDate, formatMoney } from '../../lib/format';
import { OrderStatusBadge, PaymentStatusBadge, refundable } from './order-badges';
import type { OrderAction } from './order-dialog';

interface OrdersTableProps {
  orders: AdminOrder[];
  dimmed: boolean;
  onAction: (action: OrderAction) => void;
}

export function OrdersTable({ orders, dimmed, onAction }: OrdersTableProps) {
  return (
    <div
      className={`overflow-x-auto rounded-2xl border border-slate-200 bg-white shadow-sm transition-opacity ${dimmed ? 'opacity-60' : ''}`}
    >
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Orders</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={th}>
              Order
            </th>
            <th scope="col" className={th}>
              Customer
            </th>
            <th scope="col" className={th}>
              Items
            </th>
            <th scope="col" className={`${th} text-right`}>
              Total
            </th>
            <th scope="col" className={th}>
              Payment / status
            </th>
            <th scope="col" className={`${th} text-right`}>
              Actions
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {orders.map((o) => {
            const canRefund = refundable(o) > 0;
            return (
              <tr key={o.id} className="hover:bg-slate-50">
                <td className={`${td} whitespace-nowrap`}>
                  <span className="block font-mono text-xs font-medium text-slate-900">{o.orderNumber}</span>
                  <span className="block text-slate-500">{formatDate(o.createdAt)}</span>
                </td>
                <td className={`${td} max-w-52`}>
                  <span className="block truncate font-medium text-slate-900">{o.user.name}</span>
                  <span className="block truncate text-slate-500">{o.user.email}</span>
                </td>
                <td className={`${td} min-w-48 max-w-72 text-slate-700`}>
                  <span className="line-clamp-2">{o.items.map((i) => i.description).join(', ')}</span>
                </td>
                <td className={`${td} whitespace-nowrap text-right tabular-nums text-slate-900`}>
                  {formatMoney(o.total, o.currency)}
                  {o.amountRefunded > 0 && (
                    <span className="block text-xs text-slate-500">
                      −{formatMoney(o.amountRefunded, o.currency)} refunded
                    </span>
                  )}
                </td>
                <td className={td}>
                  <span className="flex flex-col items-start gap-1">
                    <PaymentStatusBadge order={o} />
                    <OrderStatusBadge status={o.status} />
                  </span>
                </td>
                <td className={`${td} whitespace-nowrap text-right`}>
                  <button
                    type="button"
                    className={actionButton}
                    aria-label={`Details of order ${o.orderNumber}`}
                    onClick={() => onAction({ kind: 'details', order: o })}
                  >
                    Details
                  </button>
                  <button
                    type="button"
                    className={`${actionButton} text-red-600 hover:bg-red-50`}
                    disabled={!canRefund}
                    title={canRefund ? undefined : 'Nothing paid through Stripe is left to refund'}
                    aria-label={`Refund order ${o.orderNumber}`}
                    onClick={() => onAction({ kind: 'refund', order: o })}
                  >
                    Refund
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
