-- Instructor search by expertise through an index. A profile's expertise is an array and search
-- matches an instructor when any one entry is trigram-similar to the query; no index serves that
-- over an array, so every search read every instructor (60-100 ms at 5,000 instructors, whatever
-- the query). Here each entry is also a row, kept by a trigger from InstructorProfile.expertise
-- (the array stays the source of truth and what the API shows), with a trigram index and a
-- case-insensitive equality index.

-- CreateTable
CREATE TABLE "InstructorExpertise" (
    "userId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "InstructorExpertise_pkey" PRIMARY KEY ("userId","position")
);

-- AddForeignKey
ALTER TABLE "InstructorExpertise" ADD CONSTRAINT "InstructorExpertise_userId_fkey" FOREIGN KEY ("userId") REFERENCES "InstructorProfile"("userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- The profiles that exist (before the indexes: one build instead of a GIN pending list).
INSERT INTO "InstructorExpertise" ("userId", "position", "value")
SELECT ip."userId", e.n, e.value FROM "InstructorProfile" ip, unnest(ip.expertise) WITH ORDINALITY AS e(value, n);

-- CreateIndex. fastupdate off: profiles change seldom, and a search must not read a pending list.
CREATE INDEX "InstructorExpertise_value_idx" ON "InstructorExpertise" USING GIN ("value" gin_trgm_ops) WITH (fastupdate = off);

-- The exact (case-insensitive) branch of the match.
CREATE INDEX "InstructorExpertise_value_lower_idx" ON "InstructorExpertise" (lower("value"));

-- The rows follow the array: rewritten when a profile is created or its expertise changes
-- (deleting a profile deletes them through the foreign key).
CREATE FUNCTION instructor_expertise_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.expertise IS NOT DISTINCT FROM OLD.expertise AND NEW."userId" = OLD."userId" THEN
      RETURN NULL;
    END IF;
    DELETE FROM "InstructorExpertise" WHERE "userId" IN (OLD."userId", NEW."userId");
  END IF;
  INSERT INTO "InstructorExpertise" ("userId", "position", "value")
  SELECT NEW."userId", e.n, e.value FROM unnest(NEW.expertise) WITH ORDINALITY AS e(value, n);
  RETURN NULL;
END
$$;

CREATE TRIGGER "InstructorProfile_expertise_sync"
AFTER INSERT OR UPDATE OF expertise, "userId" ON "InstructorProfile"
FOR EACH ROW EXECUTE FUNCTION instructor_expertise_sync();

-- The users whose name matches q (name % q or q <% name, as search.ts matches names) and the
-- instructors with an expertise entry matching q (equal ignoring case, value % q or q <% value):
-- two trigram index lookups. A function because of its SET: pg_trgm declares its operators'
-- functions at cost 1, so on tables of a few thousand short rows the planner prices a sequential
-- scan below the trigram index and picks it, although each row then costs a trigram extraction
-- of both strings (about 30 ms for 5,000 users or 10,000 entries, against under 1 ms through the
-- indexes). ROWS: an expected match count, for the plan of the caller.
CREATE FUNCTION instructor_search_ids(q text) RETURNS SETOF uuid
LANGUAGE sql STABLE PARALLEL SAFE ROWS 20
SET enable_seqscan = off
AS $$
  SELECT id FROM "User" WHERE name % q OR q <% name
  UNION
  SELECT "userId" FROM "InstructorExpertise" WHERE lower("value") = lower(q) OR "value" % q OR q <% "value"
$$;
