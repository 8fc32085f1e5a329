-- Pet Manager invoices as documents to match (drafts are never synced). `in_window`: the
-- back-sync would send it (by invoice date). Only the organisation's locations ($locations; NULL:
-- every location): a document of another location is never matched against this organisation.
CREATE OR REPLACE TEMP TABLE "match_pm_docs" AS
SELECT i."invoice_id" AS "pm_id", i."invoice_number" AS "number", match_number(i."invoice_number") AS "number_key",
       i."booking_ref", match_number(i."booking_ref") AS "booking_key",
       i."customer_id", i."invoice_date" AS "date", i."status",
       match_cents(i."total") AS "total_cents", match_cents(i."total" - i."tax_total") AS "ex_tax_cents",
       i."invoice_date" >= $start AND (CAST($end AS DATE) IS NULL OR i."invoice_date" <= CAST($end AS DATE)) AS "in_window"
FROM "pm_invoices" AS i
WHERE i."snapshot_id" = $pm_snapshot AND i."status" <> 'draft'
  AND (CAST($locations AS BIGINT[]) IS NULL OR list_contains(CAST($locations AS BIGINT[]), i."location_id"));
