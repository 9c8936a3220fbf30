-- Billing through Stripe.
--
-- Order numbers (LG-2026-000123): one sequence for every order, so two orders never get the same
-- number however many are placed at once. Prisma does not model free-standing sequences and
-- `prisma migrate diff` leaves them alone.
CREATE SEQUENCE IF NOT EXISTS "Order_number_seq" AS BIGINT START WITH 1 INCREMENT BY 1 MINVALUE 1 NO CYCLE;

-- When the processing job of a received webhook finished (processedAt is when it was received).
ALTER TABLE "WebhookEvent" ADD COLUMN "handledAt" TIMESTAMPTZ(3);

-- A direct subscribe writes its Subscription row before asking Stripe (its id keys the Stripe
-- calls); at most one such unconfirmed row per user, so a double click cannot start two.
CREATE UNIQUE INDEX "Subscription_one_setup_per_user"
  ON "Subscription"("userId") WHERE "stripeSubscriptionId" IS NULL;
