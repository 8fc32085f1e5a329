-- Xero sales invoices (ACCREC; bills are not sales) as documents to match. Voided and deleted
-- ones stay here because a voided invoice still holds its number (a link), but they are never
-- live duplicates. `ref_numbers`: digit runs in Reference; `number_numbers`: in InvoiceNumber.
CREATE OR REPLACE TEMP TABLE "match_xero_docs" AS
SELECT "invoice_id" AS "xero_id", "invoice_number" AS "number", "reference", "contact_id", "contact_name",
       "date", "status", match_cents("total") AS "total_cents", match_cents("sub_total") AS "sub_total_cents",
       match_numbers_in("reference") AS "ref_numbers", match_numbers_in("invoice_number") AS "number_numbers",
       "status" NOT IN ('VOIDED', 'DELETED') AS "live"
FROM "xero_invoices"
WHERE "snapshot_id" = $xero_snapshot AND "tenant_id" = $tenant_id AND "type" = 'ACCREC';
