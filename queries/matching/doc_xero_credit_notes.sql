-- Xero sales credit notes (ACCRECCREDIT) as documents to match; as for invoices.
CREATE OR REPLACE TEMP TABLE "match_xero_docs" AS
SELECT "credit_note_id" AS "xero_id", "credit_note_number" AS "number", "reference", "contact_id", "contact_name",
       "date", "status", match_cents("total") AS "total_cents", match_cents("sub_total") AS "sub_total_cents",
       match_numbers_in("reference") AS "ref_numbers", match_numbers_in("credit_note_number") AS "number_numbers",
       "status" NOT IN ('VOIDED', 'DELETED') AS "live"
FROM "xero_credit_notes"
WHERE "snapshot_id" = $xero_snapshot AND "tenant_id" = $tenant_id AND "type" = 'ACCRECCREDIT';
