import type { EventListInput } from '@learningpt/schema';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export const EVENTS_PAGE_SIZE = 9;

export const EVENT_WHENS = ['upcoming', 'past', 'all'] as const;
export type EventWhen = (typeof EVENT_WHENS)[number];
export const EVENT_FORMATS = ['online', 'in-person'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

/** The events list's filters as they live in the URL (?when=&category=&format=&featured=1&q=&page=). */
export interface EventFilters {
  page: number;
  when: EventWhen;
  category?: string;
  format?: EventFormat;
  featured?: boolean;
  search?: string;
}

function isOneOf<T extends string>(values: readonly T[], v: string | null): v is T {
  return v !== null && (values as readonly string[]).includes(v);
}

/** Anything malformed in a hand-edited link falls back to the default. */
export function parseEventParams(params: URLSearchParams): EventFilters {
  const page = Number(params.get('page'));
  const when = params.get('when');
  const format = params.get('format');
  const category = params.get('category')?.trim().slice(0, 100);
  const search = params.get('q')?.trim().slice(0, 200);
  const filters: EventFilters = {
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    when: isOneOf(EVENT_WHENS, when) ? when : 'upcoming',
  };
  if (category) filters.category = category;
  if (isOneOf(EVENT_FORMATS, format)) filters.format = format;
  if (params.get('featured') === '1') filters.featured = true;
  if (search) filters.search = search;
  return filters;
}

export function toEventParams(f: EventFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (f.when !== 'upcoming') params.set('when', f.when);
  if (f.category) params.set('category', f.category);
  if (f.format) params.set('format', f.format);
  if (f.featured) params.set('featured', '1');
  if (f.search) params.set('q', f.search);
  if (f.page > 1) params.set('page', String(f.page));
  return params;
}

/** `now` is fixed per visit of the page, so the query key (and the list) stays put. */
export function toEventListInput(f: EventFilters, now: Date): EventListInput {
  const input: EventListInput = { page: f.page, limit: EVENTS_PAGE_SIZE };
  if (f.when === 'upcoming') input.from = now;
  if (f.when === 'past') {
    // The most recent first: last week's event before last year's.
    input.to = now;
    input.sort = 'latest';
  }
  if (f.category) input.category = f.category;
  if (f.format) input.isOnline = f.format === 'online';
  if (f.featured) input.featured = true;
  if (f.search) input.search = f.search;
  return input;
}

export function hasEventFilters(f: EventFilters): boolean {
  return Boolean(f.category || f.format || f.featured || f.search);
}

export type EventFilterPatch = { [K in keyof EventFilters]?: EventFilters[K] | undefined };

export function useEventParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseEventParams(searchParams), [searchParams]);

  const update = useCallback(
    (patch: EventFilterPatch, opts: { replace?: boolean } = {}) => {
      setSearchParams(
        (prev) => {
          // Any filter change starts again from page 1, unless the patch is a page change.
          const current = parseEventParams(prev);
          const next = { ...current, page: 1, ...patch };
          return toEventParams({ ...next, page: next.page ?? 1, when: next.when ?? 'upcoming' });
        },
        { replace: opts.replace ?? false },
      );
    },
    [setSearchParams],
  );

  const clear = useCallback(
    () => setSearchParams(toEventParams({ page: 1, when: filters.when })),
    [setSearchParams, filters.when],
  );

  const hrefForPage = useCallback(
    (page: number) => {
      const search = toEventParams({ ...filters, page }).toString();
      return search ? `?${search}` : '?';
    },
    [filters],
  );

  return { filters, update, clear, hrefForPage };
}
