-- Invoices and credit notes the sync would push that are already in Xero (same number, contact
-- and total: a link, so the sync leaves them) but VOIDED there while live in Pet Manager: Xero
-- would hold none of that document's money, and takes no payment or allocation against it.
WITH "invoices" AS (
    SELECT 'invoice' AS "document_kind", p."invoice_id" AS "document_id", p."invoice_number" AS "document_number",
           p."invoice_date" AS "document_date", p."status", p."total", x."invoice_id" AS "xero_id",
           x."invoice_number" AS "xero_number"
    FROM "pm_invoices" AS p
    JOIN "xero_invoices" AS x
      ON x."snapshot_id" = $xero_snapshot AND x."tenant_id" = $tenant_id
     AND lower(x."invoice_number") = lower($invoice_prefix || p."invoice_number")
    JOIN "xero_contacts" AS c
      ON c."snapshot_id" = x."snapshot_id" AND c."tenant_id" = x."tenant_id" AND c."contact_id" = x."contact_id"
    WHERE p."snapshot_id" = $pm_snapshot AND p."status" IN ('issued', 'paid')
      AND list_contains($locations, p."location_id") AND p."invoice_date" BETWEEN $start AND $end
      AND x."type" = 'ACCREC' AND x."status" = 'VOIDED'
      AND c."contact_number" = CAST(p."customer_id" AS VARCHAR) AND x."total" = p."total"
), "credit_notes" AS (
    SELECT 'credit_note', p."credit_note_id", p."credit_note_number", p."credit_date", p."status", p."total",
           x."credit_note_id", x."credit_note_number"
    FROM "pm_credit_notes" AS p
    JOIN "xero_credit_notes" AS x
      ON x."snapshot_id" = $xero_snapshot AND x."tenant_id" = $tenant_id
     AND lower(x."credit_note_number") = lower($credit_note_prefix || p."credit_note_number")
    JOIN "xero_contacts" AS c
      ON c."snapshot_id" = x."snapshot_id" AND c."tenant_id" = x."tenant_id" AND c."contact_id" = x."contact_id"
    WHERE p."snapshot_id" = $pm_snapshot AND p."status" = 'issued'
      AND list_contains($locations, p."location_id") AND p."credit_date" BETWEEN $start AND $end
      AND x."type" = 'ACCRECCREDIT' AND x."status" = 'VOIDED'
      AND c."contact_number" = CAST(p."customer_id" AS VARCHAR) AND x."total" = p."total"
)
SELECT * FROM "invoices"
UNION ALL
SELECT * FROM "credit_notes"
ORDER BY "document_date", "document_kind", "document_id";
