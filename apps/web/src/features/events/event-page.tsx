import type { EventBySlugOutput, EventDetail } from '@learningpt/schema';
import {
  CalendarIcon,
  ClockIcon,
  errorMessage,
  ErrorState,
  FormAlert,
  GlobeIcon,
  signInPath,
  Skeleton,
  trpcErrorCode,
  UsersIcon,
  useSession,
  useTRPC,
} from '@learningpt/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { Avatar } from '../../components/avatar';
import { safeHttpUrl } from '../../lib/safe-url';
import { eventDay, eventPrice, eventTime, formatDuration, isOver, spotsLabel, statusLabel } from './event-format';
import { EventFeedbackForm } from './event-feedback-form';

/** /events/:slug: one event, with registration (free), a ticket (paid) and, once registered, how to join. */
export function EventPage() {
  const { slug = '' } = useParams();
  const trpc = useTRPC();
  const query = useQuery(trpc.events.bySlug.queryOptions({ slug }));

  if (query.isPending) return <EventPageSkeleton />;
  if (query.isError) {
    if (trpcErrorCode(query.error) === 'NOT_FOUND') {
      return (
        <div className="mx-auto flex max-w-xl flex-col items-center px-4 py-24 text-center">
          <title>Event not found · LearninGPT</title>
          <p className="text-sm font-semibold uppercase tracking-widest text-indigo-600">404</p>
          <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900">Event not found</h1>
          <p className="mt-3 text-slate-600">This event does not exist or is no longer available.</p>
          <Link to="/events" className="btn-primary mt-8">
            See all events
          </Link>
        </div>
      );
    }
    return (
      <div className="px-4 py-16">
        <ErrorState title="We couldn't load this event" error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  }

  const { event } = query.data;
  return (
    <>
      <title>{`${event.title} · LearninGPT`}</title>
      <EventHero event={event} />
      <div className="mx-auto grid max-w-7xl gap-8 px-4 py-10 sm:px-6 lg:grid-cols-[1fr_22rem] lg:px-8">
        <div className="min-w-0 space-y-8">
          <section>
            <h2 className="mb-4 text-xl font-semibold tracking-tight text-slate-900">About this event</h2>
            {/* Plain text (the API refuses nothing here but never renders it as HTML). */}
            <p className="whitespace-pre-line leading-relaxed text-slate-700">
              {event.description || event.shortDescription}
            </p>
          </section>
          {!event.isOnline && (event.location || event.venueAddress) && (
            <section>
              <h2 className="mb-4 text-xl font-semibold tracking-tight text-slate-900">Venue</h2>
              {event.location && <p className="font-medium text-slate-800">{event.location}</p>}
              {event.venueAddress && <p className="text-slate-600">{event.venueAddress}</p>}
            </section>
          )}
          <section>
            <h2 className="mb-4 text-xl font-semibold tracking-tight text-slate-900">Organizer</h2>
            <div className="flex items-center gap-3">
              <Avatar name={event.organizer.name} src={event.organizer.avatar} className="size-10 text-sm" />
              <span className="font-medium text-slate-800">{event.organizer.name}</span>
            </div>
          </section>
        </div>
        <aside className="lg:sticky lg:top-24 lg:self-start">
          <RegistrationPanel data={query.data} />
        </aside>
      </div>
    </>
  );
}

function EventHero({ event }: { event: EventDetail }) {
  const [now] = useState(() => new Date());
  return (
    <section className="border-b border-slate-200 bg-gradient-to-b from-indigo-50/80 to-slate-50">
      <div className="mx-auto max-w-7xl px-4 py-10 sm:px-6 lg:px-8">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
          <Link to="/events" className="hover:text-indigo-700">
            Events
          </Link>
          {event.category && <span> / {event.category.name}</span>}
        </nav>
        <div className="mt-3 flex flex-wrap items-center gap-2 text-xs font-semibold uppercase tracking-wide">
          {event.featured && <span className="rounded-full bg-amber-50 px-2 py-0.5 text-amber-700">Featured</span>}
          <span
            className={`rounded-full px-2 py-0.5 ${event.status === 'cancelled' ? 'bg-red-50 text-red-700' : 'bg-indigo-50 text-indigo-700'}`}
          >
            {statusLabel(event, now)}
          </span>
        </div>
        <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">{event.title}</h1>
        {event.shortDescription && <p className="mt-2 max-w-3xl text-lg text-slate-600">{event.shortDescription}</p>}
        <dl className="mt-6 grid max-w-4xl gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Fact icon={<CalendarIcon className="size-5" />} label="Date">
            <time dateTime={event.startsAt.toISOString()}>{eventDay(event.startsAt, event.timezone)}</time>
          </Fact>
          <Fact icon={<ClockIcon className="size-5" />} label="Time">
            {eventTime(event.startsAt, event.timezone)} · {formatDuration(event.duration)}
            <span className="block text-xs text-slate-500">{event.timezone}</span>
          </Fact>
          <Fact icon={<GlobeIcon className="size-5" />} label="Where">
            {event.isOnline ? 'Online' : (event.location ?? 'In person')}
          </Fact>
          <Fact icon={<UsersIcon className="size-5" />} label="Seats">
            {spotsLabel(event)}
            {event.capacity !== null && (
              <span className="block text-xs text-slate-500">
                {event.registeredCount} of {event.capacity} taken
              </span>
            )}
          </Fact>
        </dl>
      </div>
    </section>
  );
}

function Fact({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <div className="flex gap-3 rounded-xl bg-white/70 p-3 ring-1 ring-slate-200">
      <span className="mt-0.5 text-indigo-500">{icon}</span>
      <div>
        <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
        <dd className="text-sm font-medium text-slate-800">{children}</dd>
      </div>
    </div>
  );
}

function RegistrationPanel({ data }: { data: EventBySlugOutput }) {
  const { event, isRegistered, registration } = data;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const session = useSession();
  const location = useLocation();
  const [now] = useState(() => new Date());
  const [leaving, setLeaving] = useState(false);

  const refresh = () => queryClient.invalidateQueries(trpc.events.pathFilter());
  const register = useMutation(trpc.events.register.mutationOptions({ onSettled: refresh }));
  const cancel = useMutation(trpc.events.cancelRegistration.mutationOptions({ onSettled: refresh }));
  const checkout = useMutation(
    trpc.payments.createCheckout.mutationOptions({
      onSuccess: (answer) => {
        // Off to the hosted checkout; billing registers the buyer once the payment settles.
        setLeaving(true);
        window.location.assign(answer.url);
      },
      // 409 (full, already registered) or 422 (a price that changed): show what the server holds now.
      onError: refresh,
    }),
  );

  const over = isOver(event, now);
  const started = event.status !== 'upcoming' || event.startsAt.getTime() <= now.getTime();
  const busy = register.isPending || cancel.isPending || checkout.isPending || leaving;
  const error = register.error ?? cancel.error ?? checkout.error;

  let body: ReactNode;
  if (event.status === 'cancelled') {
    body = <FormAlert tone="error">This event was cancelled.{isRegistered && ' Paid tickets are refunded.'}</FormAlert>;
  } else if (isRegistered && registration) {
    body = (
      <div className="space-y-4">
        <FormAlert tone="success">
          {event.isFree ? "You're registered for this event." : 'You have a ticket for this event.'}
        </FormAlert>
        {!over && <JoinDetails event={event} />}
        {!over && !started && event.isFree && (
          <button
            type="button"
            className="btn-secondary w-full"
            disabled={busy}
            onClick={() => {
              register.reset();
              cancel.mutate({ id: event.id });
            }}
          >
            {cancel.isPending ? 'Cancelling…' : 'Cancel my registration'}
          </button>
        )}
        {!over && !started && !event.isFree && (
          <p className="text-xs text-slate-500">A paid ticket is cancelled by asking for a refund of its order.</p>
        )}
        {over && <EventFeedbackForm eventId={event.id} registration={registration} />}
      </div>
    );
  } else if (over) {
    body = <p className="text-slate-600">This event has ended.</p>;
  } else if (started) {
    body = <p className="text-slate-600">This event has started: registration is closed.</p>;
  } else if (event.isFull) {
    body = (
      <button type="button" className="btn-secondary w-full" disabled>
        Full
      </button>
    );
  } else if (session.status !== 'signed-in') {
    body =
      session.status === 'loading' ? (
        <Skeleton className="h-10 w-full" />
      ) : (
        <Link to={signInPath('/sign-in', location)} className="btn-primary w-full">
          {event.isFree ? 'Sign in to register' : 'Sign in to buy a ticket'}
        </Link>
      );
  } else if (event.isFree) {
    body = (
      <button
        type="button"
        className="btn-primary w-full"
        disabled={busy}
        onClick={() => {
          cancel.reset();
          register.mutate({ id: event.id });
        }}
      >
        {register.isPending ? 'Registering…' : 'Register for free'}
      </button>
    );
  } else {
    body = (
      <button
        type="button"
        className="btn-primary w-full"
        disabled={busy}
        onClick={() => checkout.mutate({ eventId: event.id, amount: event.price, currency: event.currency })}
      >
        {busy ? 'Opening checkout…' : `Buy ticket · ${eventPrice(event)}`}
      </button>
    );
  }

  return (
    <section
      aria-labelledby="registration-heading"
      className="space-y-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="registration-heading" className="text-lg font-semibold text-slate-900">
          {event.isFree ? 'Registration' : 'Tickets'}
        </h2>
        <span className={`text-2xl font-bold ${event.isFree ? 'text-emerald-600' : 'text-slate-900'}`}>
          {eventPrice(event)}
        </span>
      </div>
      <p className={`text-sm ${event.isFull ? 'font-semibold text-red-600' : 'text-slate-600'}`}>{spotsLabel(event)}</p>
      {body}
      {error && <FormAlert tone="error">{errorMessage(error)}</FormAlert>}
      {cancel.isSuccess && !isRegistered && <FormAlert tone="info">Your registration is cancelled.</FormAlert>}
    </section>
  );
}

/** How to join: only registrants (and organizers, admins) are sent the link and password. */
function JoinDetails({ event }: { event: EventDetail }) {
  const link = event.meetingLink ? safeHttpUrl(event.meetingLink) : undefined;
  if (!event.isOnline && !link) {
    return event.venueAddress ? (
      <p className="text-sm text-slate-600">
        See you at <span className="font-medium text-slate-800">{event.venueAddress}</span>.
      </p>
    ) : null;
  }
  return (
    <div role="region" aria-label="How to join" className="rounded-xl bg-indigo-50/60 p-4 text-sm">
      <h3 className="font-semibold text-slate-900">How to join</h3>
      {link ? (
        <p className="mt-2">
          <span className="block text-xs text-slate-500">Meeting link</span>
          <a href={link} target="_blank" rel="noreferrer" className="break-all font-medium text-indigo-700 underline">
            {event.meetingLink}
          </a>
        </p>
      ) : (
        <p className="mt-2 text-slate-600">The organizer will share the meeting link before the event.</p>
      )}
      {event.meetingPassword && (
        <p className="mt-2">
          <span className="block text-xs text-slate-500">Password</span>
          <code className="font-mono text-slate-800">{event.meetingPassword}</code>
        </p>
      )}
    </div>
  );
}

function EventPageSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading event">
      <div className="border-b border-slate-200 bg-indigo-50/60">
        <div className="mx-auto max-w-7xl space-y-4 px-4 py-10 sm:px-6 lg:px-8">
          <Skeleton className="h-4 w-40" />
          <Skeleton className="h-9 w-2/3" />
          <Skeleton className="h-5 w-1/2" />
          <div className="grid max-w-4xl grid-cols-2 gap-4 pt-2 lg:grid-cols-4">
            {Array.from({ length: 4 }, (_, i) => (
              <Skeleton key={i} className="h-16" />
            ))}
          </div>
        </div>
      </div>
      <div className="mx-auto grid max-w-7xl gap-8 px-4 py-10 sm:px-6 lg:grid-cols-[1fr_22rem] lg:px-8">
        <div className="space-y-4">
          <Skeleton className="h-6 w-40" />
          <Skeleton className="h-4 w-full" />
          <Skeleton className="h-4 w-3/4" />
        </div>
        <Skeleton className="h-60 rounded-2xl" />
      </div>
    </div>
  );
}
