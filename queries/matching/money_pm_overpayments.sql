-- Pet Manager overpayments (account credit) as money to match. `in_window`: by the date paid. Only
-- the organisation's locations ($locations; NULL: every location).
CREATE OR REPLACE TEMP TABLE "match_pm_money" AS
SELECT "overpayment_id" AS "pm_id", "customer_id", CAST(NULL AS BIGINT) AS "invoice_id", "payment_date" AS "date",
       match_cents("amount") AS "cents", "method", "reference", true AS "live",
       "payment_date" >= $start AND (CAST($end AS DATE) IS NULL OR "payment_date" <= CAST($end AS DATE)) AS "in_window"
FROM "pm_overpayments"
WHERE "snapshot_id" = $pm_snapshot
  AND (CAST($locations AS BIGINT[]) IS NULL OR list_contains(CAST($locations AS BIGINT[]), "location_id"));
