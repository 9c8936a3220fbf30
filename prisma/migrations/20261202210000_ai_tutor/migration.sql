-- The AI tutor: answers that stream (status, citations), the response cache, the lesson in focus
-- of a session, and full-text search over lessons (the tutor's passages).

CREATE TYPE "AiMessageStatus" AS ENUM ('streaming', 'complete', 'failed');

ALTER TABLE "AiMessage"
  ADD COLUMN "status" "AiMessageStatus" NOT NULL DEFAULT 'complete',
  ADD COLUMN "citations" JSONB NOT NULL DEFAULT '[]',
  ADD COLUMN "cached" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "inputTokens" INTEGER,
  ADD COLUMN "error" TEXT,
  ADD COLUMN "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

ALTER TABLE "AiChatSession" ADD COLUMN "lessonId" UUID;
ALTER TABLE "AiChatSession"
  ADD CONSTRAINT "AiChatSession_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson"("id")
  ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "AiChatSession_lessonId_idx" ON "AiChatSession"("lessonId");

CREATE TABLE "AiResponseCache" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "questionHash" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "citations" JSONB NOT NULL DEFAULT '[]',
    "model" TEXT NOT NULL,
    "hits" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "AiResponseCache_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "AiResponseCache_programId_questionHash_key" ON "AiResponseCache"("programId", "questionHash");
CREATE INDEX "AiResponseCache_expiresAt_idx" ON "AiResponseCache"("expiresAt");
ALTER TABLE "AiResponseCache"
  ADD CONSTRAINT "AiResponseCache_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id")
  ON DELETE CASCADE ON UPDATE CASCADE;

-- The tutor's passages: lessons by full-text search over the title and the content's text (its
-- HTML tags replaced by spaces). Hand-written like "Program"."searchVector" (see migration
-- 20261123231500_program_search_vector): Prisma cannot create generated columns; schema.prisma
-- models it as Unsupported("tsvector") with the expression as PostgreSQL prints it.
ALTER TABLE "Lesson"
  ADD COLUMN "searchVector" tsvector
  GENERATED ALWAYS AS (
    to_tsvector('english', "title" || ' ' || regexp_replace("content", '<[^>]*>', ' ', 'g'))
  ) STORED;
CREATE INDEX "Lesson_searchVector_idx" ON "Lesson" USING GIN ("searchVector") WITH (fastupdate = off);
