INSERT INTO xero_credit_notes
SELECT snapshot_id, tenant_id, raw->>'CreditNoteID', raw->>'Type', raw->>'CreditNoteNumber', raw->>'Reference',
       raw->'Contact'->>'ContactID', raw->'Contact'->>'Name',
       xero_date(COALESCE(raw->>'DateString', raw->>'Date')), raw->>'Status', raw->>'LineAmountTypes',
       xero_money(raw, '$.SubTotal'), xero_money(raw, '$.TotalTax'), xero_money(raw, '$.Total'),
       xero_money(raw, '$.RemainingCredit'), raw->>'CurrencyCode', xero_ts(raw->>'UpdatedDateUTC')
FROM xero_records WHERE snapshot_id = $snapshot_id AND entity = 'CreditNotes';
