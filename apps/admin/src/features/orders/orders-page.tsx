import { ORDER_STATUSES, PAYMENT_STATUSES } from '@learningpt/schema';
import { ErrorState, FormAlert, Pagination, SearchIcon, Skeleton, useTRPC, useUrlDraft } from '@learningpt/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { formatNumber } from '../../lib/format';
import { ORDER_STATUS_LABELS, PAYMENT_STATUS_LABELS } from './order-badges';
import { OrderDialog, type OrderAction } from './order-dialog';
import { toOrderListInput, useOrderParams, type OrderFilters } from './orders-params';
import { OrdersSummary } from './orders-summary';
import { OrdersTable } from './orders-table';

/** /orders: every order, newest first, with filters in the URL; details, status changes and refunds. */
export function OrdersPage() {
  const { filters, update, clear, hrefForPage } = useOrderParams();
  const trpc = useTRPC();
  const orders = useQuery(
    trpc.orders.list.queryOptions(toOrderListInput(filters), { placeholderData: keepPreviousData }),
  );
  const [search, setSearch] = useUrlDraft(filters.search ?? '', (text) => {
    const value = text.trim().slice(0, 200);
    update({ search: value || undefined }, { replace: true });
    return value;
  });
  const [action, setAction] = useState<OrderAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const filtered = Boolean(filters.search || filters.status || filters.paymentStatus || filters.from || filters.to);
  const pagination = orders.data?.pagination;
  const badRange = Boolean(filters.from && filters.to && filters.from > filters.to);

  return (
    <>
      <PageHeader
        title="Orders"
        description={
          pagination
            ? `${formatNumber(pagination.total)} ${filtered ? 'matching ' : ''}${pagination.total === 1 ? 'order' : 'orders'}, newest first.`
            : 'Orders, newest first.'
        }
      />
      <OrdersSummary />

      <div role="search" className="mb-5 flex flex-wrap items-end gap-3">
        <div className="relative min-w-64 flex-1">
          <label htmlFor="order-search" className="field-label">
            Search
          </label>
          <SearchIcon className="pointer-events-none absolute bottom-2.5 left-3 size-4 text-slate-400" />
          <input
            id="order-search"
            type="search"
            className="field-input pl-9"
            placeholder="Order number, name or email"
            maxLength={200}
            autoComplete="off"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <div>
          <label htmlFor="order-status" className="field-label">
            Status
          </label>
          <select
            id="order-status"
            className="field-input"
            value={filters.status ?? ''}
            onChange={(e) => update({ status: (e.target.value || undefined) as OrderFilters['status'] })}
          >
            <option value="">All statuses</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ORDER_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="order-payment" className="field-label">
            Payment
          </label>
          <select
            id="order-payment"
            className="field-input"
            value={filters.paymentStatus ?? ''}
            onChange={(e) => update({ paymentStatus: (e.target.value || undefined) as OrderFilters['paymentStatus'] })}
          >
            <option value="">All payments</option>
            {PAYMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {PAYMENT_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="order-from" className="field-label">
            From
          </label>
          <input
            id="order-from"
            type="date"
            className="field-input"
            value={filters.from ?? ''}
            max={filters.to}
            onChange={(e) => update({ from: e.target.value || undefined })}
          />
        </div>
        <div>
          <label htmlFor="order-to" className="field-label">
            To
          </label>
          <input
            id="order-to"
            type="date"
            className="field-input"
            value={filters.to ?? ''}
            min={filters.from}
            onChange={(e) => update({ to: e.target.value || undefined })}
          />
        </div>
        {filtered && (
          <button type="button" className="btn-secondary" onClick={clear}>
            Clear filters
          </button>
        )}
      </div>

      <div aria-live="polite">
        {notice && (
          <FormAlert tone="success" className="mb-4">
            {notice}
          </FormAlert>
        )}
        {badRange && (
          <FormAlert tone="error" className="mb-4">
            The start of the date range is after its end: no order can match.
          </FormAlert>
        )}
      </div>

      {orders.isPending ? (
        <div aria-busy="true" className="space-y-2 rounded-2xl border border-slate-200 bg-white p-4">
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} className="h-10 w-full" />
          ))}
        </div>
      ) : orders.isError && !orders.data ? (
        <ErrorState title="We couldn't load orders" error={orders.error} onRetry={() => void orders.refetch()} />
      ) : orders.data.orders.length === 0 ? (
        <div className="flex flex-col items-center rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
          <h2 className="text-lg font-semibold text-slate-900">
            {filters.search
              ? `No orders match “${filters.search}”`
              : filtered
                ? 'No orders match these filters'
                : filters.page > 1
                  ? 'Nothing on this page'
                  : 'No orders yet'}
          </h2>
          {filtered && (
            <button type="button" onClick={clear} className="btn-primary mt-6">
              Clear filters
            </button>
          )}
        </div>
      ) : (
        <>
          <OrdersTable
            orders={orders.data.orders}
            dimmed={orders.isPlaceholderData}
            onAction={(a) => {
              setNotice(null);
              setAction(a);
            }}
          />
          <div className="mt-6 flex flex-col items-center gap-2">
            <Pagination
              currentPage={orders.data.pagination.currentPage}
              totalPages={orders.data.pagination.totalPages}
              hrefFor={hrefForPage}
            />
            <p className="text-xs text-slate-500">
              Page {orders.data.pagination.currentPage} of {Math.max(1, orders.data.pagination.totalPages)}
            </p>
          </div>
        </>
      )}

      <OrderDialog
        action={action}
        onClose={() => setAction(null)}
        onSwitch={setAction}
        onDone={(message) => {
          setAction(null);
          setNotice(message);
        }}
      />
    </>
  );
}
