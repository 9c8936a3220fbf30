import { ZEventCreateInput, ZEventUpdateInput, type EventDetail } from '@learningpt/schema';
import {
  ErrorState,
  errorMessage,
  FormAlert,
  PageLoading,
  serverFieldErrors,
  TextAreaField,
  TextField,
  useTRPC,
  validate,
  type FieldErrors,
} from '@learningpt/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { useRefreshEvents } from './event-dialog';
import { browserTimeZone, knownTimeZones, zonedInstant } from './event-time';

/** /events/new and /events/:id/edit: every field of an event on one page. */
export function EventFormPage() {
  const { id } = useParams();
  const trpc = useTRPC();
  const existing = useQuery(trpc.events.bySlug.queryOptions({ slug: id ?? '' }, { enabled: Boolean(id) }));
  if (!id) return <EventForm />;
  if (existing.isPending) return <PageLoading label="Loading the event…" />;
  if (existing.isError) {
    return (
      <>
        <PageHeader title="Edit event" />
        <ErrorState
          title="We couldn't load this event"
          error={existing.error}
          onRetry={() => void existing.refetch()}
        />
      </>
    );
  }
  return <EventForm key={existing.data.event.id} event={existing.data.event} />;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
      <legend className="sr-only">{title}</legend>
      <h2 className="mb-4 font-semibold text-slate-900">{title}</h2>
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}

function Checkbox({
  label,
  checked,
  onChange,
  disabled,
  hint,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled: boolean;
  hint?: string;
}) {
  return (
    <label className="flex items-start gap-2 text-sm text-slate-700">
      <input
        type="checkbox"
        className="mt-0.5 size-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-500"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span>
        <span className="font-medium text-slate-900">{label}</span>
        {hint && <span className="block text-slate-500">{hint}</span>}
      </span>
    </label>
  );
}

const text = (v: string | null | undefined) => v ?? '';
const orNull = (v: string) => (v.trim() ? v.trim() : null);

function EventForm({ event }: { event?: EventDetail }) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const refresh = useRefreshEvents();
  const zonesId = useId();
  const categories = useQuery(trpc.categories.list.queryOptions());
  const [title, setTitle] = useState(text(event?.title));
  const [slug, setSlug] = useState(text(event?.slug));
  const [shortDescription, setShortDescription] = useState(text(event?.shortDescription));
  const [description, setDescription] = useState(text(event?.description));
  const [day, setDay] = useState(text(event?.date));
  const [time, setTime] = useState(event?.time ?? '18:00');
  const [timezone, setTimezone] = useState(event?.timezone ?? browserTimeZone());
  const [duration, setDuration] = useState(String(event?.duration ?? 60));
  const [isOnline, setIsOnline] = useState(event?.isOnline ?? true);
  const [location, setLocation] = useState(text(event?.location));
  const [venueAddress, setVenueAddress] = useState(text(event?.venueAddress));
  const [meetingLink, setMeetingLink] = useState(text(event?.meetingLink));
  const [meetingPassword, setMeetingPassword] = useState(text(event?.meetingPassword));
  const [capacity, setCapacity] = useState(event?.capacity != null ? String(event.capacity) : '');
  const [price, setPrice] = useState(event ? String(event.price) : '0');
  const [currency, setCurrency] = useState(event?.currency ?? 'USD');
  const [category, setCategory] = useState(event?.categoryId ?? '');
  const [featured, setFeatured] = useState(event?.featured ?? false);
  const [imageUrl, setImageUrl] = useState(text(event?.imageUrl));
  const [errors, setErrors] = useState<FieldErrors>({});

  const done = (message: string) => {
    void refresh();
    void navigate('/events', { state: { notice: message } });
  };
  const create = useMutation(trpc.events.create.mutationOptions({ onSuccess: (d) => done(d.message) }));
  const update = useMutation(trpc.events.update.mutationOptions({ onSuccess: (d) => done(d.message) }));
  const mutation = event ? update : create;
  const busy = mutation.isPending;
  const fieldErrors = { ...serverFieldErrors(mutation.error), ...errors };

  function submit(e: FormEvent) {
    e.preventDefault();
    const startsAt = zonedInstant(day, time, timezone.trim());
    const values = {
      title,
      ...(slug.trim() ? { slug } : {}),
      description,
      shortDescription: orNull(shortDescription),
      startsAt: startsAt ?? undefined,
      duration: duration.trim() === '' ? Number.NaN : Number(duration),
      timezone: timezone.trim(),
      isOnline,
      // The other kind's fields are cleared, so an online event keeps no stale venue (and back).
      location: isOnline ? null : orNull(location),
      venueAddress: isOnline ? null : orNull(venueAddress),
      meetingLink: isOnline ? orNull(meetingLink) : null,
      meetingPassword: isOnline ? orNull(meetingPassword) : null,
      capacity: capacity.trim() === '' ? null : Number(capacity),
      price: price.trim() === '' ? 0 : Number(price),
      currency,
      category: category || null,
      featured,
      imageUrl: orNull(imageUrl),
    };
    const local: FieldErrors = {};
    if (!day) local.startsAt = 'Choose the day it starts';
    else if (!startsAt) local.startsAt = 'Enter a valid day and time (and time zone)';
    const checked = event
      ? validate(ZEventUpdateInput, { id: event.id, ...values })
      : validate(ZEventCreateInput, values);
    if (!checked.ok || Object.keys(local).length > 0) {
      setErrors({ ...(checked.ok ? {} : checked.errors), ...local });
      return;
    }
    setErrors({});
    if (event) update.mutate(checked.data as typeof ZEventUpdateInput._output);
    else create.mutate(checked.data as typeof ZEventCreateInput._output);
  }

  const heading = event ? `Edit ${event.title}` : 'New event';
  return (
    <>
      <PageHeader
        title={event ? 'Edit event' : 'New event'}
        description={event ? event.title : 'A webinar or live event; it opens for registration once created.'}
        actions={
          <Link to="/events" className="btn-secondary">
            Back to events
          </Link>
        }
      />
      <form onSubmit={submit} noValidate aria-label={heading} className="max-w-4xl space-y-6">
        <Section title="About">
          <TextField
            label="Title"
            className="sm:col-span-2"
            value={title}
            maxLength={200}
            required
            disabled={busy}
            onChange={(e) => setTitle(e.target.value)}
            error={fieldErrors.title}
          />
          <TextField
            label="Slug"
            value={slug}
            maxLength={100}
            disabled={busy}
            hint={event ? 'Changing it breaks old links to the event.' : 'Left empty, it is made from the title.'}
            onChange={(e) => setSlug(e.target.value)}
            error={fieldErrors.slug}
          />
          <div>
            <label htmlFor="event-category" className="field-label">
              Category
            </label>
            <select
              id="event-category"
              className="field-input"
              value={category}
              disabled={busy}
              onChange={(e) => setCategory(e.target.value)}
            >
              <option value="">None</option>
              {categories.data?.categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
              {/* The event's category may be one the public list leaves out (retired). */}
              {event?.category && !categories.data?.categories.some((c) => c.id === event.category?.id) && (
                <option value={event.category.id}>{event.category.name}</option>
              )}
            </select>
            {fieldErrors.category && <p className="mt-1.5 text-sm text-red-600">{fieldErrors.category}</p>}
          </div>
          <TextField
            label="Summary"
            className="sm:col-span-2"
            value={shortDescription}
            maxLength={500}
            disabled={busy}
            hint="One or two sentences for the lists."
            onChange={(e) => setShortDescription(e.target.value)}
            error={fieldErrors.shortDescription}
          />
          <TextAreaField
            label="Description"
            className="sm:col-span-2"
            rows={6}
            maxLength={20000}
            value={description}
            disabled={busy}
            onChange={(e) => setDescription(e.target.value)}
            error={fieldErrors.description}
          />
          <TextField
            label="Image URL"
            className="sm:col-span-2"
            type="url"
            value={imageUrl}
            maxLength={2000}
            placeholder="https://…"
            disabled={busy}
            onChange={(e) => setImageUrl(e.target.value)}
            error={fieldErrors.imageUrl}
          />
          <Checkbox
            label="Featured"
            hint="Shown first on the events page."
            checked={featured}
            onChange={setFeatured}
            disabled={busy}
          />
        </Section>

        <Section title="When">
          <TextField
            label="Start day"
            type="date"
            value={day}
            required
            disabled={busy}
            onChange={(e) => setDay(e.target.value)}
            error={fieldErrors.startsAt}
          />
          <TextField
            label="Start time"
            type="time"
            value={time}
            required
            disabled={busy}
            onChange={(e) => setTime(e.target.value)}
          />
          <TextField
            label="Time zone"
            value={timezone}
            list={zonesId}
            maxLength={64}
            disabled={busy}
            hint="The day and time above are on this zone's clock (e.g. Europe/London, UTC)."
            onChange={(e) => setTimezone(e.target.value)}
            error={fieldErrors.timezone}
          />
          <datalist id={zonesId}>
            {knownTimeZones().map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <TextField
            label="Duration (minutes)"
            type="number"
            inputMode="numeric"
            min={1}
            max={10080}
            value={duration}
            disabled={busy}
            onChange={(e) => setDuration(e.target.value)}
            error={fieldErrors.duration}
          />
        </Section>

        <Section title="Where">
          <div className="sm:col-span-2">
            <Checkbox
              label="Online event"
              hint="Registrants get the meeting link and password; nobody else sees them."
              checked={isOnline}
              onChange={setIsOnline}
              disabled={busy}
            />
          </div>
          {isOnline ? (
            <>
              <TextField
                label="Meeting link"
                type="url"
                value={meetingLink}
                maxLength={2000}
                placeholder="https://…"
                disabled={busy}
                onChange={(e) => setMeetingLink(e.target.value)}
                error={fieldErrors.meetingLink}
              />
              <TextField
                label="Meeting password"
                value={meetingPassword}
                maxLength={200}
                autoComplete="off"
                disabled={busy}
                onChange={(e) => setMeetingPassword(e.target.value)}
                error={fieldErrors.meetingPassword}
              />
            </>
          ) : (
            <>
              <TextField
                label="Location"
                value={location}
                maxLength={255}
                placeholder="e.g. Berlin, Alexanderplatz campus"
                disabled={busy}
                onChange={(e) => setLocation(e.target.value)}
                error={fieldErrors.location}
              />
              <TextAreaField
                label="Venue address"
                rows={2}
                maxLength={1000}
                value={venueAddress}
                disabled={busy}
                onChange={(e) => setVenueAddress(e.target.value)}
                error={fieldErrors.venueAddress}
              />
            </>
          )}
        </Section>

        <Section title="Seats and price">
          <TextField
            label="Capacity"
            type="number"
            inputMode="numeric"
            min={1}
            value={capacity}
            disabled={busy}
            hint={event ? `${event.registeredCount} registered so far. Empty: unlimited.` : 'Empty: unlimited.'}
            onChange={(e) => setCapacity(e.target.value)}
            error={fieldErrors.capacity}
          />
          <div className="grid grid-cols-[1fr_7rem] gap-3">
            <TextField
              label="Price"
              type="number"
              inputMode="decimal"
              min={0}
              step="0.01"
              value={price}
              disabled={busy}
              hint="0 is a free event; paid tickets are bought through Stripe Checkout."
              onChange={(e) => setPrice(e.target.value)}
              error={fieldErrors.price}
            />
            <TextField
              label="Currency"
              value={currency}
              maxLength={3}
              disabled={busy}
              onChange={(e) => setCurrency(e.target.value.toUpperCase())}
              error={fieldErrors.currency}
            />
          </div>
        </Section>

        {mutation.isError && <FormAlert tone="error">{errorMessage(mutation.error)}</FormAlert>}
        <div className="flex justify-end gap-3">
          <Link to="/events" className="btn-secondary">
            Cancel
          </Link>
          <button type="submit" className="btn-primary" disabled={busy}>
            {busy ? 'Saving…' : event ? 'Save event' : 'Create event'}
          </button>
        </div>
      </form>
    </>
  );
}
