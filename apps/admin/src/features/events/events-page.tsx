import { EVENT_STATUSES, type EventStatus } from '@learningpt/schema';
import { ErrorState, FormAlert, Pagination, SearchIcon, Skeleton, useTRPC, useUrlDraft } from '@learningpt/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useListParams } from '../../components/list-params';
import { PageHeader } from '../../components/page-header';
import { StatusTabs } from '../../components/status-tabs';
import { formatNumber } from '../../lib/format';
import { EventDialog, type EventAction } from './event-dialog';
import { EVENT_STATUS_LABELS } from './event-badges';
import { EventsTable } from './events-table';

export const EVENTS_PAGE_SIZE = 20;

const TABS: { label: string; status: EventStatus | undefined }[] = [
  { label: 'All', status: undefined },
  ...EVENT_STATUSES.map((status) => ({ label: EVENT_STATUS_LABELS[status], status })),
];

export function EventsPage() {
  const { filters, update, hrefFor, clear } = useListParams(EVENT_STATUSES);
  const trpc = useTRPC();
  const location = useLocation();
  const events = useQuery(
    trpc.events.list.queryOptions(
      {
        page: filters.page,
        limit: EVENTS_PAGE_SIZE,
        ...(filters.status && { status: filters.status }),
        ...(filters.search && { search: filters.search }),
      },
      { placeholderData: keepPreviousData },
    ),
  );
  const [search, setSearch] = useUrlDraft(filters.search ?? '', (text) => {
    const value = text.trim().slice(0, 200);
    update({ search: value || undefined }, { replace: true });
    return value;
  });
  const [action, setAction] = useState<EventAction | null>(null);
  // A notice handed over by the form page (created / saved), or one of this page's actions.
  const [notice, setNotice] = useState<string | null>((location.state as { notice?: string } | null)?.notice ?? null);
  const filtered = Boolean(filters.search || filters.status);
  const pagination = events.data?.pagination;

  return (
    <>
      <PageHeader
        title="Events"
        description={
          pagination
            ? `${formatNumber(pagination.totalEvents)} ${filtered ? 'matching ' : ''}${pagination.totalEvents === 1 ? 'event' : 'events'}, by start time.`
            : 'Webinars and live events, by start time.'
        }
        actions={
          <Link to="/events/new" className="btn-primary">
            New event
          </Link>
        }
      />
      <StatusTabs
        label="Event status"
        tabs={TABS.map(({ label, status }) => ({
          label,
          href: hrefFor({ status, page: 1 }),
          active: filters.status === status,
          count: filters.status === status ? pagination?.totalEvents : undefined,
        }))}
      />
      <div role="search" className="mb-5 flex flex-wrap items-end gap-3">
        <div className="relative min-w-64 flex-1">
          <label htmlFor="event-search" className="field-label">
            Search
          </label>
          <SearchIcon className="pointer-events-none absolute bottom-2.5 left-3 size-4 text-slate-400" />
          <input
            id="event-search"
            type="search"
            className="field-input pl-9"
            placeholder="Title or summary"
            maxLength={200}
            autoComplete="off"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
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
      </div>

      {events.isPending ? (
        <div aria-busy="true" className="space-y-2 rounded-2xl border border-slate-200 bg-white p-4">
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} className="h-10 w-full" />
          ))}
        </div>
      ) : events.isError && !events.data ? (
        <ErrorState title="We couldn't load events" error={events.error} onRetry={() => void events.refetch()} />
      ) : events.data.events.length === 0 ? (
        <div className="flex flex-col items-center rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
          <h2 className="text-lg font-semibold text-slate-900">
            {filters.search
              ? `No events match “${filters.search}”`
              : filtered
                ? 'No events with this status'
                : filters.page > 1
                  ? 'Nothing on this page'
                  : 'No events yet'}
          </h2>
          {filtered ? (
            <button type="button" onClick={clear} className="btn-primary mt-6">
              Clear filters
            </button>
          ) : (
            <Link to="/events/new" className="btn-primary mt-6">
              Create the first event
            </Link>
          )}
        </div>
      ) : (
        <>
          <EventsTable
            events={events.data.events}
            dimmed={events.isPlaceholderData}
            onAction={(a: EventAction) => {
              setNotice(null);
              setAction(a);
            }}
          />
          <div className="mt-6 flex flex-col items-center gap-2">
            <Pagination
              currentPage={events.data.pagination.currentPage}
              totalPages={events.data.pagination.totalPages}
              hrefFor={(page) => hrefFor({ page })}
            />
            <p className="text-xs text-slate-500">
              Page {events.data.pagination.currentPage} of {Math.max(1, events.data.pagination.totalPages)}
            </p>
          </div>
        </>
      )}

      <EventDialog
        action={action}
        onClose={() => setAction(null)}
        onDone={(message) => {
          setAction(null);
          setNotice(message);
        }}
      />
    </>
  );
}
