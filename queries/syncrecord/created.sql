-- The records plan $plan_hash created in Xero (its done rows it sent: a row done with no attempt
-- was pushed by an earlier plan and only carried over), in plan order, with the money each
-- moves: the payload's Amount, else (invoices, bills, credit notes, overpayments) the total Xero
-- shows in snapshot $xero_snapshot (NULL when there is none); and whose it is: a contact's name, a
-- document's contact as Xero shows it.
SELECT o.seq, o.kind, TRY_CAST(o.petmanager_id AS BIGINT) AS petmanager_id, o.natural_key, o.xero_id,
       coalesce(o.payload->>'Name', i.contact_name, n.contact_name, b.contact_name) AS name,
       coalesce(TRY_CAST(o.payload->>'Amount' AS DECIMAL(18, 2)), i.total, n.total, b.total) AS amount,
       o.updated_at
FROM outbox AS o
LEFT JOIN xero_invoices AS i ON i.snapshot_id = $xero_snapshot AND i.invoice_id = o.xero_id
LEFT JOIN xero_credit_notes AS n ON n.snapshot_id = $xero_snapshot AND n.credit_note_id = o.xero_id
LEFT JOIN xero_bank_transactions AS b
       ON b.snapshot_id = $xero_snapshot AND o.xero_id IN (b.bank_transaction_id, b.overpayment_id)
WHERE o.plan_hash = $plan_hash AND o.state = 'done' AND o.attempts > 0
ORDER BY o.seq;
