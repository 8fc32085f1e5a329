-- Live payments out of a credit note or an overpayment in Xero snapshot $xero_snapshot (refunds,
-- whoever made them), by the credit's Xero id.
SELECT coalesce("credit_note_id", "overpayment_id") AS "credit_id", "payment_id", "date", "amount",
       coalesce("reference", '') AS "reference"
FROM "xero_payments"
WHERE "snapshot_id" = $xero_snapshot AND "tenant_id" = $tenant_id AND coalesce("status", '') <> 'DELETED'
  AND coalesce("credit_note_id", "overpayment_id") IS NOT NULL
ORDER BY "date", "payment_id";
