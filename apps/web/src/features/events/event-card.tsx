import type { EventSummary } from '@learningpt/schema';
import { CalendarIcon, GlobeIcon, Skeleton, UsersIcon } from '@learningpt/ui';
import { Link } from 'react-router';
import { ProgramThumbnail } from '../../components/program-thumbnail';
import { eventPrice, eventWhen, spotsLabel, statusLabel } from './event-format';

export function EventCard({ event }: { event: EventSummary }) {
  const status = statusLabel(event, new Date());
  return (
    <article
      aria-labelledby={`event-${event.id}`}
      className="group relative flex w-full flex-col overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm transition focus-within:ring-2 focus-within:ring-indigo-500 hover:-translate-y-0.5 hover:shadow-md"
    >
      <ProgramThumbnail src={event.imageUrl} seed={event.slug} label={event.category?.name ?? event.title} />
      <div className="flex flex-1 flex-col gap-3 p-5">
        <div className="flex flex-wrap items-center gap-2 text-xs font-semibold uppercase tracking-wide">
          {event.category && <span className="truncate text-indigo-600">{event.category.name}</span>}
          {event.featured && <span className="rounded-full bg-amber-50 px-2 py-0.5 text-amber-700">Featured</span>}
          {status !== 'Upcoming' && (
            <span
              className={`rounded-full px-2 py-0.5 ${event.status === 'cancelled' ? 'bg-red-50 text-red-700' : 'bg-slate-100 text-slate-600'}`}
            >
              {status}
            </span>
          )}
        </div>
        <h3 id={`event-${event.id}`} className="text-base font-semibold leading-snug text-slate-900">
          {/* The whole card is clickable through this link's ::after overlay. */}
          <Link
            to={`/events/${encodeURIComponent(event.slug)}`}
            className="outline-none after:absolute after:inset-0 group-hover:text-indigo-700"
          >
            {event.title}
          </Link>
        </h3>
        {event.shortDescription && <p className="line-clamp-2 text-sm text-slate-600">{event.shortDescription}</p>}
        <p className="flex items-center gap-2 text-sm text-slate-600">
          <CalendarIcon className="size-4 shrink-0 text-slate-400" />
          <time dateTime={event.startsAt.toISOString()}>{eventWhen(event.startsAt, event.timezone)}</time>
        </p>
        <p className="flex items-center gap-2 text-sm text-slate-600">
          <GlobeIcon className="size-4 shrink-0 text-slate-400" />
          {event.isOnline ? 'Online' : (event.location ?? 'In person')}
        </p>
        <div className="mt-auto flex items-center justify-between gap-2 border-t border-slate-100 pt-3">
          <span
            className={`inline-flex items-center gap-1 text-sm ${event.isFull ? 'font-semibold text-red-600' : 'text-slate-500'}`}
          >
            <UsersIcon className="size-4" />
            {spotsLabel(event)}
          </span>
          <span className={`text-base font-bold ${event.isFree ? 'text-emerald-600' : 'text-slate-900'}`}>
            {eventPrice(event)}
          </span>
        </div>
      </div>
    </article>
  );
}

export function EventCardSkeleton() {
  return (
    <div className="overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm">
      <Skeleton className="aspect-video w-full rounded-none" />
      <div className="space-y-3 p-5">
        <Skeleton className="h-3 w-1/3" />
        <Skeleton className="h-5 w-4/5" />
        <Skeleton className="h-4 w-full" />
        <Skeleton className="h-4 w-2/3" />
        <div className="flex justify-between pt-3">
          <Skeleton className="h-4 w-1/3" />
          <Skeleton className="h-5 w-14" />
        </div>
      </div>
    </div>
  );
}
