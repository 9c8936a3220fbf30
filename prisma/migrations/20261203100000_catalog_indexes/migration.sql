-- The public catalog's sorts as indexes (findPrograms): one per sort, in the sort's exact order
-- (each ends on id, as the queries do), over the rows the catalog lists (published, not deleted).
-- A page then reads `limit` entries of one index instead of sorting every published program, and
-- counting the catalog reads the smallest of them (index-only once the visibility map is set).
--
-- Partial and expression indexes are not declared in schema.prisma: Prisma 7.10's schema engine
-- keeps indexes it cannot express when the `partialIndexes` preview feature is off, so
-- `prisma migrate diff` stays empty (see the header of schema.prisma; checked by
-- packages/db/src/schema-drift.int.test.ts).

CREATE INDEX "Program_catalog_popular_idx" ON "Program" ("enrolledCount" DESC, "createdAt" DESC, "id" DESC)
  WHERE "status" = 'published' AND "deletedAt" IS NULL;

CREATE INDEX "Program_catalog_newest_idx" ON "Program" ("createdAt" DESC, "id" DESC)
  WHERE "status" = 'published' AND "deletedAt" IS NULL;

CREATE INDEX "Program_catalog_price_low_idx" ON "Program" ("priceBundle" ASC, "createdAt" DESC, "id" DESC)
  WHERE "status" = 'published' AND "deletedAt" IS NULL;

CREATE INDEX "Program_catalog_price_high_idx" ON "Program" ("priceBundle" DESC, "createdAt" DESC, "id" DESC)
  WHERE "status" = 'published' AND "deletedAt" IS NULL;

-- The rating sort's key is an expression (the average, 0 without reviews): the index stores it.
CREATE INDEX "Program_catalog_rating_idx" ON "Program" (
  (CASE WHEN "reviewCount" = 0 THEN 0 ELSE "ratingTotal"::numeric / "reviewCount" END) DESC,
  "reviewCount" DESC, "id" DESC
) WHERE "status" = 'published' AND "deletedAt" IS NULL;

-- A category page (the category and its sub-categories), newest first.
CREATE INDEX "Program_catalog_category_idx" ON "Program" ("categoryId", "createdAt" DESC, "id" DESC)
  WHERE "status" = 'published' AND "deletedAt" IS NULL;
