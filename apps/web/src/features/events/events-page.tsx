import { ErrorState, Pagination, SearchIcon, useSession, useTRPC, useUrlDraft } from '@learningpt/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { plural } from '../../lib/format';
import { categoryOptions } from '../catalog/category-options';
import { EventCard, EventCardSkeleton } from './event-card';
import {
  EVENTS_PAGE_SIZE,
  hasEventFilters,
  toEventListInput,
  useEventParams,
  type EventFilterPatch,
  type EventFilters,
  type EventFormat,
  type EventWhen,
} from './events-params';

const WHEN_LABELS: Record<EventWhen, string> = { upcoming: 'Upcoming', past: 'Past', all: 'All' };

/** /events: every event, upcoming first; filters and page in the URL as the catalog does. */
export function EventsPage() {
  const { filters, update, clear, hrefForPage } = useEventParams();
  const session = useSession();
  const trpc = useTRPC();
  // Upcoming / past are measured from when the page was opened, so the query key stays stable.
  const [now] = useState(() => new Date());
  const events = useQuery(
    trpc.events.list.queryOptions(toEventListInput(filters, now), { placeholderData: keepPreviousData }),
  );
  const filtered = hasEventFilters(filters);
  const pagination = events.data?.pagination;

  return (
    <>
      <title>Events · LearninGPT</title>
      <section className="border-b border-slate-200 bg-gradient-to-b from-indigo-50/80 to-slate-50">
        <div className="mx-auto flex max-w-7xl flex-wrap items-end justify-between gap-4 px-4 py-10 sm:px-6 lg:px-8">
          <div>
            <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">Events</h1>
            <p className="mt-2 max-w-2xl text-slate-600">
              Workshops, meetups, live Q&amp;As and conferences, online and in person.
            </p>
          </div>
          {session.status === 'signed-in' && (
            <Link to="/events/mine" className="btn-secondary">
              My events
            </Link>
          )}
        </div>
      </section>

      <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6 lg:px-8">
        <EventFiltersBar filters={filters} onChange={update} onClear={clear} canClear={filtered} />

        <h2 id="events-results" aria-live="polite" className="mb-5 mt-6 text-sm font-medium text-slate-600">
          {pagination ? plural(pagination.totalEvents, 'event') : events.isError ? 'Events' : 'Loading events…'}
        </h2>

        {events.isPending ? (
          <div aria-busy="true" className="grid gap-6 sm:grid-cols-2 xl:grid-cols-3">
            {Array.from({ length: 6 }, (_, i) => (
              <EventCardSkeleton key={i} />
            ))}
          </div>
        ) : events.isError && !events.data ? (
          <ErrorState title="We couldn't load events" error={events.error} onRetry={() => void events.refetch()} />
        ) : events.data.events.length === 0 ? (
          <div className="flex flex-col items-center rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
            <h2 className="text-lg font-semibold text-slate-900">
              {filtered
                ? 'No events match these filters'
                : filters.when === 'past'
                  ? 'No past events'
                  : 'No events planned yet'}
            </h2>
            <p className="mt-1 max-w-sm text-sm text-slate-600">
              {filtered ? 'Try another category or format.' : 'New events appear here as soon as they are announced.'}
            </p>
            {filtered && (
              <button type="button" onClick={clear} className="btn-primary mt-6">
                Clear filters
              </button>
            )}
          </div>
        ) : (
          <>
            <ul
              aria-labelledby="events-results"
              aria-busy={events.isPlaceholderData}
              className={`grid gap-6 transition-opacity sm:grid-cols-2 xl:grid-cols-3 ${events.isPlaceholderData ? 'opacity-60' : ''}`}
            >
              {events.data.events.map((event) => (
                <li key={event.id} className="flex">
                  <EventCard event={event} />
                </li>
              ))}
            </ul>
            {events.data.pagination.totalPages > 1 && (
              <div className="mt-10 flex flex-col items-center gap-3">
                <Pagination
                  currentPage={events.data.pagination.currentPage}
                  totalPages={events.data.pagination.totalPages}
                  hrefFor={hrefForPage}
                  onNavigate={() => window.scrollTo({ top: 0, behavior: 'smooth' })}
                />
                <p className="text-xs text-slate-500">
                  Page {events.data.pagination.currentPage} of {events.data.pagination.totalPages} · {EVENTS_PAGE_SIZE}{' '}
                  per page
                </p>
              </div>
            )}
          </>
        )}
      </div>
    </>
  );
}

function EventFiltersBar({
  filters,
  onChange,
  onClear,
  canClear,
}: {
  filters: EventFilters;
  onChange: (patch: EventFilterPatch, opts?: { replace?: boolean }) => void;
  onClear: () => void;
  canClear: boolean;
}) {
  const trpc = useTRPC();
  const categories = useQuery(trpc.categories.list.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const options = useMemo(() => categoryOptions(categories.data?.categories ?? []), [categories.data]);
  const unknownCategory = filters.category !== undefined && !options.some((o) => o.slug === filters.category);
  const [draft, setDraft] = useUrlDraft(filters.search ?? '', (text) => {
    const search = text.trim().slice(0, 200);
    onChange({ search: search || undefined }, { replace: true });
    return search;
  });

  return (
    <div
      role="group"
      aria-label="Filters"
      className="flex flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm lg:flex-row lg:flex-wrap lg:items-end"
    >
      <fieldset>
        <legend className="field-label">When</legend>
        <div className="mt-1 inline-flex rounded-lg border border-slate-200 p-0.5">
          {(['upcoming', 'past', 'all'] as const).map((when) => (
            <label
              key={when}
              className="cursor-pointer rounded-md px-3 py-1.5 text-sm text-slate-700 has-[:checked]:bg-indigo-600 has-[:checked]:font-medium has-[:checked]:text-white"
            >
              <input
                type="radio"
                name="when"
                className="sr-only"
                checked={filters.when === when}
                onChange={() => onChange({ when })}
              />
              {WHEN_LABELS[when]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="min-w-48">
        <label htmlFor="events-category" className="field-label">
          Category
        </label>
        <select
          id="events-category"
          className="field-input"
          value={filters.category ?? ''}
          onChange={(e) => onChange({ category: e.target.value || undefined })}
        >
          <option value="">All categories</option>
          {unknownCategory && <option value={filters.category}>{filters.category}</option>}
          {options.map((o) => (
            <option key={o.slug} value={o.slug}>
              {'\u00a0\u00a0'.repeat(o.depth)}
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-40">
        <label htmlFor="events-format" className="field-label">
          Format
        </label>
        <select
          id="events-format"
          className="field-input"
          value={filters.format ?? ''}
          onChange={(e) => onChange({ format: (e.target.value || undefined) as EventFormat | undefined })}
        >
          <option value="">Online and in person</option>
          <option value="online">Online</option>
          <option value="in-person">In person</option>
        </select>
      </div>
      <label className="flex cursor-pointer items-center gap-2 py-2 text-sm text-slate-700">
        <input
          type="checkbox"
          className="size-4 accent-indigo-600"
          checked={filters.featured === true}
          onChange={(e) => onChange({ featured: e.target.checked || undefined })}
        />
        Featured only
      </label>
      <form role="search" onSubmit={(e) => e.preventDefault()} className="relative min-w-56 flex-1">
        <label htmlFor="events-search" className="sr-only">
          Search events
        </label>
        <SearchIcon className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-slate-400" />
        <input
          id="events-search"
          type="search"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder="Search events…"
          maxLength={200}
          autoComplete="off"
          className="field-input !mt-0 pl-9"
        />
      </form>
      {canClear && (
        <button
          type="button"
          onClick={onClear}
          className="py-2 text-sm font-medium text-indigo-600 hover:text-indigo-800"
        >
          Clear filters
        </button>
      )}
    </div>
  );
}
