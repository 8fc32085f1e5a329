INSERT INTO xero_allocations
SELECT r.snapshot_id, r.tenant_id,
       CASE r.entity WHEN 'CreditNotes' THEN 'credit_note' ELSE 'overpayment' END,
       CASE r.entity WHEN 'CreditNotes' THEN r.raw->>'CreditNoteID' ELSE r.raw->>'OverpaymentID' END,
       a.value->>'AllocationID', a.value->'Invoice'->>'InvoiceID', xero_money(a.value, '$.Amount'),
       xero_date(a.value->>'Date')
FROM xero_records AS r, json_each(r.raw, '$.Allocations') AS a
WHERE r.snapshot_id = $snapshot_id AND r.entity IN ('CreditNotes', 'Overpayments')
  AND COALESCE(CAST(a.value->>'IsDeleted' AS BOOLEAN), false) = false;
