INSERT INTO xero_bank_transfers
SELECT snapshot_id, tenant_id, raw->>'BankTransferID', xero_date(COALESCE(raw->>'DateString', raw->>'Date')),
       xero_money(raw, '$.Amount'), raw->>'Reference',
       raw->'FromBankAccount'->>'AccountID', raw->'FromBankAccount'->>'Code',
       raw->'ToBankAccount'->>'AccountID', raw->'ToBankAccount'->>'Code',
       xero_ts(raw->>'CreatedDateUTC')
FROM xero_records WHERE snapshot_id = $snapshot_id AND entity = 'BankTransfers';
