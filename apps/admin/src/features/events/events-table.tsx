import type { EventSummary } from '@learningpt/schema';
import { Link } from 'react-router';
import { actionButton, td, th } from '../../components/table-classes';
import { formatMoney } from '../../lib/format';
import { EventStatusBadge } from './event-badges';
import type { EventAction } from './event-dialog';

interface EventsTableProps {
  events: EventSummary[];
  dimmed: boolean;
  onAction: (action: EventAction) => void;
}

/** "90 min", "2 h", "1 h 30 min". */
export function formatDuration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

export function EventsTable({ events, dimmed, onAction }: EventsTableProps) {
  return (
    <div
      className={`overflow-x-auto rounded-2xl border border-slate-200 bg-white shadow-sm transition-opacity ${dimmed ? 'opacity-60' : ''}`}
    >
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Events</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={th}>
              Event
            </th>
            <th scope="col" className={th}>
              When
            </th>
            <th scope="col" className={th}>
              Where
            </th>
            <th scope="col" className={`${th} text-right`}>
              Seats
            </th>
            <th scope="col" className={`${th} text-right`}>
              Price
            </th>
            <th scope="col" className={th}>
              Status
            </th>
            <th scope="col" className={`${th} text-right`}>
              Actions
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {events.map((e) => {
            const final = e.status === 'completed' || e.status === 'cancelled';
            return (
              <tr key={e.id} className="hover:bg-slate-50">
                <td className={`${td} min-w-56 max-w-80`}>
                  <span className="block font-medium text-slate-900">
                    {e.title}
                    {e.featured && <span className="ml-2 text-xs font-normal text-amber-700">featured</span>}
                  </span>
                  <span className="block truncate text-slate-500">
                    {e.category ? `${e.category.name} · ` : ''}
                    {e.organizer.name}
                  </span>
                </td>
                <td className={`${td} whitespace-nowrap text-slate-700`}>
                  <span className="block">
                    {e.date} {e.time}
                  </span>
                  <span className="block text-xs text-slate-500">
                    {e.timezone} · {formatDuration(e.duration)}
                  </span>
                </td>
                <td className={`${td} max-w-48 text-slate-700`}>
                  <span className="line-clamp-2">{e.isOnline ? 'Online' : (e.location ?? 'In person')}</span>
                </td>
                <td className={`${td} whitespace-nowrap text-right tabular-nums text-slate-900`}>
                  {e.registeredCount}
                  {e.capacity !== null ? ` / ${e.capacity}` : ''}
                  {e.isFull && <span className="block text-xs text-red-600">full</span>}
                </td>
                <td className={`${td} whitespace-nowrap text-right tabular-nums text-slate-900`}>
                  {e.isFree ? 'Free' : formatMoney(e.price, e.currency)}
                </td>
                <td className={td}>
                  <EventStatusBadge status={e.status} />
                </td>
                <td className={`${td} whitespace-nowrap text-right`}>
                  <Link
                    to={`/events/${e.id}/attendees`}
                    className={actionButton}
                    aria-label={`Attendees of ${e.title}`}
                  >
                    Attendees
                  </Link>
                  {e.status !== 'cancelled' && (
                    <Link to={`/events/${e.id}/edit`} className={actionButton} aria-label={`Edit ${e.title}`}>
                      Edit
                    </Link>
                  )}
                  <button
                    type="button"
                    className={actionButton}
                    disabled={final}
                    title={final ? `A ${e.status} event's status is final` : undefined}
                    aria-label={`Change status of ${e.title}`}
                    onClick={() => onAction({ kind: 'status', event: e })}
                  >
                    Status
                  </button>
                  <button
                    type="button"
                    className={`${actionButton} text-red-600 hover:bg-red-50`}
                    aria-label={`Delete ${e.title}`}
                    onClick={() => onAction({ kind: 'delete', event: e })}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
