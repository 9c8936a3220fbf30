import { Skeleton, useTRPC } from '@learningpt/ui';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { formatMoney, formatNumber } from '../../lib/format';

/** The last 30 days at a glance (orders.analytics): orders placed, and revenue net of refunds. */
export function OrdersSummary() {
  const trpc = useTRPC();
  const analytics = useQuery(trpc.orders.analytics.queryOptions({}, { staleTime: 30_000 }));
  const a = analytics.data?.analytics;
  // One line per currency; most shops sell in one.
  const revenue = a?.revenue ?? [];
  const money = (pick: (r: (typeof revenue)[number]) => number) =>
    revenue.length === 0 ? formatMoney(0, 'USD') : revenue.map((r) => formatMoney(pick(r), r.currency)).join(' · ');

  return (
    <section aria-labelledby="orders-summary-heading" className="mb-8">
      <h2 id="orders-summary-heading" className="sr-only">
        Last 30 days
      </h2>
      {analytics.isError ? (
        <p role="alert" className="rounded-2xl border border-red-100 bg-white px-5 py-4 text-sm text-red-600">
          The figures of the last 30 days could not be loaded.
        </p>
      ) : (
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Figure label="Orders, last 30 days" value={a && formatNumber(a.totalOrders)} />
          <Figure label="Paid orders" value={a && formatNumber(revenue.reduce((n, r) => n + r.paidOrders, 0))} />
          <Figure label="Net revenue" value={a && money((r) => r.netRevenue)} />
          <Figure label="Refunded" value={a && money((r) => r.refunds)} />
        </dl>
      )}
    </section>
  );
}

function Figure({ label, value }: { label: string; value: ReactNode | undefined }) {
  return (
    <div className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      <dt className="text-sm font-medium text-slate-500">{label}</dt>
      <dd className="mt-2 text-2xl font-bold tracking-tight text-slate-900 tabular-nums">
        {value === undefined ? <Skeleton className="h-8 w-24" /> : value}
      </dd>
    </div>
  );
}
