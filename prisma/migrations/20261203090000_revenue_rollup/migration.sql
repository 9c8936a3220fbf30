-- Revenue rollups (docs/analytics.md): per UTC day of Order."paidAt" and currency (and by order
-- item kind), the paid orders, gross and succeeded refunds of that day's paid orders, so the admin
-- dashboard and revenue analytics read a few hundred rows instead of every order.
--
-- They are kept by triggers on "Order", "OrderItem" and "Refund", in the transaction of the change
-- (settling an order, a refund turning succeeded, an admin edit, the seed): no writer can forget
-- them. Every change is an INSERT ... ON CONFLICT DO UPDATE SET x = x + EXCLUDED.x, never a read
-- followed by a write, so concurrent settlements of the same day all count.

-- CreateTable
CREATE TABLE "RevenueDaily" (
    "day" DATE NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "paidOrders" INTEGER NOT NULL DEFAULT 0,
    "gross" BIGINT NOT NULL DEFAULT 0,
    "refunds" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "RevenueDaily_pkey" PRIMARY KEY ("day","currency")
);

-- CreateTable
CREATE TABLE "RevenueDailyByKind" (
    "day" DATE NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "kind" "OrderItemKind" NOT NULL,
    "paidOrders" INTEGER NOT NULL DEFAULT 0,
    "gross" BIGINT NOT NULL DEFAULT 0,
    "refunds" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "RevenueDailyByKind_pkey" PRIMARY KEY ("day","currency","kind")
);

-- An item's share of an amount of its order (its total, or what was refunded), rounded per item:
-- the expression the revenue-by-kind figures have always used.
CREATE FUNCTION revenue_item_share(unit_amount integer, quantity integer, amount bigint, subtotal integer)
RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
  SELECT round(unit_amount * quantity * CASE WHEN subtotal > 0 THEN amount::numeric / subtotal ELSE 0 END)::bigint
$$;

-- The succeeded refunds of an order, over all its payments.
CREATE FUNCTION revenue_order_refunded(order_id uuid)
RETURNS bigint LANGUAGE sql AS $$
  SELECT COALESCE(sum(r.amount), 0)::bigint FROM "Refund" r JOIN "Payment" p ON p.id = r."paymentId"
  WHERE p."orderId" = order_id AND r.status = 'succeeded'
$$;

CREATE FUNCTION revenue_daily_add(p_day date, p_currency char(3), p_orders integer, p_gross bigint, p_refunds bigint)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO "RevenueDaily" AS t (day, currency, "paidOrders", gross, refunds)
  SELECT p_day, p_currency, p_orders, p_gross, p_refunds WHERE p_orders <> 0 OR p_gross <> 0 OR p_refunds <> 0
  ON CONFLICT (day, currency) DO UPDATE SET "paidOrders" = t."paidOrders" + EXCLUDED."paidOrders",
    gross = t.gross + EXCLUDED.gross, refunds = t.refunds + EXCLUDED.refunds
$$;

CREATE FUNCTION revenue_daily_kind_add(
  p_day date, p_currency char(3), p_kind "OrderItemKind", p_orders integer, p_gross bigint, p_refunds bigint)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO "RevenueDailyByKind" AS t (day, currency, kind, "paidOrders", gross, refunds)
  SELECT p_day, p_currency, p_kind, p_orders, p_gross, p_refunds WHERE p_orders <> 0 OR p_gross <> 0 OR p_refunds <> 0
  ON CONFLICT (day, currency, kind) DO UPDATE SET "paidOrders" = t."paidOrders" + EXCLUDED."paidOrders",
    gross = t.gross + EXCLUDED.gross, refunds = t.refunds + EXCLUDED.refunds
$$;

-- Adds (sign 1) or takes away (sign -1) what one order, with these values, gives the rollups,
-- with its items and refunds as they are now.
CREATE FUNCTION revenue_rollup_order(
  p_order uuid, p_sign integer, p_paid timestamptz, p_currency char(3), p_subtotal integer, p_total integer)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  d date := (p_paid AT TIME ZONE 'UTC')::date;
  refunded bigint;
  k record;
BEGIN
  IF p_paid IS NULL THEN RETURN; END IF;
  refunded := revenue_order_refunded(p_order);
  PERFORM revenue_daily_add(d, p_currency, p_sign, p_sign * p_total::bigint, p_sign * refunded);
  FOR k IN
    SELECT kind, sum(revenue_item_share("unitAmount", quantity, p_total, p_subtotal))::bigint AS gross,
      sum(revenue_item_share("unitAmount", quantity, refunded, p_subtotal))::bigint AS refunds
    FROM "OrderItem" WHERE "orderId" = p_order GROUP BY kind
  LOOP
    PERFORM revenue_daily_kind_add(d, p_currency, k.kind, p_sign, p_sign * k.gross, p_sign * k.refunds);
  END LOOP;
END $$;

-- An order's succeeded refunds changed by p_delta (already written): the rollups of its paid day.
-- The by-kind refunds are rounded per item of the order's whole refunded amount, so they move by
-- the difference of the two roundings; the order's row is locked so that two refunds of one order
-- committing side by side each see the other.
CREATE FUNCTION revenue_rollup_refunded(p_order uuid, p_delta bigint)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  o record;
  d date;
  after_ bigint;
  before_ bigint;
  k record;
BEGIN
  IF p_delta = 0 THEN RETURN; END IF;
  SELECT id, "paidAt", currency, subtotal INTO o FROM "Order" WHERE id = p_order FOR NO KEY UPDATE;
  IF NOT FOUND OR o."paidAt" IS NULL THEN RETURN; END IF;
  d := (o."paidAt" AT TIME ZONE 'UTC')::date;
  after_ := revenue_order_refunded(p_order);
  before_ := after_ - p_delta;
  PERFORM revenue_daily_add(d, o.currency, 0, 0, p_delta);
  FOR k IN
    SELECT kind, (sum(revenue_item_share("unitAmount", quantity, after_, o.subtotal))
      - sum(revenue_item_share("unitAmount", quantity, before_, o.subtotal)))::bigint AS refunds
    FROM "OrderItem" WHERE "orderId" = p_order GROUP BY kind
  LOOP
    PERFORM revenue_daily_kind_add(d, o.currency, k.kind, 0, 0, k.refunds);
  END LOOP;
END $$;

CREATE FUNCTION revenue_rollup_order_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM revenue_rollup_order(OLD.id, -1, OLD."paidAt", OLD.currency, OLD.subtotal, OLD.total);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM revenue_rollup_order(NEW.id, 1, NEW."paidAt", NEW.currency, NEW.subtotal, NEW.total);
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER revenue_rollup_order_insert AFTER INSERT ON "Order"
  FOR EACH ROW WHEN (NEW."paidAt" IS NOT NULL) EXECUTE FUNCTION revenue_rollup_order_trigger();
CREATE TRIGGER revenue_rollup_order_update AFTER UPDATE OF "paidAt", currency, subtotal, total ON "Order"
  FOR EACH ROW WHEN (OLD."paidAt" IS DISTINCT FROM NEW."paidAt" OR OLD.currency IS DISTINCT FROM NEW.currency
    OR OLD.subtotal IS DISTINCT FROM NEW.subtotal OR OLD.total IS DISTINCT FROM NEW.total)
  EXECUTE FUNCTION revenue_rollup_order_trigger();
-- Before: the order's items are still there (they go with it, by cascade).
CREATE TRIGGER revenue_rollup_order_delete BEFORE DELETE ON "Order"
  FOR EACH ROW WHEN (OLD."paidAt" IS NOT NULL) EXECUTE FUNCTION revenue_rollup_order_trigger();

-- Items of paid orders added, changed or removed: their shares, and whether each order now has
-- (or no longer has) an item of that kind. Per statement, over its transition tables, because a
-- statement writing several items of one order (an order created with its items) shows all of
-- them to each row's trigger: only the statement knows what was there before.
CREATE FUNCTION revenue_rollup_items(old_items "OrderItem"[], new_items "OrderItem"[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  k record;
BEGIN
  FOR k IN
    WITH changed AS (
      SELECT "orderId", kind, -1 AS sign, "unitAmount", quantity FROM unnest(old_items)
      UNION ALL SELECT "orderId", kind, 1, "unitAmount", quantity FROM unnest(new_items)),
    pairs AS (
      SELECT c."orderId" AS order_id, c.kind, o."paidAt" AS paid_at, o.currency,
        sum(c.sign * revenue_item_share(c."unitAmount", c.quantity, o.total, o.subtotal))::bigint AS gross,
        sum(c.sign * revenue_item_share(c."unitAmount", c.quantity, revenue_order_refunded(o.id), o.subtotal))::bigint
          AS refunds
      FROM changed c JOIN "Order" o ON o.id = c."orderId"
      WHERE o."paidAt" IS NOT NULL
      GROUP BY c."orderId", c.kind, o."paidAt", o.currency)
    SELECT p.*,
      (EXISTS (SELECT 1 FROM "OrderItem" i WHERE i."orderId" = p.order_id AND i.kind = p.kind))::integer
      - (EXISTS (SELECT 1 FROM "OrderItem" i WHERE i."orderId" = p.order_id AND i.kind = p.kind
            AND i.id <> ALL (SELECT n.id FROM unnest(new_items) n))
          OR EXISTS (SELECT 1 FROM unnest(old_items) x WHERE x."orderId" = p.order_id AND x.kind = p.kind))::integer
        AS orders
    FROM pairs p
  LOOP
    PERFORM revenue_daily_kind_add((k.paid_at AT TIME ZONE 'UTC')::date, k.currency, k.kind, k.orders, k.gross,
      k.refunds);
  END LOOP;
END $$;

CREATE FUNCTION revenue_rollup_items_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM revenue_rollup_items('{}'::"OrderItem"[], (SELECT array_agg(n::"OrderItem") FROM new_items n));
  RETURN NULL;
END $$;
CREATE FUNCTION revenue_rollup_items_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM revenue_rollup_items((SELECT array_agg(o::"OrderItem") FROM old_items o),
    (SELECT array_agg(n::"OrderItem") FROM new_items n));
  RETURN NULL;
END $$;
CREATE FUNCTION revenue_rollup_items_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM revenue_rollup_items((SELECT array_agg(o::"OrderItem") FROM old_items o), '{}'::"OrderItem"[]);
  RETURN NULL;
END $$;

CREATE TRIGGER revenue_rollup_items_insert AFTER INSERT ON "OrderItem" REFERENCING NEW TABLE AS new_items
  FOR EACH STATEMENT EXECUTE FUNCTION revenue_rollup_items_inserted();
CREATE TRIGGER revenue_rollup_items_update AFTER UPDATE ON "OrderItem"
  REFERENCING OLD TABLE AS old_items NEW TABLE AS new_items
  FOR EACH STATEMENT EXECUTE FUNCTION revenue_rollup_items_updated();
CREATE TRIGGER revenue_rollup_items_delete AFTER DELETE ON "OrderItem" REFERENCING OLD TABLE AS old_items
  FOR EACH STATEMENT EXECUTE FUNCTION revenue_rollup_items_deleted();

-- Refunds that are, or are no longer, succeeded (or whose amount changed): their orders' refunds,
-- by the net change per order of the statement (several refunds of one order may change at once),
-- orders taken in id order so that concurrent statements lock them in the same order.
CREATE FUNCTION revenue_rollup_refunds(old_refunds "Refund"[], new_refunds "Refund"[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  c record;
BEGIN
  FOR c IN
    SELECT p."orderId" AS order_id, sum(x.delta)::bigint AS delta
    FROM (
      SELECT "paymentId", -amount::bigint AS delta FROM unnest(old_refunds) WHERE status = 'succeeded'
      UNION ALL SELECT "paymentId", amount::bigint FROM unnest(new_refunds) WHERE status = 'succeeded') x
    JOIN "Payment" p ON p.id = x."paymentId"
    GROUP BY p."orderId" ORDER BY p."orderId"
  LOOP
    PERFORM revenue_rollup_refunded(c.order_id, c.delta);
  END LOOP;
END $$;

CREATE FUNCTION revenue_rollup_refunds_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM revenue_rollup_refunds('{}'::"Refund"[], (SELECT array_agg(n::"Refund") FROM new_refunds n));
  RETURN NULL;
END $$;
CREATE FUNCTION revenue_rollup_refunds_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM revenue_rollup_refunds((SELECT array_agg(o::"Refund") FROM old_refunds o),
    (SELECT array_agg(n::"Refund") FROM new_refunds n));
  RETURN NULL;
END $$;
CREATE FUNCTION revenue_rollup_refunds_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM revenue_rollup_refunds((SELECT array_agg(o::"Refund") FROM old_refunds o), '{}'::"Refund"[]);
  RETURN NULL;
END $$;

CREATE TRIGGER revenue_rollup_refunds_insert AFTER INSERT ON "Refund" REFERENCING NEW TABLE AS new_refunds
  FOR EACH STATEMENT EXECUTE FUNCTION revenue_rollup_refunds_inserted();
CREATE TRIGGER revenue_rollup_refunds_update AFTER UPDATE ON "Refund"
  REFERENCING OLD TABLE AS old_refunds NEW TABLE AS new_refunds
  FOR EACH STATEMENT EXECUTE FUNCTION revenue_rollup_refunds_updated();
CREATE TRIGGER revenue_rollup_refunds_delete AFTER DELETE ON "Refund" REFERENCING OLD TABLE AS old_refunds
  FOR EACH STATEMENT EXECUTE FUNCTION revenue_rollup_refunds_deleted();

-- The rollups recomputed from the rows, set-based: the backfill below, and after a bulk load made
-- with the triggers disabled (the benchmark's generator).
CREATE FUNCTION revenue_rollup_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM "RevenueDaily";
  DELETE FROM "RevenueDailyByKind";
  WITH refunded AS (
    SELECT p."orderId" AS id, sum(r.amount)::bigint AS amount FROM "Refund" r JOIN "Payment" p ON p.id = r."paymentId"
    WHERE r.status = 'succeeded' GROUP BY p."orderId")
  INSERT INTO "RevenueDaily" (day, currency, "paidOrders", gross, refunds)
  SELECT (o."paidAt" AT TIME ZONE 'UTC')::date, o.currency, count(*)::integer, sum(o.total)::bigint,
    COALESCE(sum(f.amount), 0)::bigint
  FROM "Order" o LEFT JOIN refunded f ON f.id = o.id WHERE o."paidAt" IS NOT NULL GROUP BY 1, 2;
  WITH refunded AS (
    SELECT p."orderId" AS id, sum(r.amount)::bigint AS amount FROM "Refund" r JOIN "Payment" p ON p.id = r."paymentId"
    WHERE r.status = 'succeeded' GROUP BY p."orderId")
  INSERT INTO "RevenueDailyByKind" (day, currency, kind, "paidOrders", gross, refunds)
  SELECT (o."paidAt" AT TIME ZONE 'UTC')::date, o.currency, oi.kind, count(DISTINCT o.id)::integer,
    sum(revenue_item_share(oi."unitAmount", oi.quantity, o.total, o.subtotal))::bigint,
    sum(revenue_item_share(oi."unitAmount", oi.quantity, COALESCE(f.amount, 0), o.subtotal))::bigint
  FROM "Order" o JOIN "OrderItem" oi ON oi."orderId" = o.id LEFT JOIN refunded f ON f.id = o.id
  WHERE o."paidAt" IS NOT NULL GROUP BY 1, 2, 3;
$$;

-- Backfill from the rows there are; writes wait meanwhile, so none falls between the triggers and
-- the backfill.
LOCK TABLE "Order", "OrderItem", "Payment", "Refund" IN SHARE ROW EXCLUSIVE MODE;
SELECT revenue_rollup_rebuild();
