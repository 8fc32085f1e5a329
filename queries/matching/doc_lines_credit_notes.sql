-- The line amounts (in cents, sorted) of the credit notes in candidate pairs, on both sides. Lines
-- only tell something when Pet Manager's credit note has two or more: only those, and their
-- candidates in Xero.
CREATE OR REPLACE TEMP TABLE "match_doc_lines" AS
WITH "lines" AS (
    SELECT "credit_note_id", "line_amount", count(*) OVER (PARTITION BY "credit_note_id") AS "lines"
    FROM "pm_credit_note_lines"
    WHERE "snapshot_id" = $pm_snapshot AND "credit_note_id" IN (SELECT "pm_id" FROM "match_doc_candidates")
),
"pm" AS (
    SELECT "credit_note_id", list(match_cents("line_amount") ORDER BY "line_amount") AS "line_cents"
    FROM "lines"
    WHERE "lines" >= 2
    GROUP BY "credit_note_id"
)
SELECT 'pm' AS "side", CAST("credit_note_id" AS VARCHAR) AS "id", "line_cents"
FROM "pm"
UNION ALL
SELECT 'xero', "credit_note_id", list(match_cents("line_amount") ORDER BY "line_amount")
FROM "xero_credit_note_lines"
WHERE "snapshot_id" = $xero_snapshot AND "tenant_id" = $tenant_id
  AND "credit_note_id" IN (SELECT "xero_id" FROM "match_doc_candidates" WHERE "pm_id" IN (SELECT "credit_note_id" FROM "pm"))
GROUP BY "credit_note_id";
