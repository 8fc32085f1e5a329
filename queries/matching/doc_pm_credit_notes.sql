-- Pet Manager credit notes as documents to match. `in_window`: by credit date. Only the
-- organisation's locations ($locations; NULL: every location).
CREATE OR REPLACE TEMP TABLE "match_pm_docs" AS
SELECT c."credit_note_id" AS "pm_id", c."credit_note_number" AS "number", match_number(c."credit_note_number") AS "number_key",
       CAST(NULL AS VARCHAR) AS "booking_ref", CAST(NULL AS VARCHAR) AS "booking_key",
       c."customer_id", c."credit_date" AS "date", c."status",
       match_cents(c."total") AS "total_cents", match_cents(c."total" - c."tax_total") AS "ex_tax_cents",
       c."credit_date" >= $start AND (CAST($end AS DATE) IS NULL OR c."credit_date" <= CAST($end AS DATE)) AS "in_window"
FROM "pm_credit_notes" AS c
WHERE c."snapshot_id" = $pm_snapshot
  AND (CAST($locations AS BIGINT[]) IS NULL OR list_contains(CAST($locations AS BIGINT[]), c."location_id"));
