INSERT INTO xero_invoice_lines
SELECT r.snapshot_id, r.tenant_id, r.raw->>'InvoiceID', CAST(l.key AS INTEGER) + 1, l.value->>'LineItemID',
       l.value->>'ItemCode', l.value->>'Description',
       CAST(l.value->>'Quantity' AS DECIMAL(18, 4)), CAST(l.value->>'UnitAmount' AS DECIMAL(18, 4)),
       l.value->>'AccountCode', l.value->>'TaxType',
       xero_money(l.value, '$.TaxAmount'), xero_money(l.value, '$.LineAmount'), l.value->'Tracking'
FROM xero_records AS r, json_each(r.raw, '$.LineItems') AS l
WHERE r.snapshot_id = $snapshot_id AND r.entity = 'Invoices';
