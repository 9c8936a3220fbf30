import { APPLICATION_STATUSES, type ApplicationStatus } from '@learningpt/schema';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export const APPLICATIONS_PAGE_SIZE = 10;

/** The queue's filters as they live in the URL (?status=&page=); pending is the default tab. */
export interface ApplicationFilters {
  status: ApplicationStatus;
  page: number;
}

export function parseApplicationParams(params: URLSearchParams): ApplicationFilters {
  const page = Number(params.get('page'));
  const status = params.get('status');
  return {
    // Malformed values (hand-edited links) fall back to the pending queue.
    status: (APPLICATION_STATUSES as readonly string[]).includes(status ?? '')
      ? (status as ApplicationStatus)
      : 'pending',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

export function applicationsHref(f: ApplicationFilters): string {
  const params = new URLSearchParams();
  if (f.status !== 'pending') params.set('status', f.status);
  if (f.page > 1) params.set('page', String(f.page));
  const search = params.toString();
  return search ? `?${search}` : '?';
}

export function useApplicationParams() {
  const [searchParams] = useSearchParams();
  const filters = useMemo(() => parseApplicationParams(searchParams), [searchParams]);
  const hrefForPage = useCallback((page: number) => applicationsHref({ ...filters, page }), [filters]);
  return { filters, hrefForPage };
}
