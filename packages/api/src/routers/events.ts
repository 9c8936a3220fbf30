import {
  cancelRegistration,
  createEvent,
  deleteEvent,
  findEvents,
  getEventBySlug,
  leaveEventFeedback,
  listEventAttendees,
  markAttendance,
  registeredEvents,
  registerForEvent,
  upcomingEvents,
  updateEvent,
} from '@learningpt/core';
import {
  ZEventAttendanceInput,
  ZEventAttendanceOutput,
  ZEventAttendeesInput,
  ZEventAttendeesOutput,
  ZEventBySlugInput,
  ZEventBySlugOutput,
  ZEventCancelRegistrationOutput,
  ZEventCreateInput,
  ZEventDeleteOutput,
  ZEventFeedbackInput,
  ZEventFeedbackOutput,
  ZEventIdInput,
  ZEventListInput,
  ZEventListOutput,
  ZEventRegisteredInput,
  ZEventRegisteredOutput,
  ZEventRegisterOutput,
  ZEventUpcomingInput,
  ZEventUpcomingOutput,
  ZEventUpdateInput,
  ZEventWriteOutput,
} from '@learningpt/schema';
import {
  adminProcedure,
  authedProcedure,
  createTRPCRouter,
  publicProcedure,
  signedIn,
  viewerOf,
  type AppContext,
} from '../trpc';

const tags = ['events'];

const manageDeps = (ctx: AppContext) => ({ db: ctx.db, clock: ctx.clock, webUrl: ctx.billing.webUrl });

// Paid tickets are bought with payments.createCheckout / createIntent (eventId); events.register
// answers 402 for them, saying so.
export const eventsRouter = createTRPCRouter({
  list: publicProcedure
    .meta({
      route: {
        method: 'GET',
        path: '/events',
        tags,
        summary: 'List events (date range, category, online, status, featured)',
      },
    })
    .input(ZEventListInput)
    .output(ZEventListOutput)
    .query(({ ctx, input }) => findEvents({ db: ctx.db, ...input })),

  upcoming: publicProcedure
    .meta({
      route: { method: 'GET', path: '/events/upcoming', tags, summary: 'The next events that have not started' },
    })
    .input(ZEventUpcomingInput)
    .output(ZEventUpcomingOutput)
    .query(({ ctx, input }) => upcomingEvents({ db: ctx.db, clock: ctx.clock, limit: input.limit })),

  registered: authedProcedure
    .meta({ route: { method: 'GET', path: '/events/registered', tags, summary: 'The events I registered for' } })
    .input(ZEventRegisteredInput)
    .output(ZEventRegisteredOutput)
    .query(({ ctx, input }) => registeredEvents({ db: ctx.db, viewer: signedIn(ctx), ...input })),

  bySlug: publicProcedure
    .meta({
      route: {
        method: 'GET',
        path: '/events/{slug}',
        tags,
        summary: 'One event (the meeting link only for registrants, the organizer and admins)',
      },
    })
    .input(ZEventBySlugInput)
    .output(ZEventBySlugOutput)
    .query(({ ctx, input }) => getEventBySlug({ db: ctx.db, viewer: viewerOf(ctx), slug: input.slug })),

  register: authedProcedure
    .meta({
      route: {
        method: 'POST',
        path: '/events/{id}/register',
        tags,
        summary: 'Register for a free event (a paid one answers 402: buy it with POST /payments/checkout)',
      },
    })
    .input(ZEventIdInput)
    .output(ZEventRegisterOutput)
    .mutation(({ ctx, input }) =>
      registerForEvent({ db: ctx.db, clock: ctx.clock, viewer: signedIn(ctx), eventId: input.id }),
    ),

  cancelRegistration: authedProcedure
    .meta({ route: { method: 'DELETE', path: '/events/{id}/register', tags, summary: 'Cancel my registration' } })
    .input(ZEventIdInput)
    .output(ZEventCancelRegistrationOutput)
    .mutation(({ ctx, input }) =>
      cancelRegistration({ db: ctx.db, clock: ctx.clock, viewer: signedIn(ctx), eventId: input.id }),
    ),

  attendees: authedProcedure
    .meta({
      route: {
        method: 'GET',
        path: '/events/{id}/attendance',
        tags,
        summary: 'Who registered, with their attendance (organizer, admin)',
      },
    })
    .input(ZEventAttendeesInput)
    .output(ZEventAttendeesOutput)
    .query(({ ctx, input: { id, page, limit } }) =>
      listEventAttendees({ db: ctx.db, viewer: signedIn(ctx), eventId: id, page, limit }),
    ),

  markAttendance: authedProcedure
    .meta({
      route: { method: 'POST', path: '/events/{id}/attendance', tags, summary: 'Mark who attended (organizer, admin)' },
    })
    .input(ZEventAttendanceInput)
    .output(ZEventAttendanceOutput)
    .mutation(({ ctx, input }) =>
      markAttendance({
        db: ctx.db,
        clock: ctx.clock,
        viewer: signedIn(ctx),
        eventId: input.id,
        attendance: input.attendance,
      }),
    ),

  feedback: authedProcedure
    .meta({
      route: { method: 'POST', path: '/events/{id}/feedback', tags, summary: 'Rate an event I attended (1–5, once)' },
    })
    .input(ZEventFeedbackInput)
    .output(ZEventFeedbackOutput)
    .mutation(({ ctx, input }) =>
      leaveEventFeedback({
        db: ctx.db,
        clock: ctx.clock,
        viewer: signedIn(ctx),
        eventId: input.id,
        rating: input.rating,
        comment: input.comment,
      }),
    ),

  create: adminProcedure
    .meta({ route: { method: 'POST', path: '/events', tags, summary: 'Create an event' } })
    .input(ZEventCreateInput)
    .output(ZEventWriteOutput)
    .mutation(({ ctx, input }) => createEvent({ db: ctx.db, clock: ctx.clock, viewer: signedIn(ctx), input })),

  update: adminProcedure
    .meta({
      route: {
        method: 'PUT',
        path: '/events/{id}',
        tags,
        summary: 'Update an event or move it through upcoming → ongoing → completed (or cancelled)',
      },
    })
    .input(ZEventUpdateInput)
    .output(ZEventWriteOutput)
    .mutation(({ ctx, input: { id, ...input } }) =>
      updateEvent({ ...manageDeps(ctx), viewer: signedIn(ctx), id, input }),
    ),

  delete: adminProcedure
    .meta({ route: { method: 'DELETE', path: '/events/{id}', tags, summary: 'Delete an event (cancelling it first)' } })
    .input(ZEventIdInput)
    .output(ZEventDeleteOutput)
    .mutation(({ ctx, input }) => deleteEvent({ ...manageDeps(ctx), viewer: signedIn(ctx), id: input.id })),
});
