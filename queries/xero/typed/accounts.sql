INSERT INTO xero_accounts
SELECT snapshot_id, tenant_id, raw->>'AccountID', raw->>'Code', raw->>'Name', raw->>'Type', raw->>'Class',
       raw->>'Status', raw->>'TaxType', COALESCE(CAST(raw->>'EnablePaymentsToAccount' AS BOOLEAN), false),
       raw->>'BankAccountNumber', raw->>'SystemAccount', raw->>'CurrencyCode'
FROM xero_records WHERE snapshot_id = $snapshot_id AND entity = 'Accounts';
