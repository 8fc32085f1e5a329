-- What is still open on each live document of Xero snapshot $xero_snapshot: due on a sales invoice,
-- credit left on a credit note or an overpayment. A payment, allocation or refund the plan puts on
-- a document Xero already holds may not exceed it (Xero refuses it), and an allocation must stay
-- within one contact.
SELECT "invoice_id" AS "xero_id", 'invoice ' || "invoice_number" AS "label", "amount_due" AS "open", 'due' AS "what",
       "contact_id", "contact_name"
FROM "xero_invoices"
WHERE "snapshot_id" = $xero_snapshot AND "tenant_id" = $tenant_id AND "type" = 'ACCREC'
  AND "status" IN ('AUTHORISED', 'SUBMITTED', 'DRAFT', 'PAID')
UNION ALL
SELECT "credit_note_id", 'credit note ' || "credit_note_number", "remaining_credit", 'credit left', "contact_id",
       "contact_name"
FROM "xero_credit_notes"
WHERE "snapshot_id" = $xero_snapshot AND "tenant_id" = $tenant_id AND "type" = 'ACCRECCREDIT'
  AND "status" IN ('AUTHORISED', 'SUBMITTED', 'DRAFT', 'PAID')
UNION ALL
SELECT "overpayment_id", 'overpayment of ' || strftime("date", '%Y-%m-%d'), "remaining_credit", 'credit left',
       "contact_id", "contact_name"
FROM "xero_overpayments"
WHERE "snapshot_id" = $xero_snapshot AND "tenant_id" = $tenant_id AND "status" IN ('AUTHORISED', 'PAID');
