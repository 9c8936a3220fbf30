import type { EventSummary } from '@learningpt/schema';
import { formatMoney } from '../../lib/format';

const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(undefined, { ...options, timeZone });
    } catch {
      // A time zone this browser does not know: UTC rather than a crash.
      f = new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' });
    }
    formats.set(key, f);
  }
  return f;
}

/** "Tuesday, January 15, 2030" in the event's own time zone. */
export function eventDay(date: Date, timeZone: string): string {
  return format(timeZone, { dateStyle: 'full' }).format(date);
}

/** "5:00 PM UTC" in the event's own time zone, with its abbreviation. */
export function eventTime(date: Date, timeZone: string): string {
  return format(timeZone, { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(date);
}

/** "Jan 15, 2030, 5:00 PM GMT+1" for cards. */
export function eventWhen(date: Date, timeZone: string): string {
  return format(timeZone, { dateStyle: 'medium', timeStyle: 'short' }).format(date) + ` (${shortZone(date, timeZone)})`;
}

function shortZone(date: Date, timeZone: string): string {
  const part = format(timeZone, { timeZoneName: 'short' })
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** "1 h 30 min" */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

export function eventPrice(e: Pick<EventSummary, 'isFree' | 'price' | 'currency'>): string {
  return e.isFree ? 'Free' : formatMoney(e.price, e.currency);
}

/** "12 spots left", "Full", "Unlimited spots". */
export function spotsLabel(e: Pick<EventSummary, 'spotsLeft' | 'isFull'>): string {
  if (e.isFull) return 'Full';
  if (e.spotsLeft === null) return 'Open to everyone';
  return `${e.spotsLeft} ${e.spotsLeft === 1 ? 'spot' : 'spots'} left`;
}

export const EVENT_STATUS_LABELS = {
  upcoming: 'Upcoming',
  ongoing: 'Happening now',
  completed: 'Ended',
  cancelled: 'Cancelled',
} as const;

/** Over: completed, or its end has passed (the hourly task may not have moved it along yet). */
export function isOver(e: Pick<EventSummary, 'status' | 'endsAt'>, now: Date): boolean {
  return e.status === 'completed' || e.endsAt.getTime() <= now.getTime();
}

/** The status to show: an "upcoming" event whose end has passed reads as ended. */
export function statusLabel(e: Pick<EventSummary, 'status' | 'endsAt' | 'startsAt'>, now: Date): string {
  if (e.status === 'upcoming' && isOver(e, now)) return EVENT_STATUS_LABELS.completed;
  if (e.status === 'upcoming' && e.startsAt.getTime() <= now.getTime()) return EVENT_STATUS_LABELS.ongoing;
  return EVENT_STATUS_LABELS[e.status];
}
