-- Candidate (Pet Manager document, Xero document) pairs, by equality blocks, never all pairs:
--   1. the same total, in the same or a neighbouring 14-day bucket, for twins typed on a contact
--      that could not be resolved (a cent off or ex-tax needs the customer); blocks crowded on
--      both sides (a $52.00 daycare day) are skipped here and left to the customer block;
--   2. the same customer (the Xero contact is Pet Manager's or its twin), same or next bucket;
--   3. Pet Manager's number or booking reference among the digits of Xero's Reference or number.
-- Only documents the back-sync would send and live Xero documents no one has linked.
CREATE OR REPLACE TEMP TABLE "match_doc_candidates" AS
WITH "pm" AS (
    SELECT * FROM "match_pm_docs"
    WHERE "in_window" AND "status" <> 'void' AND "pm_id" NOT IN (SELECT "pm_id" FROM "match_doc_links")
),
"xero" AS (
    SELECT * FROM "match_xero_docs"
    WHERE "live" AND "xero_id" NOT IN (SELECT "xero_id" FROM "match_doc_links")
),
"shifts" AS (SELECT * FROM (VALUES (-1), (0), (1)) AS t("shift")),
"pm_amount_keys" AS (
    SELECT "pm_id", match_bucket("date") AS "bucket", "total_cents" AS "cents" FROM "pm"
),
"xero_amount_keys" AS (
    SELECT x."xero_id", match_bucket(x."date") + s."shift" AS "bucket", x."total_cents" AS "cents"
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
"xero_customers" AS (
    SELECT x."xero_id", r."customer_id", match_bucket(x."date") + s."shift" AS "bucket"
    FROM "xero" AS x
    JOIN "match_contact_resolved" AS r USING ("contact_id")
    CROSS JOIN "shifts" AS s
),
"by_customer" AS (
    SELECT p."pm_id", c."xero_id"
    FROM "pm" AS p
    JOIN "xero_customers" AS c ON c."customer_id" = p."customer_id" AND c."bucket" = match_bucket(p."date")
),
"xero_numbers" AS MATERIALIZED (
    SELECT "xero_id", unnest("ref_numbers") AS "key" FROM "xero" WHERE len("ref_numbers") > 0
    UNION ALL
    SELECT "xero_id", unnest("number_numbers") FROM "xero" WHERE len("number_numbers") > 0
),
"pm_numbers" AS (
    SELECT "pm_id", "number_key" AS "key" FROM "pm" WHERE "number_key" IS NOT NULL
    UNION ALL
    SELECT "pm_id", "booking_key" FROM "pm" WHERE "booking_key" IS NOT NULL
),
"by_number" AS (
    SELECT p."pm_id", n."xero_id" FROM "pm_numbers" AS p JOIN "xero_numbers" AS n USING ("key")
)
SELECT DISTINCT "pm_id", "xero_id"
FROM (SELECT * FROM "by_amount" UNION ALL SELECT * FROM "by_customer" UNION ALL SELECT * FROM "by_number");
