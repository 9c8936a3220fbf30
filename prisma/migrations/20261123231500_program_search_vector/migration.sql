-- Full-text search over programs reads a stored tsvector instead of recomputing it.
--
-- Until now "Program_fts_idx" indexed the expression to_tsvector('english', "title" || ' ' ||
-- "description"). The index finds the candidate rows, but every matching row then had to
-- compute to_tsvector again, for the recheck and for ts_rank: a broad query (a word in most
-- descriptions) spent almost all of its time there. The stored generated column holds that
-- same value, computed once per insert/update of the row, and the GIN index is built on it.
--
-- Hand-written: Prisma cannot create generated columns. schema.prisma models this one as
-- `searchVector Unsupported("tsvector")? @default(dbgenerated("<expression as PostgreSQL prints
-- it>"))` (its schema engine reads a generation expression as a default) plus
-- `@@index([searchVector], type: Gin)`, and with both `prisma migrate diff --from-migrations
-- prisma/migrations --to-schema prisma/schema.prisma --script` is empty (checked with Prisma
-- 7.10.1 and the offline schema engine on PostgreSQL 18). Prisma Client never reads or writes an
-- Unsupported field, and PostgreSQL refuses writes to a generated column anyway.
--
-- Adding a stored generated column rewrites "Program" under an ACCESS EXCLUSIVE lock: searches
-- and writes of programs wait until the migration commits.

ALTER TABLE "Program"
  ADD COLUMN "searchVector" tsvector
  GENERATED ALWAYS AS (to_tsvector('english', "title" || ' ' || "description")) STORED;

-- fastupdate = off on both GIN indexes search.global reads (here and on "Program_title_idx"):
-- with fastupdate, new rows wait in a pending list that every search scans linearly until the
-- next (auto)vacuum, and the planner prices the indexes by that list. Now that the matching rows
-- no longer cost a to_tsvector each, a pending list after a bulk load (an import, the
-- 10^5-program test) was enough to make it prefer reading the whole table, evaluating the trigram
-- operators on every row (2-3x slower than before). Programs are written rarely and searched
-- often, so index entries are written at once instead.
CREATE INDEX "Program_searchVector_idx" ON "Program" USING GIN ("searchVector") WITH (fastupdate = off);
ALTER INDEX "Program_title_idx" SET (fastupdate = off);

DROP INDEX "Program_fts_idx";
