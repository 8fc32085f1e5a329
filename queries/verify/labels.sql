-- What a person calls each Xero document a payment or allocation can sit on, by its id.
CREATE OR REPLACE TEMP TABLE verify_labels AS
SELECT invoice_id AS id, CASE type WHEN 'ACCPAY' THEN 'bill ' ELSE 'invoice ' END || coalesce(invoice_number, invoice_id) AS label
FROM xero_invoices WHERE snapshot_id = $xero_snapshot
UNION ALL
SELECT credit_note_id, 'credit note ' || coalesce(credit_note_number, credit_note_id)
FROM xero_credit_notes WHERE snapshot_id = $xero_snapshot
UNION ALL
SELECT overpayment_id, 'overpayment of ' || coalesce(contact_name, '?') || ' dated ' || CAST(date AS VARCHAR)
FROM xero_overpayments WHERE snapshot_id = $xero_snapshot;
