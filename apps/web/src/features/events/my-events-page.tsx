import { ErrorState, Pagination, Skeleton, useTRPC } from '@learningpt/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ProgramThumbnail } from '../../components/program-thumbnail';
import { eventWhen, isOver, statusLabel } from './event-format';
import { EventFeedbackForm } from './event-feedback-form';

const PAGE_SIZE = 10;

/** /events/mine: the events I registered for; once one is over, its feedback form. */
export function MyEventsPage() {
  const [params] = useSearchParams();
  const raw = Number(params.get('page'));
  const page = Number.isInteger(raw) && raw >= 1 ? raw : 1;
  const trpc = useTRPC();
  const [now] = useState(() => new Date());
  const mine = useQuery(
    trpc.events.registered.queryOptions({ page, limit: PAGE_SIZE }, { placeholderData: keepPreviousData }),
  );

  return (
    <div className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
      <title>My events · LearninGPT</title>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">My events</h1>
          <p className="mt-1 text-sm text-slate-600">The events you registered for; rate them once they are over.</p>
        </div>
        <Link to="/events" className="btn-secondary">
          All events
        </Link>
      </div>
      <div className="mt-8">
        {mine.isPending ? (
          <ul aria-busy="true" aria-label="Loading your events" className="space-y-4">
            {Array.from({ length: 3 }, (_, i) => (
              <li key={i}>
                <Skeleton className="h-28 rounded-2xl" />
              </li>
            ))}
          </ul>
        ) : mine.isError && !mine.data ? (
          <ErrorState title="We couldn't load your events" error={mine.error} onRetry={() => void mine.refetch()} />
        ) : mine.data.events.length === 0 ? (
          <div className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
            <h2 className="text-lg font-semibold text-slate-900">You have not registered for any event yet</h2>
            <p className="mt-1 text-slate-600">Workshops, meetups and live Q&amp;As: many are free.</p>
            <Link to="/events" className="btn-primary mt-6">
              Browse events
            </Link>
          </div>
        ) : (
          <>
            <ul className={`space-y-4 transition-opacity ${mine.isPlaceholderData ? 'opacity-60' : ''}`}>
              {mine.data.events.map((event) => {
                const over = isOver(event, now);
                const cancelled = event.registration.status === 'cancelled';
                return (
                  <li key={event.id}>
                    <article
                      aria-labelledby={`my-event-${event.id}`}
                      className="flex flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:flex-row"
                    >
                      <ProgramThumbnail
                        src={event.imageUrl}
                        seed={event.slug}
                        label={event.title}
                        className="h-24 w-full shrink-0 rounded-xl sm:w-40"
                      />
                      <div className="min-w-0 flex-1 space-y-2">
                        <h2 id={`my-event-${event.id}`} className="font-semibold text-slate-900">
                          <Link to={`/events/${encodeURIComponent(event.slug)}`} className="hover:text-indigo-700">
                            {event.title}
                          </Link>
                        </h2>
                        <p className="text-sm text-slate-500">
                          <time dateTime={event.startsAt.toISOString()}>
                            {eventWhen(event.startsAt, event.timezone)}
                          </time>{' '}
                          · {event.isOnline ? 'Online' : (event.location ?? 'In person')} ·{' '}
                          {cancelled ? 'Registration cancelled' : statusLabel(event, now)}
                        </p>
                        {over && !cancelled && event.status !== 'cancelled' && (
                          <EventFeedbackForm eventId={event.id} registration={event.registration} />
                        )}
                      </div>
                    </article>
                  </li>
                );
              })}
            </ul>
            <div className="mt-8">
              <Pagination
                currentPage={mine.data.pagination.currentPage}
                totalPages={mine.data.pagination.totalPages}
                hrefFor={(p) => (p > 1 ? `?page=${p}` : '?')}
              />
            </div>
          </>
        )}
      </div>
    </div>
  );
}
