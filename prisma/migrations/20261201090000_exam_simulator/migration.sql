-- Exam simulator: retake policy, option shuffling and blueprints on quizzes; retired questions;
-- previews, served option order, time-outs, fractional (partial-credit) scores and the issued
-- certificate on attempts.

-- AlterTable
ALTER TABLE "Quiz" ADD COLUMN     "blueprint" JSONB,
ADD COLUMN     "maxAttempts" INTEGER,
ADD COLUMN     "retakeCooldownMinutes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "shuffleOptions" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "archivedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "QuizAttempt" ADD COLUMN     "certificateId" UUID,
ADD COLUMN     "isPreview" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "optionOrder" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "timedOut" BOOLEAN NOT NULL DEFAULT false,
ALTER COLUMN "score" SET DATA TYPE DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "AttemptAnswer" ALTER COLUMN "pointsAwarded" SET DATA TYPE DOUBLE PRECISION;

-- Hand-written: invariants Prisma cannot express ------------------------------------------------

ALTER TABLE "Quiz" ADD CONSTRAINT "Quiz_retake_policy_check"
  CHECK (("maxAttempts" IS NULL OR "maxAttempts" >= 1) AND "retakeCooldownMinutes" >= 0);
-- A blueprint is a non-empty array of draws.
ALTER TABLE "Quiz" ADD CONSTRAINT "Quiz_blueprint_check"
  CHECK ("blueprint" IS NULL OR (jsonb_typeof("blueprint") = 'array' AND jsonb_array_length("blueprint") >= 1));
ALTER TABLE "QuizAttempt" ADD CONSTRAINT "QuizAttempt_optionOrder_check" CHECK (jsonb_typeof("optionOrder") = 'object');
