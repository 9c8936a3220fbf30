import { MANAGED_PROGRAM_FILTERS, type AdminProgramListInput, type ManagedProgramFilter } from '@learningpt/schema';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export const PROGRAMS_PAGE_SIZE = 20;

/** The programs list's filters as they live in the URL (?status=&q=&page=); no status: all but deleted. */
export interface ProgramFilters {
  page: number;
  status?: ManagedProgramFilter;
  search?: string;
}

/** Malformed values (hand-edited links) fall back to "all" instead of a request the API refuses. */
export function parseProgramParams(params: URLSearchParams): ProgramFilters {
  const page = Number(params.get('page'));
  const status = params.get('status');
  const search = params.get('q')?.trim().slice(0, 200);
  const filters: ProgramFilters = { page: Number.isInteger(page) && page >= 1 ? page : 1 };
  if (search) filters.search = search;
  if ((MANAGED_PROGRAM_FILTERS as readonly string[]).includes(status ?? '')) {
    filters.status = status as ManagedProgramFilter;
  }
  return filters;
}

export function toProgramParams(f: ProgramFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (f.status) params.set('status', f.status);
  if (f.search) params.set('q', f.search);
  if (f.page > 1) params.set('page', String(f.page));
  return params;
}

export function programsHref(f: ProgramFilters): string {
  const search = toProgramParams(f).toString();
  return search ? `?${search}` : '?';
}

export function toProgramListInput(f: ProgramFilters): AdminProgramListInput {
  return { ...f, limit: PROGRAMS_PAGE_SIZE };
}

export type ProgramFilterPatch = { [K in keyof ProgramFilters]?: ProgramFilters[K] | undefined };

export function useProgramParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseProgramParams(searchParams), [searchParams]);
  const update = useCallback(
    (patch: ProgramFilterPatch, opts: { replace?: boolean } = {}) =>
      setSearchParams(
        // A filter change starts again from page 1.
        (prev) => toProgramParams({ ...parseProgramParams(prev), page: 1, ...patch }),
        { replace: opts.replace ?? false },
      ),
    [setSearchParams],
  );
  const hrefFor = useCallback((patch: ProgramFilterPatch) => programsHref({ ...filters, ...patch }), [filters]);
  return { filters, update, hrefFor };
}
