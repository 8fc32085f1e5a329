INSERT INTO xero_invoices
SELECT snapshot_id, tenant_id, raw->>'InvoiceID', raw->>'Type', raw->>'InvoiceNumber', raw->>'Reference',
       raw->'Contact'->>'ContactID', raw->'Contact'->>'Name',
       xero_date(COALESCE(raw->>'DateString', raw->>'Date')), xero_date(COALESCE(raw->>'DueDateString', raw->>'DueDate')),
       raw->>'Status', raw->>'LineAmountTypes',
       xero_money(raw, '$.SubTotal'), xero_money(raw, '$.TotalTax'), xero_money(raw, '$.Total'),
       xero_money(raw, '$.AmountDue'), xero_money(raw, '$.AmountPaid'), xero_money(raw, '$.AmountCredited'),
       raw->>'CurrencyCode', xero_ts(raw->>'UpdatedDateUTC')
FROM xero_records WHERE snapshot_id = $snapshot_id AND entity = 'Invoices';
