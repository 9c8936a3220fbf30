-- Daily row counts for the admin dashboard (docs/analytics.md): how many orders were created
-- (Order."createdAt") and enrollments made (Enrollment."enrolledAt") on each UTC day, so its
-- all-time and monthly totals read a few hundred rows instead of counting millions.
--
-- Kept per statement (transition tables: a bulk insert is one grouped upsert) in the transaction
-- of the change, adding with INSERT ... ON CONFLICT DO UPDATE SET count = count + EXCLUDED.count.

-- CreateTable
CREATE TABLE "DailyCount" (
    "subject" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DailyCount_pkey" PRIMARY KEY ("subject","day")
);

-- Rows at these times removed and added: the days' counts (days in order, so that concurrent
-- statements take the rows' locks in the same order).
CREATE FUNCTION daily_count_apply(p_subject text, removed timestamptz[], added timestamptz[])
RETURNS void LANGUAGE sql AS $$
  INSERT INTO "DailyCount" AS t (subject, day, count)
  SELECT p_subject, d, sum(c)::integer FROM (
    SELECT (x AT TIME ZONE 'UTC')::date AS d, -1 AS c FROM unnest(removed) x
    UNION ALL SELECT (x AT TIME ZONE 'UTC')::date, 1 FROM unnest(added) x) y
  GROUP BY d HAVING sum(c) <> 0 ORDER BY d
  ON CONFLICT (subject, day) DO UPDATE SET count = t.count + EXCLUDED.count
$$;

CREATE FUNCTION daily_count_orders() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM daily_count_apply('orders', '{}', (SELECT array_agg("createdAt") FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM daily_count_apply('orders', (SELECT array_agg(o."createdAt") FROM old_rows o
        JOIN new_rows n ON n.id = o.id WHERE n."createdAt" IS DISTINCT FROM o."createdAt"),
      (SELECT array_agg(n."createdAt") FROM old_rows o
        JOIN new_rows n ON n.id = o.id WHERE n."createdAt" IS DISTINCT FROM o."createdAt"));
  ELSE
    PERFORM daily_count_apply('orders', (SELECT array_agg("createdAt") FROM old_rows), '{}');
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION daily_count_enrollments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM daily_count_apply('enrollments', '{}', (SELECT array_agg("enrolledAt") FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM daily_count_apply('enrollments', (SELECT array_agg(o."enrolledAt") FROM old_rows o
        JOIN new_rows n ON n.id = o.id WHERE n."enrolledAt" IS DISTINCT FROM o."enrolledAt"),
      (SELECT array_agg(n."enrolledAt") FROM old_rows o
        JOIN new_rows n ON n.id = o.id WHERE n."enrolledAt" IS DISTINCT FROM o."enrolledAt"));
  ELSE
    PERFORM daily_count_apply('enrollments', (SELECT array_agg("enrolledAt") FROM old_rows), '{}');
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER daily_count_orders_insert AFTER INSERT ON "Order" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION daily_count_orders();
CREATE TRIGGER daily_count_orders_update AFTER UPDATE ON "Order" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION daily_count_orders();
CREATE TRIGGER daily_count_orders_delete AFTER DELETE ON "Order" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION daily_count_orders();
CREATE TRIGGER daily_count_enrollments_insert AFTER INSERT ON "Enrollment" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION daily_count_enrollments();
CREATE TRIGGER daily_count_enrollments_update AFTER UPDATE ON "Enrollment"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION daily_count_enrollments();
CREATE TRIGGER daily_count_enrollments_delete AFTER DELETE ON "Enrollment" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION daily_count_enrollments();

-- Backfill from the rows there are; writes wait meanwhile, so none falls between the triggers and
-- the backfill.
LOCK TABLE "Order", "Enrollment" IN SHARE ROW EXCLUSIVE MODE;
INSERT INTO "DailyCount" (subject, day, count)
SELECT 'orders', ("createdAt" AT TIME ZONE 'UTC')::date, count(*)::integer FROM "Order" GROUP BY 2;
INSERT INTO "DailyCount" (subject, day, count)
SELECT 'enrollments', ("enrolledAt" AT TIME ZONE 'UTC')::date, count(*)::integer FROM "Enrollment" GROUP BY 2;
