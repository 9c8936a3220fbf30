import type { AdminOrder } from '@learningpt/schema';
import { Dialog, errorMessage, FormAlert, serverFieldErrors, TextAreaField, TextField, useTRPC } from '@learningpt/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { formatDate, formatMoney } from '../../lib/format';
import { allowedStatuses, ORDER_STATUS_LABELS, OrderStatusBadge, PaymentStatusBadge, refundable } from './order-badges';

export type OrderAction = { kind: 'details' | 'status' | 'refund'; order: AdminOrder };

const TITLES = { details: 'Order details', status: 'Change order status', refund: 'Refund order' } as const;

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * One order: its details, or a confirmed change (status, refund). Not optimistic: the lists are
 * refetched after the server answers, so what they show is what the server holds.
 */
export function OrderDialog({
  action,
  onClose,
  onSwitch,
  onDone,
}: {
  action: OrderAction | null;
  onClose: () => void;
  /** From the details to a change of the same order. */
  onSwitch: (action: OrderAction) => void;
  onDone: (message: string) => void;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      open={action !== null}
      title={action ? `${TITLES[action.kind]} ${action.order.orderNumber}` : ''}
      onClose={onClose}
      busy={busy}
    >
      {/* Keyed by order and kind: each opening starts with a fresh form. */}
      {action?.kind === 'details' && (
        <OrderDetails
          key={`details:${action.order.id}`}
          order={action.order}
          onClose={onClose}
          onSwitch={(kind) => onSwitch({ kind, order: action.order })}
        />
      )}
      {action?.kind === 'status' && (
        <StatusForm
          key={`status:${action.order.id}`}
          order={action.order}
          onClose={onClose}
          onDone={onDone}
          onBusy={setBusy}
        />
      )}
      {action?.kind === 'refund' && (
        <RefundForm
          key={`refund:${action.order.id}`}
          order={action.order}
          onClose={onClose}
          onDone={onDone}
          onBusy={setBusy}
        />
      )}
    </Dialog>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex justify-between gap-4 py-1">
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-right text-slate-900">{children}</dd>
    </div>
  );
}

function OrderDetails({
  order,
  onClose,
  onSwitch,
}: {
  order: AdminOrder;
  onClose: () => void;
  onSwitch: (kind: 'status' | 'refund') => void;
}) {
  const money = (n: number) => formatMoney(n, order.currency);
  return (
    <div className="space-y-4 text-sm">
      <div className="flex flex-wrap gap-2">
        <PaymentStatusBadge order={order} />
        <OrderStatusBadge status={order.status} />
      </div>
      <dl className="divide-y divide-slate-100">
        <Fact label="Customer">
          <span className="block font-medium">{order.user.name}</span>
          <span className="block text-slate-500">{order.user.email}</span>
        </Fact>
        <Fact label="Placed">{dateTime.format(order.createdAt)}</Fact>
        {order.paidAt && <Fact label="Paid">{dateTime.format(order.paidAt)}</Fact>}
        {order.cancelledAt && <Fact label="Cancelled">{dateTime.format(order.cancelledAt)}</Fact>}
        {order.transactionId && (
          <Fact label="Stripe payment">
            <span className="font-mono text-xs">{order.transactionId}</span>
          </Fact>
        )}
      </dl>
      <div>
        <h3 className="font-semibold text-slate-900">Items</h3>
        <ul className="mt-1 divide-y divide-slate-100">
          {order.items.map((i) => (
            <li key={i.id} className="flex justify-between gap-4 py-1.5">
              <span className="text-slate-700">
                {i.description}
                {i.quantity > 1 && ` × ${i.quantity}`}
              </span>
              <span className="tabular-nums text-slate-900">{money(i.amount)}</span>
            </li>
          ))}
        </ul>
      </div>
      <dl className="border-t border-slate-200 pt-2">
        <Fact label="Subtotal">{money(order.subtotal)}</Fact>
        {order.discount > 0 && (
          <Fact label={`Discount${order.couponCode ? ` (${order.couponCode})` : ''}`}>−{money(order.discount)}</Fact>
        )}
        {order.tax > 0 && <Fact label="Tax">{money(order.tax)}</Fact>}
        <Fact label="Total">
          <strong>{money(order.total)}</strong>
        </Fact>
        {order.amountRefunded > 0 && <Fact label="Refunded">−{money(order.amountRefunded)}</Fact>}
      </dl>
      {order.refunds.length > 0 && (
        <div>
          <h3 className="font-semibold text-slate-900">Refunds</h3>
          <ul className="mt-1 space-y-1 text-slate-600">
            {order.refunds.map((r) => (
              <li key={r.id}>
                {money(r.amount)} · {r.status} · {formatDate(r.createdAt)}
                {r.reason && ` · ${r.reason}`}
              </li>
            ))}
          </ul>
        </div>
      )}
      {order.notes && (
        <div>
          <h3 className="font-semibold text-slate-900">Notes</h3>
          <p className="mt-1 whitespace-pre-line text-slate-600">{order.notes}</p>
        </div>
      )}
      <div className="flex flex-wrap justify-end gap-3 pt-2">
        <button type="button" className="btn-secondary" onClick={onClose}>
          Close
        </button>
        {allowedStatuses(order).length > 0 && (
          <button type="button" className="btn-secondary" onClick={() => onSwitch('status')}>
            Change status
          </button>
        )}
        {refundable(order) > 0 && (
          <button
            type="button"
            className="btn-primary !bg-red-600 hover:!bg-red-500"
            onClick={() => onSwitch('refund')}
          >
            Refund…
          </button>
        )}
      </div>
    </div>
  );
}

interface FormProps {
  order: AdminOrder;
  onClose: () => void;
  onDone: (message: string) => void;
  onBusy: (busy: boolean) => void;
}

function useRefreshOrders() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.orders.pathFilter());
}

function StatusForm({ order, onClose, onDone, onBusy }: FormProps) {
  const trpc = useTRPC();
  const refresh = useRefreshOrders();
  const options = allowedStatuses(order);
  const [status, setStatus] = useState(options.find((s) => s !== order.status) ?? order.status);
  const [notes, setNotes] = useState(order.notes ?? '');
  const setOrderStatus = useMutation(
    trpc.orders.setStatus.mutationOptions({
      onMutate: () => onBusy(true),
      onSuccess: ({ order: o }) =>
        onDone(`Order ${o.orderNumber} is now ${ORDER_STATUS_LABELS[o.status].toLowerCase()}.`),
      onSettled: () => {
        onBusy(false);
        return refresh();
      },
    }),
  );
  const busy = setOrderStatus.isPending;
  const notesChanged = notes.trim() !== (order.notes ?? '');

  function submit(e: FormEvent) {
    e.preventDefault();
    setOrderStatus.mutate({ id: order.id, status, ...(notesChanged ? { notes: notes.trim() } : {}) });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <p className="text-sm text-slate-600">
        {order.paidAt
          ? 'A paid order moves between confirmed, processing and completed. To cancel it, refund it.'
          : 'An unpaid order can only be cancelled: its checkout is closed at Stripe first, so it can no longer be paid.'}
      </p>
      <div>
        <label htmlFor="order-new-status" className="field-label">
          New status
        </label>
        <select
          id="order-new-status"
          className="field-input"
          value={status}
          disabled={busy}
          onChange={(e) => setStatus(e.target.value as typeof status)}
        >
          {options.map((s) => (
            <option key={s} value={s}>
              {ORDER_STATUS_LABELS[s]}
              {s === order.status ? ' (current)' : ''}
            </option>
          ))}
        </select>
      </div>
      <TextAreaField
        label="Note (kept on the order)"
        rows={3}
        maxLength={2000}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
        error={serverFieldErrors(setOrderStatus.error).notes}
        disabled={busy}
      />
      {setOrderStatus.isError && <FormAlert tone="error">{errorMessage(setOrderStatus.error)}</FormAlert>}
      <div className="flex justify-end gap-3 pt-2">
        <button type="button" className="btn-secondary" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button
          type="submit"
          className={`btn-primary ${status === 'cancelled' ? '!bg-red-600 hover:!bg-red-500' : ''}`}
          disabled={busy || (status === order.status && !notesChanged)}
        >
          {busy ? 'Saving…' : status === 'cancelled' ? 'Cancel order' : 'Change status'}
        </button>
      </div>
    </form>
  );
}

function RefundForm({ order, onClose, onDone, onBusy }: FormProps) {
  const trpc = useTRPC();
  const refresh = useRefreshOrders();
  const left = refundable(order);
  const [kind, setKind] = useState<'full' | 'partial'>('full');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [amountError, setAmountError] = useState<string | undefined>();
  const refund = useMutation(
    trpc.orders.refund.mutationOptions({
      onMutate: () => onBusy(true),
      onSuccess: (data) => onDone(data.message),
      onSettled: () => {
        onBusy(false);
        return refresh();
      },
    }),
  );
  const busy = refund.isPending;
  const money = (n: number) => formatMoney(n, order.currency);
  const partial = Number(amount);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (kind === 'partial') {
      if (!amount.trim() || !Number.isFinite(partial) || partial <= 0) {
        setAmountError('Enter the amount to refund, more than 0');
        return;
      }
      if (partial > left) {
        setAmountError(`At most ${money(left)} can still be refunded`);
        return;
      }
    }
    setAmountError(undefined);
    refund.mutate({
      id: order.id,
      ...(kind === 'partial' ? { amount: Math.round(partial * 100) / 100 } : {}),
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    });
  }

  const radio = 'size-4 border-slate-300 text-indigo-600 focus:ring-indigo-500';
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <p className="text-sm text-slate-600">
        The money goes back to the card of{' '}
        <strong className="font-medium text-slate-900">
          {order.user.name} ({order.user.email})
        </strong>{' '}
        through Stripe. {money(left)} of {money(order.total)} can still be refunded.
      </p>
      <fieldset className="space-y-2" disabled={busy}>
        <legend className="field-label">Amount</legend>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="radio"
            name="refund-kind"
            className={radio}
            checked={kind === 'full'}
            onChange={() => setKind('full')}
          />
          Everything left ({money(left)})
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="radio"
            name="refund-kind"
            className={radio}
            checked={kind === 'partial'}
            onChange={() => setKind('partial')}
          />
          Part of it
        </label>
      </fieldset>
      {kind === 'partial' && (
        <TextField
          label={`Amount to refund (${order.currency})`}
          type="number"
          inputMode="decimal"
          min="0.01"
          step="0.01"
          max={left}
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={amountError ?? serverFieldErrors(refund.error).amount}
          disabled={busy}
        />
      )}
      <TextAreaField
        label="Reason (kept with the refund)"
        rows={2}
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={serverFieldErrors(refund.error).reason}
        disabled={busy}
      />
      <FormAlert tone="info">
        {kind === 'full'
          ? 'A full refund cancels the order and takes back what it gave (program access, event ticket). Lesson progress is kept.'
          : 'A partial refund keeps what the order gave.'}
      </FormAlert>
      {refund.isError && <FormAlert tone="error">{errorMessage(refund.error)}</FormAlert>}
      <div className="flex justify-end gap-3 pt-2">
        <button type="button" className="btn-secondary" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button type="submit" className="btn-primary !bg-red-600 hover:!bg-red-500" disabled={busy}>
          {busy
            ? 'Refunding…'
            : `Refund ${kind === 'full' ? money(left) : amount && Number.isFinite(partial) && partial > 0 ? money(partial) : ''}`.trim()}
        </button>
      </div>
    </form>
  );
}
