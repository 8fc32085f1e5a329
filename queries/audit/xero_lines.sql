-- The lines of the Xero documents the totals count, signed like Pet Manager's. Xero's rounding
-- line (on the mapped rounding account) is left out: it exists to make Xero's total Pet Manager's.
CREATE OR REPLACE TEMP TABLE "audit_xero_lines" AS
WITH "lines" AS (
    SELECT 'invoice' AS "kind", "invoice_id" AS "xero_id", "account_code", "tax_type", "line_amount"
    FROM "xero_invoice_lines" WHERE "snapshot_id" = $xero_snapshot AND "tenant_id" = $tenant_id
    UNION ALL
    SELECT 'credit_note', "credit_note_id", "account_code", "tax_type", "line_amount"
    FROM "xero_credit_note_lines" WHERE "snapshot_id" = $xero_snapshot AND "tenant_id" = $tenant_id
)
SELECT l."kind", l."xero_id", coalesce(l."account_code", 'no account') AS "account",
       coalesce(l."tax_type", 'no tax type') AS "tax_type",
       CASE l."kind" WHEN 'invoice' THEN l."line_amount" ELSE -l."line_amount" END AS "amount"
FROM "lines" AS l
SEMI JOIN "audit_xero_scope" AS x ON x."kind" = l."kind" AND x."xero_id" = l."xero_id"
WHERE coalesce(l."account_code", '') <> coalesce($rounding_account, '');
