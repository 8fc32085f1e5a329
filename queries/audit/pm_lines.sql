-- The lines of Pet Manager's live documents of the period with the Xero account and tax type
-- Step 2 maps them to (`audit_mapping`: role, code, value), signed: credit notes count negative.
CREATE OR REPLACE TEMP TABLE "audit_pm_lines" AS
WITH "lines" AS (
    SELECT 'invoice' AS "kind", "invoice_id" AS "pm_id", "item_code", "area_type", "tax_code", "line_amount"
    FROM "pm_invoice_lines" WHERE "snapshot_id" = $pm_snapshot
    UNION ALL
    SELECT 'credit_note', "credit_note_id", "item_code", "area_type", "tax_code", "line_amount"
    FROM "pm_credit_note_lines" WHERE "snapshot_id" = $pm_snapshot
)
SELECT l."kind", l."pm_id",
       coalesce(mi."value", ma."value", 'unmapped item ' || l."item_code") AS "account",
       coalesce(mt."value", 'unmapped tax code ' || l."tax_code") AS "tax_type",
       CASE l."kind" WHEN 'invoice' THEN l."line_amount" ELSE -l."line_amount" END AS "amount"
FROM "lines" AS l
SEMI JOIN "audit_pm" AS p ON p."kind" = l."kind" AND p."pm_id" = l."pm_id" AND p."live" AND p."in_period"
LEFT JOIN "audit_mapping" AS mi ON mi."role" = 'item' AND mi."code" = l."item_code"
LEFT JOIN "audit_mapping" AS ma ON ma."role" = 'area_type' AND ma."code" = l."area_type"
LEFT JOIN "audit_mapping" AS mt ON mt."role" = 'tax' AND mt."code" = l."tax_code";
