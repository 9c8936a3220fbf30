import { z } from 'zod';
import { ZHttpsUrl, ZSlug } from './categories';
import { ZCurrency, ZId, ZMoney, ZPagination, paginationInput, seedEnum } from './common';
import { ZPriceInput } from './programs';

export const EVENT_STATUSES = ['upcoming', 'ongoing', 'completed', 'cancelled'] as const;
export const ZEventStatus = seedEnum(EVENT_STATUSES, `status must be one of: ${EVENT_STATUSES.join(', ')}`);
export type EventStatus = z.infer<typeof ZEventStatus>;

export const REGISTRATION_STATUSES = ['registered', 'attended', 'no_show', 'cancelled'] as const;
export const ZRegistrationStatus = seedEnum(
  REGISTRATION_STATUSES,
  `status must be one of: ${REGISTRATION_STATUSES.join(', ')}`,
  { noshow: 'no_show', absent: 'no_show', present: 'attended' },
);

export const ATTENDANCE_STATUSES = ['attended', 'no_show'] as const;
export const ZAttendanceStatus = seedEnum(
  ATTENDANCE_STATUSES,
  `status must be one of: ${ATTENDANCE_STATUSES.join(', ')}`,
  { noshow: 'no_show', absent: 'no_show', present: 'attended' },
);

/** A day or an instant: a Date (tRPC), an ISO date-time, or a plain date (2026-03-01). */
function dateInput(endOfDay: boolean) {
  const message = 'Use an ISO date (2026-03-01) or date-time (2026-03-01T09:00:00Z)';
  return z.union(
    [
      z.date({ message }),
      z.iso.date({ message }).transform((d) => new Date(`${d}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}Z`)),
      z.iso.datetime({ offset: true, message }).transform((d) => new Date(d)),
    ],
    { message },
  );
}

/* ------------------------------------------------------------------------------------------------
 * Reading events
 * ---------------------------------------------------------------------------------------------- */

export const ZEventListInput = z
  .object({
    ...paginationInput(12),
    /** Events starting on or after this day / instant. */
    from: dateInput(false).optional(),
    /** Events starting on or before this day (the whole day) / instant. */
    to: dateInput(true).optional(),
    /** A category slug or id. */
    category: z.string().trim().min(1).max(100).optional(),
    /** true: online events only; false: in-person only. */
    isOnline: z.boolean().optional(),
    status: ZEventStatus.optional(),
    featured: z.boolean().optional(),
    search: z.string().trim().max(200, 'search can be at most 200 characters').optional(),
    /** soonest (default): by start time; latest: the most recent first (for past events). */
    sort: z.enum(['soonest', 'latest']).default('soonest'),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'from must not be after to', path: ['from'] });
export type EventListInput = z.input<typeof ZEventListInput>;

export const ZEventUpcomingInput = z
  .object({ limit: z.number().int().min(1).max(50, 'limit can be at most 50').default(6) })
  .default({ limit: 6 });

export const ZEventBySlugInput = z.object({
  /** The event's slug (or its id). */
  slug: z.string().trim().min(1, 'slug is required').max(200),
});

export const ZEventIdInput = z.object({ id: ZId });

export const ZEventCategory = z.object({ id: ZId, name: z.string(), slug: z.string() });
export const ZEventOrganizer = z.object({ id: ZId, name: z.string(), avatar: z.string().nullable() });

export const ZEventSummary = z.object({
  id: ZId,
  title: z.string(),
  slug: z.string(),
  shortDescription: z.string().nullable(),
  description: z.string(),
  /** The day and time in the event's own timezone (YYYY-MM-DD, HH:MM), as the listings show them. */
  date: z.string(),
  time: z.string(),
  timezone: z.string(),
  startsAt: z.date(),
  endsAt: z.date(),
  /** Minutes. */
  duration: z.number().int(),
  location: z.string().nullable(),
  venueAddress: z.string().nullable(),
  isOnline: z.boolean(),
  /** null: unlimited. */
  capacity: z.number().int().nullable(),
  registeredCount: z.number().int(),
  /** null: unlimited. */
  spotsLeft: z.number().int().nullable(),
  isFull: z.boolean(),
  price: ZMoney,
  currency: ZCurrency,
  isFree: z.boolean(),
  category: ZEventCategory.nullable(),
  categoryId: ZId.nullable(),
  organizer: ZEventOrganizer,
  organizerId: ZId,
  imageUrl: z.string().nullable(),
  status: ZEventStatus,
  featured: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type EventSummary = z.infer<typeof ZEventSummary>;

/**
 * One event. `meetingLink` and `meetingPassword` are present only for its registrants, its
 * organizer and admins: for anyone else the keys are absent.
 */
export const ZEventDetail = ZEventSummary.extend({
  meetingLink: z.string().nullable().optional(),
  meetingPassword: z.string().nullable().optional(),
});
export type EventDetail = z.infer<typeof ZEventDetail>;

export const ZEventRegistration = z.object({
  id: ZId,
  eventId: ZId,
  userId: ZId,
  status: ZRegistrationStatus,
  /** The seed's name for `status`. */
  attendanceStatus: ZRegistrationStatus,
  registeredAt: z.date(),
  /** The seed's name for `registeredAt`. */
  registrationDate: z.date(),
  cancelledAt: z.date().nullable(),
  /** The order that paid the ticket (null for a free event). */
  orderId: ZId.nullable(),
  feedbackRating: z.number().int().nullable(),
  feedbackComment: z.string().nullable(),
});
export type EventRegistration = z.infer<typeof ZEventRegistration>;

export const ZEventListOutput = z.object({
  events: z.array(ZEventSummary),
  pagination: ZPagination.extend({ totalEvents: z.number().int() }),
});
export type EventListOutput = z.infer<typeof ZEventListOutput>;

export const ZEventUpcomingOutput = z.object({ events: z.array(ZEventSummary) });

export const ZEventBySlugOutput = z.object({
  event: ZEventDetail,
  isRegistered: z.boolean(),
  /** The signed-in viewer's registration (null when anonymous or never registered). */
  registration: ZEventRegistration.nullable(),
});
export type EventBySlugOutput = z.infer<typeof ZEventBySlugOutput>;

export const ZEventRegisteredInput = z.object({ ...paginationInput(12) }).default({ page: 1, limit: 12 });

export const ZRegisteredEvent = ZEventDetail.extend({ registration: ZEventRegistration });
export const ZEventRegisteredOutput = z.object({
  events: z.array(ZRegisteredEvent),
  pagination: ZPagination.extend({ totalEvents: z.number().int() }),
});

/* ------------------------------------------------------------------------------------------------
 * Registering
 * ---------------------------------------------------------------------------------------------- */

export const ZEventRegisterOutput = z.object({
  message: z.string(),
  /** false when the viewer was already registered (the call changes nothing). */
  created: z.boolean(),
  registration: ZEventRegistration,
  event: ZEventDetail,
});

export const ZEventCancelRegistrationOutput = z.object({
  message: z.string(),
  registration: ZEventRegistration,
  event: ZEventSummary,
});

export const ZEventAttendanceInput = z.object({
  id: ZId,
  attendance: z
    .array(z.object({ userId: ZId, status: ZAttendanceStatus }))
    .min(1, 'attendance needs at least one entry')
    .max(1000, 'At most 1000 entries at a time'),
});

export const ZEventAttendee = ZEventRegistration.extend({
  user: z.object({ id: ZId, name: z.string(), email: z.string() }),
});

export const ZEventAttendeesInput = z.object({ id: ZId, ...paginationInput(50) });
export const ZEventAttendeesOutput = z.object({
  registrations: z.array(ZEventAttendee),
  pagination: ZPagination,
});

export const ZEventAttendanceOutput = z.object({
  message: z.string(),
  updated: z.number().int(),
  registrations: z.array(ZEventAttendee),
});

export const ZEventFeedbackInput = z.object({
  id: ZId,
  rating: z
    .number({ message: 'rating is a whole number from 1 to 5' })
    .int('rating is a whole number from 1 to 5')
    .min(1, 'rating is a whole number from 1 to 5')
    .max(5, 'rating is a whole number from 1 to 5'),
  comment: z.string().trim().max(2000, 'comment can be at most 2000 characters').optional(),
});

export const ZEventFeedbackOutput = z.object({ message: z.string(), registration: ZEventRegistration });

/* ------------------------------------------------------------------------------------------------
 * Writing events (admins)
 * ---------------------------------------------------------------------------------------------- */

const eventFields = {
  title: z.string().trim().min(3, 'title needs at least 3 characters').max(200, 'title can be at most 200 characters'),
  /** Generated from the title when left out. */
  slug: ZSlug,
  description: z.string().trim().max(20_000, 'description can be at most 20000 characters'),
  shortDescription: z.string().trim().max(500, 'shortDescription can be at most 500 characters').nullable(),
  /** The instant it starts (ISO date-time with its offset, e.g. 2030-03-12T08:30:00Z). */
  startsAt: z.union([z.date(), z.iso.datetime({ offset: true }).transform((d) => new Date(d))], {
    message: 'startsAt is an ISO date-time such as 2030-03-12T08:30:00Z',
  }),
  /** Minutes. */
  duration: z.number().int('duration is a whole number of minutes').min(1).max(10_080, 'At most a week (10080 min)'),
  /** An IANA timezone (Europe/London), used to show the local date and time. */
  timezone: z
    .string()
    .trim()
    .max(64)
    .refine(
      (tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      },
      { message: 'timezone must be an IANA timezone such as Europe/London or UTC' },
    ),
  location: z.string().trim().max(255).nullable(),
  venueAddress: z.string().trim().max(1000).nullable(),
  isOnline: z.boolean(),
  meetingLink: ZHttpsUrl.nullable(),
  meetingPassword: z.string().max(200).nullable(),
  /** null: unlimited. */
  capacity: z.number().int('capacity is a whole number').min(1, 'capacity is at least 1').max(1_000_000).nullable(),
  /** A decimal amount (49.00); 0 is a free event. */
  price: ZPriceInput,
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'currency is a 3-letter ISO code such as USD'),
  /** A category id, slug or name; null for none. */
  category: z.string().trim().min(1).max(100).nullable(),
  imageUrl: ZHttpsUrl.nullable(),
  featured: z.boolean(),
};

export const ZEventCreateInput = z.object({
  title: eventFields.title,
  slug: eventFields.slug.optional(),
  description: eventFields.description.default(''),
  shortDescription: eventFields.shortDescription.optional(),
  startsAt: eventFields.startsAt,
  duration: eventFields.duration.default(60),
  timezone: eventFields.timezone.default('UTC'),
  location: eventFields.location.optional(),
  venueAddress: eventFields.venueAddress.optional(),
  isOnline: eventFields.isOnline.default(false),
  meetingLink: eventFields.meetingLink.optional(),
  meetingPassword: eventFields.meetingPassword.optional(),
  capacity: eventFields.capacity.optional(),
  price: eventFields.price.default(0),
  currency: eventFields.currency.default('USD'),
  category: eventFields.category.optional(),
  imageUrl: eventFields.imageUrl.optional(),
  featured: eventFields.featured.default(false),
  /** The organizer (a user id); the admin creating it when left out. */
  organizerId: ZId.optional(),
});
export type EventCreateInput = z.infer<typeof ZEventCreateInput>;

export const ZEventUpdateInput = z.object({
  id: ZId,
  title: eventFields.title.optional(),
  slug: eventFields.slug.optional(),
  description: eventFields.description.optional(),
  shortDescription: eventFields.shortDescription.optional(),
  startsAt: eventFields.startsAt.optional(),
  duration: eventFields.duration.optional(),
  timezone: eventFields.timezone.optional(),
  location: eventFields.location.optional(),
  venueAddress: eventFields.venueAddress.optional(),
  isOnline: eventFields.isOnline.optional(),
  meetingLink: eventFields.meetingLink.optional(),
  meetingPassword: eventFields.meetingPassword.optional(),
  capacity: eventFields.capacity.optional(),
  price: eventFields.price.optional(),
  currency: eventFields.currency.optional(),
  category: eventFields.category.optional(),
  imageUrl: eventFields.imageUrl.optional(),
  featured: eventFields.featured.optional(),
  organizerId: ZId.optional(),
  /**
   * upcoming → ongoing | completed | cancelled, ongoing → completed | cancelled; completed and
   * cancelled are final. Cancelling tells the registrants and refunds paid tickets.
   */
  status: ZEventStatus.optional(),
});
export type EventUpdateInput = z.infer<typeof ZEventUpdateInput>;

export const ZEventWriteOutput = z.object({ message: z.string(), event: ZEventDetail });

export const ZEventDeleteOutput = z.object({ message: z.string() });
