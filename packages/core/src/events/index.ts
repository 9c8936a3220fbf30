// The events domain's use cases (and the names of its jobs).
export { EVENT_NOT_FOUND } from './event-view';
export { findEvents, upcomingEvents, getEventBySlug, registeredEvents, type FindEventsOptions } from './find-events';
export { registerForEvent, cancelRegistration } from './register';
export { listEventAttendees, markAttendance, leaveEventFeedback } from './attendance';
export {
  createEvent,
  updateEvent,
  deleteEvent,
  EVENT_TRANSITIONS,
  REFUND_EVENT_TICKET_TASK,
  type ManageEventsDeps,
} from './manage-events';
export {
  SEND_EVENT_REMINDERS_TASK,
  advanceEventStatuses,
  sendEventReminders,
  refundCancelledEventTicket,
} from './event-jobs';
