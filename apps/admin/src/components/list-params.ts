import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** A simple list's filters as they live in the URL (?status=&q=&page=): events, blog, testimonials. */
export interface ListFilters<S extends string> {
  page: number;
  status?: S;
  search?: string;
}

export type ListFilterPatch<S extends string> = { [K in keyof ListFilters<S>]?: ListFilters<S>[K] | undefined };

/** Malformed values (hand-edited links) fall back to "all" instead of a request the API refuses. */
export function parseListParams<S extends string>(params: URLSearchParams, statuses: readonly S[]): ListFilters<S> {
  const page = Number(params.get('page'));
  const status = params.get('status');
  const search = params.get('q')?.trim().slice(0, 200);
  const filters: ListFilters<S> = { page: Number.isInteger(page) && page >= 1 ? page : 1 };
  if (status !== null && (statuses as readonly string[]).includes(status)) filters.status = status as S;
  if (search) filters.search = search;
  return filters;
}

export function toListParams<S extends string>(f: ListFilters<S>): URLSearchParams {
  const params = new URLSearchParams();
  if (f.status) params.set('status', f.status);
  if (f.search) params.set('q', f.search);
  if (f.page > 1) params.set('page', String(f.page));
  return params;
}

export function useListParams<S extends string>(statuses: readonly S[]) {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseListParams(searchParams, statuses), [searchParams, statuses]);
  const update = useCallback(
    (patch: ListFilterPatch<S>, opts: { replace?: boolean } = {}) =>
      setSearchParams(
        // A filter change starts again from page 1.
        (prev) => toListParams({ ...parseListParams(prev, statuses), page: 1, ...patch }),
        { replace: opts.replace ?? false },
      ),
    [setSearchParams, statuses],
  );
  const hrefFor = useCallback(
    (patch: ListFilterPatch<S>) => {
      const search = toListParams({ ...filters, ...patch }).toString();
      return search ? `?${search}` : '?';
    },
    [filters],
  );
  return { filters, update, hrefFor, clear: () => setSearchParams(new URLSearchParams()) };
}
