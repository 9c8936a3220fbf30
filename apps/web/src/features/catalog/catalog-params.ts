import {
  PROGRAM_LEVELS,
  PROGRAM_SORTS,
  type ProgramLevel,
  type ProgramListInput,
  type ProgramSort,
} from '@learningpt/schema';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export const CATALOG_PAGE_SIZE = 12;
const DEFAULT_SORT: ProgramSort = 'popular';

/** The catalog's filters as they live in the URL (?category=&q=&level=&sort=&min=&max=&page=). */
export interface CatalogFilters {
  page: number;
  category?: string;
  search?: string;
  level?: ProgramLevel;
  sort: ProgramSort;
  priceMin?: number;
  priceMax?: number;
}

type FilterKey = keyof CatalogFilters;
const URL_KEYS: Record<FilterKey, string> = {
  page: 'page',
  category: 'category',
  search: 'q',
  level: 'level',
  sort: 'sort',
  priceMin: 'min',
  priceMax: 'max',
};

function isOneOf<T extends string>(values: readonly T[], v: string | null): v is T {
  return v !== null && (values as readonly string[]).includes(v);
}

function nonNegative(v: string | null): number | undefined {
  if (v === null || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/**
 * Reads filters from a query string. Anything malformed (hand-edited or stale links) falls back
 * to the default instead of sending the API a request it would reject.
 */
export function parseCatalogParams(params: URLSearchParams): CatalogFilters {
  const page = Number(params.get(URL_KEYS.page));
  const level = params.get(URL_KEYS.level);
  const sort = params.get(URL_KEYS.sort);
  const search = params.get(URL_KEYS.search)?.trim().slice(0, 200);
  const category = params.get(URL_KEYS.category)?.trim().slice(0, 100);
  const priceMin = nonNegative(params.get(URL_KEYS.priceMin));
  let priceMax = nonNegative(params.get(URL_KEYS.priceMax));
  if (priceMin !== undefined && priceMax !== undefined && priceMax < priceMin) priceMax = undefined;

  const filters: CatalogFilters = {
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    sort: isOneOf(PROGRAM_SORTS, sort) ? sort : DEFAULT_SORT,
  };
  if (category) filters.category = category;
  if (search) filters.search = search;
  if (isOneOf(PROGRAM_LEVELS, level)) filters.level = level;
  if (priceMin !== undefined) filters.priceMin = priceMin;
  if (priceMax !== undefined) filters.priceMax = priceMax;
  return filters;
}

/** Writes filters back, leaving defaults out so URLs stay short. */
export function toCatalogParams(filters: CatalogFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.category) params.set(URL_KEYS.category, filters.category);
  if (filters.search) params.set(URL_KEYS.search, filters.search);
  if (filters.level) params.set(URL_KEYS.level, filters.level);
  if (filters.sort !== DEFAULT_SORT) params.set(URL_KEYS.sort, filters.sort);
  if (filters.priceMin !== undefined) params.set(URL_KEYS.priceMin, String(filters.priceMin));
  if (filters.priceMax !== undefined) params.set(URL_KEYS.priceMax, String(filters.priceMax));
  if (filters.page > 1) params.set(URL_KEYS.page, String(filters.page));
  return params;
}

export function toListInput(filters: CatalogFilters): ProgramListInput {
  return { ...filters, limit: CATALOG_PAGE_SIZE };
}

export function hasActiveFilters(f: CatalogFilters): boolean {
  return Boolean(f.search) || activeFilterCount(f) > 0;
}

/** Filters set in the side panel (the search box has its own field). */
export function activeFilterCount(f: CatalogFilters): number {
  return [f.category, f.level, f.priceMin ?? f.priceMax].filter((v) => v !== undefined).length;
}

/** A change to the filters; `undefined` removes one. */
export type FilterPatch = { [K in FilterKey]?: CatalogFilters[K] | undefined };

export function useCatalogParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseCatalogParams(searchParams), [searchParams]);

  const update = useCallback(
    (patch: FilterPatch, opts: { replace?: boolean } = {}) => {
      setSearchParams(
        (prev) => {
          // Any filter change starts again from page 1, unless the patch is a page change.
          const next = { ...parseCatalogParams(prev), page: 1, ...patch };
          return toCatalogParams({ ...next, page: next.page ?? 1, sort: next.sort ?? DEFAULT_SORT });
        },
        { replace: opts.replace ?? false },
      );
    },
    [setSearchParams],
  );

  const clear = useCallback(() => setSearchParams(new URLSearchParams()), [setSearchParams]);

  const hrefForPage = useCallback(
    (page: number) => {
      const search = toCatalogParams({ ...filters, page }).toString();
      return search ? `?${search}` : '?';
    },
    [filters],
  );

  return { filters, update, clear, hrefForPage };
}
