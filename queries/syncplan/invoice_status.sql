-- Number, date and status of every invoice of snapshot $snapshot_id: why a payment or an
-- allocation on an invoice the plan does not write must wait.
SELECT "invoice_id", "invoice_number", "invoice_date", "status"
FROM "pm_invoices"
WHERE "snapshot_id" = $snapshot_id
ORDER BY "invoice_id";
