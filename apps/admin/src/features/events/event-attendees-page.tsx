import type { EventDetail } from '@learningpt/schema';
import { ErrorState, errorMessage, FormAlert, Pagination, PageLoading, Skeleton, useTRPC } from '@learningpt/ui';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { actionButton, td, th } from '../../components/table-classes';
import { formatDate } from '../../lib/format';
import { EventStatusBadge, RegistrationBadge } from './event-badges';

const ATTENDEES_PAGE_SIZE = 50;

/** /events/:id/attendees: who registered, and (once the event has started) who attended. */
export function EventAttendeesPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const event = useQuery(trpc.events.bySlug.queryOptions({ slug: id }));
  if (event.isPending) return <PageLoading label="Loading the event…" />;
  if (event.isError) {
    return (
      <>
        <PageHeader title="Attendees" />
        <ErrorState title="We couldn't load this event" error={event.error} onRetry={() => void event.refetch()} />
      </>
    );
  }
  return <Attendees event={event.data.event} />;
}

function Attendees({ event }: { event: EventDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [searchParams] = useSearchParams();
  const pageParam = Number(searchParams.get('page'));
  const page = Number.isInteger(pageParam) && pageParam >= 1 ? pageParam : 1;
  const attendees = useQuery(
    trpc.events.attendees.queryOptions(
      { id: event.id, page, limit: ATTENDEES_PAGE_SIZE },
      { placeholderData: keepPreviousData },
    ),
  );
  const [notice, setNotice] = useState<string | null>(null);
  const mark = useMutation(
    trpc.events.markAttendance.mutationOptions({
      onMutate: () => setNotice(null),
      onSuccess: (data) => setNotice(data.message),
      onSettled: () => queryClient.invalidateQueries(trpc.events.pathFilter()),
    }),
  );
  const started = event.startsAt <= new Date();
  const why =
    event.status === 'cancelled'
      ? 'This event was cancelled: nobody attended it.'
      : !started
        ? 'Attendance can be marked once the event has started.'
        : undefined;

  return (
    <>
      <PageHeader
        title={`Attendees of ${event.title}`}
        description={`${event.date} ${event.time} (${event.timezone}) · ${event.registeredCount} registered${event.capacity !== null ? ` of ${event.capacity}` : ''}`}
        actions={
          <div className="flex items-center gap-3">
            <EventStatusBadge status={event.status} />
            <Link to="/events" className="btn-secondary">
              Back to events
            </Link>
          </div>
        }
      />
      {why && (
        <FormAlert tone="info" className="mb-4">
          {why}
        </FormAlert>
      )}
      <div aria-live="polite">
        {notice && (
          <FormAlert tone="success" className="mb-4">
            {notice}
          </FormAlert>
        )}
        {mark.isError && (
          <FormAlert tone="error" className="mb-4">
            {errorMessage(mark.error)}
          </FormAlert>
        )}
      </div>

      {attendees.isPending ? (
        <div aria-busy="true" className="space-y-2 rounded-2xl border border-slate-200 bg-white p-4">
          {Array.from({ length: 5 }, (_, i) => (
            <Skeleton key={i} className="h-10 w-full" />
          ))}
        </div>
      ) : attendees.isError && !attendees.data ? (
        <ErrorState
          title="We couldn't load the attendees"
          error={attendees.error}
          onRetry={() => void attendees.refetch()}
        />
      ) : attendees.data.registrations.length === 0 ? (
        <div className="flex flex-col items-center rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
          <h2 className="text-lg font-semibold text-slate-900">
            {page > 1 ? 'Nothing on this page' : 'Nobody has registered yet'}
          </h2>
        </div>
      ) : (
        <>
          <div
            className={`overflow-x-auto rounded-2xl border border-slate-200 bg-white shadow-sm transition-opacity ${attendees.isPlaceholderData ? 'opacity-60' : ''}`}
          >
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">Registrations</caption>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={th}>
                    Registrant
                  </th>
                  <th scope="col" className={th}>
                    Registered
                  </th>
                  <th scope="col" className={th}>
                    Attendance
                  </th>
                  <th scope="col" className={th}>
                    Feedback
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    Mark
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {attendees.data.registrations.map((r) => {
                  const cancelled = r.status === 'cancelled';
                  const disabled = Boolean(why) || cancelled || mark.isPending;
                  const title = why ?? (cancelled ? 'This registration was cancelled' : undefined);
                  return (
                    <tr key={r.id} className="hover:bg-slate-50">
                      <td className={`${td} min-w-56`}>
                        <span className="block font-medium text-slate-900">{r.user.name}</span>
                        <span className="block text-slate-500">{r.user.email}</span>
                      </td>
                      <td className={`${td} whitespace-nowrap text-slate-500`}>{formatDate(r.registeredAt)}</td>
                      <td className={td}>
                        <RegistrationBadge status={r.status} />
                      </td>
                      <td className={`${td} max-w-72 text-slate-700`}>
                        {r.feedbackRating !== null ? (
                          <span>
                            {r.feedbackRating}/5{r.feedbackComment && ` · ${r.feedbackComment}`}
                          </span>
                        ) : (
                          <span className="text-slate-400">None</span>
                        )}
                      </td>
                      <td className={`${td} whitespace-nowrap text-right`}>
                        <button
                          type="button"
                          className={actionButton}
                          disabled={disabled || r.status === 'attended'}
                          title={title}
                          aria-label={`Mark ${r.user.name} attended`}
                          onClick={() =>
                            mark.mutate({ id: event.id, attendance: [{ userId: r.userId, status: 'attended' }] })
                          }
                        >
                          Attended
                        </button>
                        <button
                          type="button"
                          className={`${actionButton} text-amber-700 hover:bg-amber-50`}
                          disabled={disabled || r.status === 'no_show'}
                          title={title}
                          aria-label={`Mark ${r.user.name} absent`}
                          onClick={() =>
                            mark.mutate({ id: event.id, attendance: [{ userId: r.userId, status: 'no_show' }] })
                          }
                        >
                          Absent
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="mt-6 flex flex-col items-center gap-2">
            <Pagination
              currentPage={attendees.data.pagination.currentPage}
              totalPages={attendees.data.pagination.totalPages}
              hrefFor={(p) => (p > 1 ? `?page=${p}` : '?')}
            />
          </div>
        </>
      )}
    </>
  );
}
