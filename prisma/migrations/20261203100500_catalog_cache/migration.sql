-- Anonymous catalog answers are cached in each server process (apps/server/src/plugins/catalog-cache.ts)
-- until the catalog changes. These statement triggers NOTIFY `catalog_changed` after any write to
-- what those answers read; PostgreSQL delivers a notification only when its transaction commits
-- (and once per transaction, however many statements fired it), to every listening process.
--
-- Updates of columns no catalog answer shows (a user's last sign-in, a lesson's text, ...) do not
-- notify: those triggers name their columns (UPDATE OF). Enrollments and reviews change the
-- catalog through the counters they update on "Program".
CREATE FUNCTION catalog_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('catalog_changed', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER "Program_catalog_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Program"
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();
CREATE TRIGGER "Category_catalog_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Category"
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();
CREATE TRIGGER "InstructorProfile_catalog_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "InstructorProfile"
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();
CREATE TRIGGER "CurriculumSection_catalog_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CurriculumSection"
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();

-- Instructors' cards and search: name, avatar, bio, role, status, deletion.
CREATE TRIGGER "User_catalog_changed" AFTER INSERT OR DELETE OR TRUNCATE ON "User"
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();
CREATE TRIGGER "User_catalog_changed_update" AFTER UPDATE OF "name", "avatarUrl", "bio", "role", "status", "deletedAt" ON "User"
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();

-- The curriculum outline: lessons per section and their minutes.
CREATE TRIGGER "Lesson_catalog_changed" AFTER INSERT OR DELETE OR TRUNCATE ON "Lesson"
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();
CREATE TRIGGER "Lesson_catalog_changed_update" AFTER UPDATE OF "durationMinutes", "sectionId", "programId" ON "Lesson"
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();

-- A program's question count.
CREATE TRIGGER "Question_catalog_changed" AFTER INSERT OR DELETE OR TRUNCATE ON "Question"
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();
CREATE TRIGGER "Question_catalog_changed_update" AFTER UPDATE OF "programId" ON "Question"
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();
