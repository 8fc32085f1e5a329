-- The accounts of one Xero snapshot, as Step 2 needs them.
SELECT code, name, type, class, status, system_account, enable_payments_to_account
FROM xero_accounts
WHERE snapshot_id = $snapshot_id
ORDER BY code;
