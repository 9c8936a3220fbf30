-- The day-before reminder of an event registration: set when the reminder is queued, so each
-- registration is reminded once (a conditional update on NULL).
ALTER TABLE "EventRegistration" ADD COLUMN "reminderSentAt" TIMESTAMPTZ(3);
