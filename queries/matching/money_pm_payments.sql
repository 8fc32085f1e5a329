-- Pet Manager payments as money to match. `in_window`: by the date paid. Only the organisation's
-- locations ($locations; NULL: every location).
CREATE OR REPLACE TEMP TABLE "match_pm_money" AS
SELECT "payment_id" AS "pm_id", "customer_id", "invoice_id", "payment_date" AS "date", match_cents("amount") AS "cents",
       "method", "reference", "status" = 'completed' AS "live",
       "payment_date" >= $start AND (CAST($end AS DATE) IS NULL OR "payment_date" <= CAST($end AS DATE)) AS "in_window"
FROM "pm_payments"
WHERE "snapshot_id" = $pm_snapshot
  AND (CAST($locations AS BIGINT[]) IS NULL OR list_contains(CAST($locations AS BIGINT[]), "location_id"));
