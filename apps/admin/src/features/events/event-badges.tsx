import type { EventStatus, REGISTRATION_STATUSES } from '@learningpt/schema';
import { Badge, type TONES } from '../../components/badge';

type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const EVENT_STATUS_LABELS: Record<EventStatus, string> = {
  upcoming: 'Upcoming',
  ongoing: 'Ongoing',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

const EVENT_TONES: Record<EventStatus, keyof typeof TONES> = {
  upcoming: 'sky',
  ongoing: 'amber',
  completed: 'emerald',
  cancelled: 'slate',
};

export function EventStatusBadge({ status }: { status: EventStatus }) {
  return <Badge tone={EVENT_TONES[status]}>{EVENT_STATUS_LABELS[status]}</Badge>;
}

export const REGISTRATION_LABELS: Record<RegistrationStatus, string> = {
  registered: 'Registered',
  attended: 'Attended',
  no_show: 'Absent',
  cancelled: 'Cancelled',
};

const REGISTRATION_TONES: Record<RegistrationStatus, keyof typeof TONES> = {
  registered: 'sky',
  attended: 'emerald',
  no_show: 'amber',
  cancelled: 'slate',
};

export function RegistrationBadge({ status }: { status: RegistrationStatus }) {
  return <Badge tone={REGISTRATION_TONES[status]}>{REGISTRATION_LABELS[status]}</Badge>;
}

/**
 * The statuses an event may move to (the server's workflow): upcoming → ongoing | completed |
 * cancelled, ongoing → completed | cancelled; ongoing and completed only once it has started.
 */
export function nextStatuses(e: { status: EventStatus; startsAt: Date }, now = new Date()): EventStatus[] {
  const started = e.startsAt <= now;
  const next: Record<EventStatus, EventStatus[]> = {
    upcoming: started ? ['ongoing', 'completed', 'cancelled'] : ['cancelled'],
    ongoing: ['completed', 'cancelled'],
    completed: [],
    cancelled: [],
  };
  return next[e.status];
}
