-- The line amounts (in cents, sorted) of the invoices in candidate pairs, on both sides. Lines
-- only tell something when Pet Manager's invoice has two or more: only those, and their
-- candidates in Xero.
CREATE OR REPLACE TEMP TABLE "match_doc_lines" AS
WITH "lines" AS (
    SELECT "invoice_id", "line_amount", count(*) OVER (PARTITION BY "invoice_id") AS "lines"
    FROM "pm_invoice_lines"
    WHERE "snapshot_id" = $pm_snapshot AND "invoice_id" IN (SELECT "pm_id" FROM "match_doc_candidates")
),
"pm" AS (
    SELECT "invoice_id", list(match_cents("line_amount") ORDER BY "line_amount") AS "line_cents"
    FROM "lines"
    WHERE "lines" >= 2
    GROUP BY "invoice_id"
)
SELECT 'pm' AS "side", CAST("invoice_id" AS VARCHAR) AS "id", "line_cents"
FROM "pm"
UNION ALL
SELECT 'xero', "invoice_id", list(match_cents("line_amount") ORDER BY "line_amount")
FROM "xero_invoice_lines"
WHERE "snapshot_id" = $xero_snapshot AND "tenant_id" = $tenant_id
  AND "invoice_id" IN (SELECT "xero_id" FROM "match_doc_candidates" WHERE "pm_id" IN (SELECT "invoice_id" FROM "pm"))
GROUP BY "invoice_id";
