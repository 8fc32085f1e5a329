INSERT INTO xero_bank_transactions
SELECT snapshot_id, tenant_id, raw->>'BankTransactionID', raw->>'Type',
       raw->'Contact'->>'ContactID', raw->'Contact'->>'Name',
       xero_date(COALESCE(raw->>'DateString', raw->>'Date')), raw->>'Status', raw->>'Reference',
       raw->'BankAccount'->>'AccountID', raw->'BankAccount'->>'Code', raw->>'LineAmountTypes',
       xero_money(raw, '$.SubTotal'), xero_money(raw, '$.TotalTax'), xero_money(raw, '$.Total'),
       CAST(raw->>'IsReconciled' AS BOOLEAN), raw->>'OverpaymentID', xero_ts(raw->>'UpdatedDateUTC')
FROM xero_records WHERE snapshot_id = $snapshot_id AND entity = 'BankTransactions';
