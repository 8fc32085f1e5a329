-- Candidate (Pet Manager money, Xero money) pairs, by equality blocks:
--   1. the same amount, same or neighbouring 14-day bucket, for money on a contact that could
--      not be resolved; blocks crowded on both sides are left to the other blocks;
--   2. the same customer (the Xero contact is Pet Manager's or its twin), same or next bucket;
--   3. the Xero payment's invoice is Pet Manager's invoice (linked, or its twin).
CREATE OR REPLACE TEMP TABLE "match_money_candidates" AS
WITH "pm" AS (
    SELECT * FROM "match_pm_money"
    WHERE "in_window" AND "live" AND "pm_id" NOT IN (SELECT "pm_id" FROM "match_money_links")
),
"xero" AS (
    SELECT * FROM "match_xero_money"
    WHERE "live" AND "xero_id" NOT IN (SELECT "xero_id" FROM "match_money_links")
),
"shifts" AS (SELECT * FROM (VALUES (-1), (0), (1)) AS t("shift")),
"pm_amount_keys" AS (
    SELECT "pm_id", match_bucket("date") AS "bucket", "cents" FROM "pm"
),
"xero_amount_keys" AS (
    SELECT x."xero_id", match_bucket(x."date") + s."shift" AS "bucket", x."cents"
    FROM "xero" AS x CROSS JOIN "shifts" AS s
),
"amount_blocks" AS (
    SELECT "cents", "bucket"
    FROM (SELECT "cents", "bucket", count(*) AS "n" FROM "pm_amount_keys" GROUP BY ALL) AS p
    JOIN (SELECT "cents", "bucket", count(*) AS "n" FROM "xero_amount_keys" GROUP BY ALL) AS x USING ("cents", "bucket")
    WHERE p."n" * x."n" <= $max_block_pairs
),
"by_amount" AS (
    SELECT p."pm_id", x."xero_id"
    FROM "pm_amount_keys" AS p
    JOIN "amount_blocks" USING ("cents", "bucket")
    JOIN "xero_amount_keys" AS x USING ("cents", "bucket")
),
"by_customer" AS (
    SELECT p."pm_id", x."xero_id"
    FROM "pm" AS p
    JOIN "match_contact_resolved" AS r ON r."customer_id" = p."customer_id"
    JOIN "xero" AS x ON x."contact_id" = r."contact_id"
    CROSS JOIN "shifts" AS s
    WHERE match_bucket(x."date") + s."shift" = match_bucket(p."date")
),
"by_invoice" AS (
    SELECT p."pm_id", x."xero_id"
    FROM "pm" AS p
    JOIN "match_invoice_resolved" AS r ON r."pm_id" = p."invoice_id"
    JOIN "xero" AS x ON x."invoice_id" = r."xero_id"
)
SELECT DISTINCT "pm_id", "xero_id"
FROM (SELECT * FROM "by_amount" UNION ALL SELECT * FROM "by_customer" UNION ALL SELECT * FROM "by_invoice");
