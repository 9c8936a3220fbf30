import { ORDER_STATUSES, PAYMENT_STATUSES, type AdminOrdersInput, type Order } from '@learningpt/schema';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export const ORDERS_PAGE_SIZE = 20;

type OrderStatus = Order['status'];
type PaymentStatus = Order['paymentStatus'];

/** The orders list's filters as they live in the URL (?q=&status=&payment=&from=&to=&page=). */
export interface OrderFilters {
  page: number;
  search?: string;
  status?: OrderStatus;
  paymentStatus?: PaymentStatus;
  /** Created on or after this day (YYYY-MM-DD, UTC). */
  from?: string;
  /** Created on or before this day. */
  to?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isOneOf<T extends string>(values: readonly T[], v: string | null): v is T {
  return v !== null && (values as readonly string[]).includes(v);
}

/** Malformed values (hand-edited links) fall back to "all" instead of a request the API refuses. */
export function parseOrderParams(params: URLSearchParams): OrderFilters {
  const page = Number(params.get('page'));
  const status = params.get('status');
  const payment = params.get('payment');
  const from = params.get('from');
  const to = params.get('to');
  const search = params.get('q')?.trim().slice(0, 200);
  const filters: OrderFilters = { page: Number.isInteger(page) && page >= 1 ? page : 1 };
  if (search) filters.search = search;
  if (isOneOf(ORDER_STATUSES, status)) filters.status = status;
  if (isOneOf(PAYMENT_STATUSES, payment)) filters.paymentStatus = payment;
  if (from && DAY.test(from)) filters.from = from;
  if (to && DAY.test(to)) filters.to = to;
  return filters;
}

export function toOrderParams(f: OrderFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (f.search) params.set('q', f.search);
  if (f.status) params.set('status', f.status);
  if (f.paymentStatus) params.set('payment', f.paymentStatus);
  if (f.from) params.set('from', f.from);
  if (f.to) params.set('to', f.to);
  if (f.page > 1) params.set('page', String(f.page));
  return params;
}

export function toOrderListInput(f: OrderFilters): AdminOrdersInput {
  return { ...f, limit: ORDERS_PAGE_SIZE };
}

export type OrderFilterPatch = { [K in keyof OrderFilters]?: OrderFilters[K] | undefined };

export function useOrderParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseOrderParams(searchParams), [searchParams]);
  const update = useCallback(
    (patch: OrderFilterPatch, opts: { replace?: boolean } = {}) =>
      setSearchParams(
        // A filter change starts again from page 1.
        (prev) => toOrderParams({ ...parseOrderParams(prev), page: 1, ...patch }),
        { replace: opts.replace ?? false },
      ),
    [setSearchParams],
  );
  const hrefForPage = useCallback(
    (page: number) => {
      const search = toOrderParams({ ...filters, page }).toString();
      return search ? `?${search}` : '?';
    },
    [filters],
  );
  return { filters, update, clear: () => setSearchParams(new URLSearchParams()), hrefForPage };
}
