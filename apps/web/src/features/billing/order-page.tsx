import type { Order } from '@learningpt/schema';
import {
  CheckIcon,
  errorMessage,
  ErrorState,
  FormAlert,
  Skeleton,
  Spinner,
  trpcErrorCode,
  useTRPC,
} from '@learningpt/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatDateTime, formatMoney } from '../../lib/format';
import { NotFound } from '../program/program-not-found';
import { ACCESS_LABELS, orderState } from './billing-labels';
import { OrderStatusBadge } from './order-status-badge';
import { useProgramCheckout } from './use-checkout';

/** How often the success page asks about a payment Stripe has not confirmed to us yet. */
const POLL_MS = 1500;
/** After this long it also asks Stripe directly (orders.verifyPayment), in case a webhook is late. */
const VERIFY_AFTER_MS = 6000;
/** And after this long it stops waiting on screen (the receipt email still follows). */
const GIVE_UP_MS = 90_000;

/**
 * /orders/:id: one of my orders. Stripe Checkout comes back here: ?checkout=success waits until the
 * payment is applied (the webhook, or a direct check with Stripe) and then leads to what was
 * bought; ?checkout=cancelled says that nothing was charged and offers another try.
 */
export function OrderPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const checkout = params.get('checkout');
  const returning = checkout === 'success';
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [startedAt] = useState(() => Date.now());
  const [gaveUp, setGaveUp] = useState(false);
  const order = useQuery(
    trpc.orders.byId.queryOptions(
      { id },
      {
        refetchInterval: (q) => {
          const o = q.state.data?.order;
          return returning && !gaveUp && o && waiting(o) ? POLL_MS : false;
        },
      },
    ),
  );
  const verify = useMutation(
    trpc.orders.verifyPayment.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.orders.byId.queryKey({ id }), { order: data.order }),
    }),
  );
  const { mutate: verifyNow } = verify;
  const verified = useRef(false);
  const o = order.data?.order;
  const stillWaiting = returning && o !== undefined && waiting(o);

  useEffect(() => {
    if (!stillWaiting) return;
    const timers = [
      setTimeout(
        () => {
          // Once per visit: the webhook normally gets there first.
          if (verified.current) return;
          verified.current = true;
          verifyNow({ orderId: id });
        },
        Math.max(0, startedAt + VERIFY_AFTER_MS - Date.now()),
      ),
      setTimeout(() => setGaveUp(true), Math.max(0, startedAt + GIVE_UP_MS - Date.now())),
    ];
    return () => timers.forEach(clearTimeout);
  }, [stillWaiting, id, startedAt, verifyNow]);

  // Once paid, what it unlocked is stale everywhere (program page, my learning, plan, event).
  const paid = o?.paidAt != null;
  useEffect(() => {
    if (!paid || !returning) return;
    void Promise.all([
      queryClient.invalidateQueries(trpc.programs.pathFilter()),
      queryClient.invalidateQueries(trpc.users.enrolledPrograms.pathFilter()),
      queryClient.invalidateQueries(trpc.subscriptions.pathFilter()),
      queryClient.invalidateQueries(trpc.events.pathFilter()),
      queryClient.invalidateQueries(trpc.notifications.pathFilter()),
    ]);
  }, [paid, returning, queryClient, trpc]);

  if (order.isPending) {
    return (
      <div className="mx-auto max-w-3xl space-y-4 px-4 py-10 sm:px-6" aria-busy="true" aria-label="Loading the order">
        <Skeleton className="h-9 w-1/2 rounded-lg" />
        <Skeleton className="h-32 rounded-2xl" />
        <Skeleton className="h-64 rounded-2xl" />
      </div>
    );
  }
  if (order.isError) {
    if (trpcErrorCode(order.error) === 'NOT_FOUND' || trpcErrorCode(order.error) === 'BAD_REQUEST') {
      return (
        <>
          <title>Order not found · LearninGPT</title>
          <NotFound title="Order not found" message="There is no such order in your account." />
        </>
      );
    }
    return (
      <div className="px-4 py-16">
        <ErrorState title="We couldn't load this order" error={order.error} onRetry={() => void order.refetch()} />
      </div>
    );
  }

  const data = order.data.order;
  const state = orderState(data);
  const panel =
    checkout === 'success' ? (
      <SuccessPanel order={data} gaveUp={gaveUp} verifyError={verify.error} />
    ) : checkout === 'cancelled' ? (
      <CancelledPanel order={data} />
    ) : state === 'pending' ? (
      <ResumePanel order={data} />
    ) : state === 'failed' ? (
      <FailedPanel order={data} />
    ) : null;
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-10 sm:px-6">
      <title>{`Order ${data.orderNumber} · LearninGPT`}</title>
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link to="/billing" className="hover:text-indigo-700">
          Billing
        </Link>
        <span aria-hidden="true"> / </span>
        <span>Order {data.orderNumber}</span>
      </nav>

      {panel}
      {/* The panel, when there is one, is the page's heading; otherwise the order itself is. */}
      <OrderDetails order={data} headingLevel={panel ? 2 : 1} />
    </div>
  );
}

/** Not paid, not over: the payment may still be confirmed. */
function waiting(o: Order): boolean {
  return o.paidAt === null && o.status !== 'cancelled';
}

/** Where the order leads: the program bought, the event's page, or the plan. */
function destination(o: Order): { to: string; label: string; back: string; learn?: string } | null {
  const item = o.items[0];
  if (!item) return null;
  if (item.kind === 'program_access' && item.programId) {
    const program = `/programs/${encodeURIComponent(item.programId)}`;
    const reads = item.accessType === 'documentation' || item.accessType === 'bundle';
    return {
      to: program,
      label: 'Go to the program',
      back: 'Back to the program',
      ...(reads ? { learn: `${program}/learn` } : {}),
    };
  }
  // The event page takes its id as well as its slug.
  if (item.kind === 'event_ticket' && item.eventId) {
    return { to: `/events/${encodeURIComponent(item.eventId)}`, label: 'Go to the event', back: 'Back to the event' };
  }
  if (item.kind === 'subscription') return { to: '/billing', label: 'See your plan', back: 'Back to plans' };
  return null;
}

function Panel({
  tone,
  title,
  children,
}: {
  tone: 'success' | 'info' | 'warning';
  title: string;
  children: ReactNode;
}) {
  const styles = {
    success: 'border-emerald-200 bg-emerald-50 text-emerald-900',
    info: 'border-indigo-200 bg-indigo-50 text-indigo-900',
    warning: 'border-amber-200 bg-amber-50 text-amber-900',
  }[tone];
  return (
    <section aria-labelledby="order-panel-heading" className={`rounded-2xl border p-6 ${styles}`}>
      <h1 id="order-panel-heading" className="text-xl font-bold tracking-tight">
        {title}
      </h1>
      <div className="mt-2 space-y-3 text-sm">{children}</div>
    </section>
  );
}

function SuccessPanel({ order, gaveUp, verifyError }: { order: Order; gaveUp: boolean; verifyError: unknown }) {
  const state = orderState(order);
  if (state === 'paid' || state === 'partly-refunded' || state === 'refunded') {
    const next = destination(order);
    return (
      <Panel tone="success" title="Payment received">
        <p className="flex items-center gap-2">
          <CheckIcon className="size-4 shrink-0" />
          Thank you! Order {order.orderNumber} is paid ({formatMoney(order.total, order.currency)}). A receipt is on its
          way to your inbox.
        </p>
        {next && (
          <div className="flex flex-wrap gap-3 pt-1">
            {next.learn && (
              <Link to={next.learn} className="btn-primary">
                Start learning
              </Link>
            )}
            <Link to={next.to} className={next.learn ? 'btn-secondary' : 'btn-primary'}>
              {next.label}
            </Link>
          </div>
        )}
      </Panel>
    );
  }
  if (state === 'failed' || state === 'cancelled') {
    return state === 'failed' ? <FailedPanel order={order} /> : <CancelledPanel order={order} />;
  }
  return (
    <Panel tone="info" title={gaveUp ? 'Your payment is still being confirmed' : 'Confirming your payment…'}>
      {gaveUp ? (
        <p>
          Stripe has not confirmed the payment to us yet. There is nothing more to do: this order updates by itself and
          the receipt arrives by email once it is confirmed. Reload this page in a minute to check.
        </p>
      ) : (
        <p className="flex items-center gap-3">
          <Spinner label="Waiting for the payment" className="size-5" />
          We are waiting for Stripe to confirm order {order.orderNumber}. This usually takes a few seconds.
        </p>
      )}
      {verifyError != null && <p className="text-xs">({errorMessage(verifyError)})</p>}
    </Panel>
  );
}

function CancelledPanel({ order }: { order: Order }) {
  const paid = order.paidAt !== null;
  if (paid) return <SuccessPanel order={order} gaveUp={false} verifyError={null} />;
  const next = destination(order);
  return (
    <Panel tone="warning" title="Checkout cancelled">
      <p>
        {order.paymentStatus === 'failed' ? 'The card was declined and nothing was charged.' : 'Nothing was charged.'}{' '}
        You can come back and buy it whenever you like.
      </p>
      <div className="flex flex-wrap gap-3 pt-1">
        {order.status !== 'cancelled' && <TryAgainButton order={order} label="Try again" />}
        {next && (
          <Link to={next.to} className="btn-secondary">
            {next.back}
          </Link>
        )}
      </div>
    </Panel>
  );
}

function FailedPanel({ order }: { order: Order }) {
  return (
    <Panel tone="warning" title="The payment did not go through">
      <p>Your card was not charged. You can try again with another card.</p>
      {order.status !== 'cancelled' && (
        <div className="pt-1">
          <TryAgainButton order={order} label="Try another card" />
        </div>
      )}
    </Panel>
  );
}

function ResumePanel({ order }: { order: Order }) {
  return (
    <Panel tone="info" title="Awaiting payment">
      <p>This order has not been paid yet. Nothing has been charged.</p>
      <div className="pt-1">
        <TryAgainButton order={order} label="Complete payment" />
      </div>
    </Panel>
  );
}

/** Back to Stripe Checkout for the same product (the same open order, if it still matches). */
function TryAgainButton({ order, label }: { order: Order; label: string }) {
  const { checkout, busy } = useProgramCheckout();
  const item = order.items[0];
  if (!item || item.kind !== 'program_access' || !item.programId || !item.accessType) return null;
  const { programId, accessType } = item;
  return (
    <div className="space-y-3">
      <button
        type="button"
        className="btn-primary"
        disabled={busy}
        onClick={() => checkout.mutate({ programId, accessType })}
      >
        {busy ? 'Starting checkout…' : label}
      </button>
      {checkout.isError && <FormAlert tone="error">{errorMessage(checkout.error)}</FormAlert>}
    </div>
  );
}

function OrderDetails({ order, headingLevel }: { order: Order; headingLevel: 1 | 2 }) {
  const money = (n: number) => formatMoney(n, order.currency);
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <section
      aria-labelledby="order-details-heading"
      className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Heading id="order-details-heading" className="text-lg font-semibold text-slate-900">
          Order {order.orderNumber}
        </Heading>
        <OrderStatusBadge order={order} />
      </div>
      <p className="mt-1 text-sm text-slate-500">
        Placed {formatDateTime(order.createdAt)}
        {order.paidAt && ` · paid ${formatDateTime(order.paidAt)}`}
        {order.cancelledAt && ` · cancelled ${formatDateTime(order.cancelledAt)}`}
      </p>

      <table className="mt-5 w-full text-sm">
        <caption className="sr-only">Items and totals</caption>
        <thead className="border-b border-slate-200 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="pb-2">
              Item
            </th>
            <th scope="col" className="pb-2 text-right">
              Amount
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {order.items.map((item) => (
            <tr key={item.id}>
              <td className="py-3">
                <span className="block font-medium text-slate-800">{item.description}</span>
                {item.accessType && (
                  <span className="block text-xs text-slate-500">{ACCESS_LABELS[item.accessType]}</span>
                )}
                {item.kind === 'program_access' && item.programId && (
                  <Link
                    to={`/programs/${encodeURIComponent(item.programId)}`}
                    className="text-xs font-medium text-indigo-600 hover:underline"
                  >
                    View program
                  </Link>
                )}
                {item.kind === 'event_ticket' && item.eventId && (
                  <Link
                    to={`/events/${encodeURIComponent(item.eventId)}`}
                    className="text-xs font-medium text-indigo-600 hover:underline"
                  >
                    View event
                  </Link>
                )}
              </td>
              <td className="py-3 text-right tabular-nums text-slate-700">
                {item.quantity > 1 && `${item.quantity} × `}
                {money(item.amount)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <dl className="mt-4 space-y-1.5 border-t border-slate-200 pt-4 text-sm">
        <Row label="Subtotal" value={money(order.subtotal)} />
        {order.discount > 0 && (
          <Row
            label={`Discount${order.couponCode ? ` (${order.couponCode})` : ''}`}
            value={`−${money(order.discount)}`}
          />
        )}
        {order.tax > 0 && <Row label="Tax" value={money(order.tax)} />}
        <Row label="Total" value={money(order.total)} strong />
        {order.amountRefunded > 0 && <Row label="Refunded" value={`−${money(order.amountRefunded)}`} />}
      </dl>

      {order.refunds.length > 0 && (
        <div className="mt-5">
          <h3 className="text-sm font-semibold text-slate-900">Refunds</h3>
          <ul className="mt-2 space-y-1 text-sm text-slate-600">
            {order.refunds.map((r) => (
              <li key={r.id}>
                {money(r.amount)} · {r.status} · {formatDateTime(r.createdAt)}
                {r.reason && ` · ${r.reason}`}
              </li>
            ))}
          </ul>
        </div>
      )}
      {order.paidAt && order.paymentMethod && (
        <p className="mt-5 text-xs text-slate-500">
          Paid {order.paymentMethod === 'stripe' ? 'by card through Stripe' : 'with no charge'}
          {order.transactionId && (
            <>
              {' '}
              · reference <span className="font-mono">{order.transactionId}</span>
            </>
          )}
        </p>
      )}
    </section>
  );
}

function Row({ label, value, strong = false }: { label: string; value: string; strong?: boolean }) {
  return (
    <div
      className={`flex justify-between gap-4 ${strong ? 'text-base font-semibold text-slate-900' : 'text-slate-600'}`}
    >
      <dt>{label}</dt>
      <dd className="tabular-nums">{value}</dd>
    </div>
  );
}
