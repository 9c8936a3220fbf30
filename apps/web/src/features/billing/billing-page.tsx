import type { Subscription } from '@learningpt/schema';
import { Dialog, errorMessage, ErrorState, FormAlert, Pagination, Skeleton, Spinner, useTRPC } from '@learningpt/ui';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatDay, formatMoney } from '../../lib/format';
import { safeHttpUrl } from '../../lib/safe-url';
import { SectionCard } from '../profile/section-card';
import { INVOICE_STATUS_LABELS, SUBSCRIPTION_STATUS_LABELS } from './billing-labels';
import { OrderStatusBadge } from './order-status-badge';

const ORDERS_PAGE_SIZE = 10;
const INVOICES_PAGE_SIZE = 10;
/** After a plan's Checkout: how often, and how long, to look for the new subscription. */
const POLL_MS = 1500;
const POLL_FOR_MS = 90_000;

function pageParam(params: URLSearchParams, name: string): number {
  const n = Number(params.get(name));
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/** /billing: my plan (cancel at period end, resume), invoices and receipts, and orders. */
export function BillingPage() {
  const [params] = useSearchParams();
  const hrefFor = (name: string) => (page: number) => {
    const next = new URLSearchParams(params);
    next.delete('checkout');
    next.delete('session_id');
    if (page > 1) next.set(name, String(page));
    else next.delete(name);
    const search = next.toString();
    return search ? `?${search}` : '?';
  };

  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <title>Billing · LearninGPT</title>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Billing</h1>
      <p className="mt-1 text-sm text-slate-600">Your plan, your invoices and receipts, and everything you bought.</p>
      <div className="mt-8 space-y-8">
        <SectionCard id="plan" title="Your plan">
          <PlanSection returning={params.get('checkout') === 'success'} />
        </SectionCard>
        <SectionCard id="orders" title="Orders" description="Programs and tickets you bought, newest first.">
          <OrdersSection page={pageParam(params, 'orders')} hrefFor={hrefFor('orders')} />
        </SectionCard>
        <SectionCard id="invoices" title="Invoices and receipts">
          <InvoicesSection page={pageParam(params, 'invoices')} hrefFor={hrefFor('invoices')} />
        </SectionCard>
      </div>
    </div>
  );
}

function PlanSection({ returning }: { returning: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [timedOut, setTimedOut] = useState(false);
  useEffect(() => {
    if (!returning) return;
    const timer = setTimeout(() => setTimedOut(true), POLL_FOR_MS);
    return () => clearTimeout(timer);
  }, [returning]);
  const current = useQuery(
    trpc.subscriptions.current.queryOptions(undefined, {
      // Back from a plan's Checkout: the webhook creates the subscription within seconds.
      refetchInterval: (q) => (returning && !q.state.data?.subscription && !timedOut ? POLL_MS : false),
    }),
  );
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const done = {
    onSuccess: (data: { message: string }) => {
      setConfirmCancel(false);
      setNotice(data.message);
    },
    onSettled: () => queryClient.invalidateQueries(trpc.subscriptions.pathFilter()),
  };
  const cancel = useMutation(trpc.subscriptions.cancel.mutationOptions(done));
  const resume = useMutation(trpc.subscriptions.resume.mutationOptions(done));

  if (current.isPending) {
    return (
      <div aria-busy="true" aria-label="Loading your plan" className="space-y-2">
        <Skeleton className="h-7 w-40" />
        <Skeleton className="h-4 w-2/3" />
      </div>
    );
  }
  if (current.isError) {
    return (
      <FormAlert tone="error">
        We couldn&apos;t load your plan: {errorMessage(current.error)}{' '}
        <button type="button" className="font-medium underline" onClick={() => void current.refetch()}>
          Try again
        </button>
      </FormAlert>
    );
  }

  const sub = current.data.subscription;
  const activating = returning && !sub;
  return (
    <div className="space-y-4">
      <div aria-live="polite" className="space-y-3">
        {activating &&
          (!timedOut ? (
            <FormAlert tone="info">
              <span className="flex items-center gap-3">
                <Spinner label="Activating your plan" className="size-4" />
                Payment received: your plan is being activated. This takes a few seconds.
              </span>
            </FormAlert>
          ) : (
            <FormAlert tone="info">
              Stripe has not confirmed your subscription to us yet. It appears here by itself once it is; the receipt
              arrives by email.
            </FormAlert>
          ))}
        {returning && sub && !notice && (
          <FormAlert tone="success">Welcome to {sub.planName}! Your plan is active.</FormAlert>
        )}
        {notice && <FormAlert tone="success">{notice}</FormAlert>}
        {(cancel.isError || resume.isError) && !confirmCancel && (
          <FormAlert tone="error">{errorMessage(cancel.error ?? resume.error)}</FormAlert>
        )}
      </div>

      {sub ? (
        <CurrentPlan
          sub={sub}
          resuming={resume.isPending}
          onCancel={() => {
            setNotice(null);
            cancel.reset();
            setConfirmCancel(true);
          }}
          onResume={() => {
            setNotice(null);
            resume.mutate();
          }}
        />
      ) : (
        <div className="flex flex-wrap items-center justify-between gap-4">
          <div>
            <p className="text-lg font-semibold text-slate-900">Free</p>
            <p className="text-sm text-slate-600">
              Free programs and a few AI tutor messages a day. A plan opens whole levels of programs.
            </p>
          </div>
          <Link to="/pricing" className="btn-primary">
            See plans
          </Link>
        </div>
      )}

      <Dialog
        open={confirmCancel}
        title="Cancel your plan?"
        busy={cancel.isPending}
        onClose={() => setConfirmCancel(false)}
      >
        {sub && (
          <div className="space-y-4">
            <p className="text-sm text-slate-600">
              Your {sub.planName} plan stays until {formatDay(sub.currentPeriodEnd)}, then you move to the Free plan.
              Nothing more will be charged. You can resume it until then.
            </p>
            {cancel.isError && <FormAlert tone="error">{errorMessage(cancel.error)}</FormAlert>}
            <div className="flex justify-end gap-3 pt-2">
              <button
                type="button"
                className="btn-secondary"
                disabled={cancel.isPending}
                onClick={() => setConfirmCancel(false)}
              >
                Keep my plan
              </button>
              <button
                type="button"
                className="btn-primary !bg-red-600 hover:!bg-red-500"
                disabled={cancel.isPending}
                onClick={() => cancel.mutate()}
              >
                {cancel.isPending ? 'Cancelling…' : 'Cancel at period end'}
              </button>
            </div>
          </div>
        )}
      </Dialog>
    </div>
  );
}

function CurrentPlan({
  sub,
  resuming,
  onCancel,
  onResume,
}: {
  sub: Subscription;
  resuming: boolean;
  onCancel: () => void;
  onResume: () => void;
}) {
  const live = sub.status === 'active' || sub.status === 'trialing' || sub.status === 'past_due';
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="flex flex-wrap items-center gap-2">
            <span className="text-lg font-semibold text-slate-900">{sub.planName}</span>
            <span
              className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${
                sub.status === 'past_due'
                  ? 'bg-red-50 text-red-700 ring-red-600/20'
                  : sub.cancelAtPeriodEnd
                    ? 'bg-amber-50 text-amber-800 ring-amber-600/20'
                    : 'bg-emerald-50 text-emerald-700 ring-emerald-600/20'
              }`}
            >
              {sub.cancelAtPeriodEnd && sub.status === 'active' ? 'Cancelled' : SUBSCRIPTION_STATUS_LABELS[sub.status]}
            </span>
          </p>
          <p className="text-sm text-slate-600">{formatMoney(sub.amount, sub.currency)} a month</p>
          <p className="mt-1 text-sm text-slate-600" data-testid="plan-renewal">
            {sub.cancelAtPeriodEnd
              ? `Ends on ${formatDay(sub.currentPeriodEnd)}: you keep ${sub.planName} until then, and nothing more is charged.`
              : sub.nextBillingDate
                ? `Renews on ${formatDay(sub.nextBillingDate)}.`
                : `Current period ends on ${formatDay(sub.currentPeriodEnd)}.`}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link to="/pricing" className="btn-secondary">
            Change plan
          </Link>
          {live &&
            (sub.cancelAtPeriodEnd ? (
              <button type="button" className="btn-primary" disabled={resuming} onClick={onResume}>
                {resuming ? 'Resuming…' : 'Resume plan'}
              </button>
            ) : (
              <button type="button" className="btn-secondary text-red-700" onClick={onCancel}>
                Cancel plan
              </button>
            ))}
        </div>
      </div>
      {sub.status === 'past_due' && (
        <FormAlert tone="error">
          The last payment for your plan failed. Stripe tries again over the next days; pay the open invoice below to
          keep your plan.
        </FormAlert>
      )}
    </div>
  );
}

function OrdersSection({ page, hrefFor }: { page: number; hrefFor: (page: number) => string }) {
  const trpc = useTRPC();
  const orders = useQuery(
    trpc.orders.mine.queryOptions({ page, limit: ORDERS_PAGE_SIZE }, { placeholderData: keepPreviousData }),
  );
  if (orders.isPending) return <TableSkeleton label="Loading your orders" />;
  if (orders.isError && !orders.data) {
    return (
      <ErrorState title="We couldn't load your orders" error={orders.error} onRetry={() => void orders.refetch()} />
    );
  }
  if (orders.data.orders.length === 0) {
    return (
      <div className="rounded-xl border border-dashed border-slate-300 px-6 py-10 text-center">
        <p className="font-medium text-slate-900">{page > 1 ? 'Nothing on this page' : 'No orders yet'}</p>
        <p className="mt-1 text-sm text-slate-600">Programs you buy appear here with their receipts.</p>
        <Link to="/programs" className="btn-primary mt-5">
          Browse programs
        </Link>
      </div>
    );
  }
  return (
    <div className={`space-y-4 transition-opacity ${orders.isPlaceholderData ? 'opacity-60' : ''}`}>
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <caption className="sr-only">Your orders</caption>
          <thead className="border-b border-slate-200 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="py-2 pr-3">
                Order
              </th>
              <th scope="col" className="py-2 pr-3">
                Items
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                Total
              </th>
              <th scope="col" className="py-2">
                Status
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {orders.data.orders.map((o) => (
              <tr key={o.id}>
                <td className="whitespace-nowrap py-3 pr-3 align-top">
                  <Link
                    to={`/orders/${o.id}`}
                    className="font-medium text-indigo-600 hover:underline"
                    aria-label={`Order ${o.orderNumber}`}
                  >
                    {o.orderNumber}
                  </Link>
                  <span className="block text-xs text-slate-500">{formatDay(o.createdAt)}</span>
                </td>
                <td className="py-3 pr-3 align-top text-slate-700">{o.items.map((i) => i.description).join(', ')}</td>
                <td className="whitespace-nowrap py-3 pr-3 text-right align-top tabular-nums text-slate-900">
                  {formatMoney(o.total, o.currency)}
                </td>
                <td className="py-3 align-top">
                  <OrderStatusBadge order={o} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination
        label="Pages of orders"
        currentPage={orders.data.pagination.currentPage}
        totalPages={orders.data.pagination.totalPages}
        hrefFor={hrefFor}
      />
    </div>
  );
}

function InvoicesSection({ page, hrefFor }: { page: number; hrefFor: (page: number) => string }) {
  const trpc = useTRPC();
  const invoices = useQuery(
    trpc.subscriptions.invoices.queryOptions(
      { page, limit: INVOICES_PAGE_SIZE },
      { placeholderData: keepPreviousData },
    ),
  );
  if (invoices.isPending) return <TableSkeleton label="Loading your invoices" />;
  if (invoices.isError && !invoices.data) {
    return (
      <ErrorState
        title="We couldn't load your invoices"
        error={invoices.error}
        onRetry={() => void invoices.refetch()}
      />
    );
  }
  if (invoices.data.invoices.length === 0) {
    return (
      <p className="rounded-xl border border-dashed border-slate-300 px-6 py-8 text-center text-sm text-slate-600">
        {page > 1 ? 'Nothing on this page.' : 'No invoices yet. Plan invoices and purchase receipts appear here.'}
      </p>
    );
  }
  return (
    <div className={`space-y-4 transition-opacity ${invoices.isPlaceholderData ? 'opacity-60' : ''}`}>
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <caption className="sr-only">Your invoices and receipts</caption>
          <thead className="border-b border-slate-200 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="py-2 pr-3">
                Number
              </th>
              <th scope="col" className="py-2 pr-3">
                Date
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                Amount
              </th>
              <th scope="col" className="py-2 pr-3">
                Status
              </th>
              <th scope="col" className="py-2 text-right">
                <span className="sr-only">Links</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {invoices.data.invoices.map((inv) => {
              const view = inv.invoiceUrl ? safeHttpUrl(inv.invoiceUrl) : undefined;
              const pdf = inv.downloadUrl ? safeHttpUrl(inv.downloadUrl) : undefined;
              return (
                <tr key={inv.id}>
                  <td className="whitespace-nowrap py-3 pr-3 font-mono text-xs text-slate-700">{inv.number}</td>
                  <td className="whitespace-nowrap py-3 pr-3 text-slate-600">{formatDay(inv.date)}</td>
                  <td className="whitespace-nowrap py-3 pr-3 text-right tabular-nums text-slate-900">
                    {formatMoney(inv.amount, inv.currency)}
                  </td>
                  <td className="py-3 pr-3 text-slate-700">{INVOICE_STATUS_LABELS[inv.status]}</td>
                  <td className="whitespace-nowrap py-3 text-right">
                    <span className="inline-flex gap-3 text-sm font-medium">
                      {view && (
                        <a href={view} target="_blank" rel="noreferrer" className="text-indigo-600 hover:underline">
                          View<span className="sr-only"> invoice {inv.number}</span>
                        </a>
                      )}
                      {pdf && (
                        <a href={pdf} target="_blank" rel="noreferrer" className="text-indigo-600 hover:underline">
                          PDF<span className="sr-only"> of invoice {inv.number}</span>
                        </a>
                      )}
                      {inv.orderId && (
                        <Link to={`/orders/${inv.orderId}`} className="text-indigo-600 hover:underline">
                          Order<span className="sr-only"> of receipt {inv.number}</span>
                        </Link>
                      )}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Pagination
        label="Pages of invoices"
        currentPage={invoices.data.pagination.currentPage}
        totalPages={invoices.data.pagination.totalPages}
        hrefFor={hrefFor}
      />
    </div>
  );
}

function TableSkeleton({ label }: { label: string }) {
  return (
    <div aria-busy="true" aria-label={label} className="space-y-2">
      {Array.from({ length: 3 }, (_, i) => (
        <Skeleton key={i} className="h-10 w-full" />
      ))}
    </div>
  );
}
