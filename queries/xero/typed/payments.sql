INSERT INTO xero_payments
SELECT snapshot_id, tenant_id, raw->>'PaymentID', xero_date(raw->>'Date'), xero_money(raw, '$.Amount'),
       raw->>'Reference', raw->>'Status', raw->>'PaymentType', CAST(raw->>'IsReconciled' AS BOOLEAN),
       raw->'Invoice'->>'InvoiceID', raw->'Invoice'->>'InvoiceNumber',
       raw->'CreditNote'->>'CreditNoteID', raw->'Overpayment'->>'OverpaymentID',
       COALESCE(raw->'Invoice'->'Contact'->>'ContactID', raw->'CreditNote'->'Contact'->>'ContactID',
                raw->'Overpayment'->'Contact'->>'ContactID'),
       raw->'Account'->>'AccountID', raw->'Account'->>'Code', xero_ts(raw->>'UpdatedDateUTC')
FROM xero_records WHERE snapshot_id = $snapshot_id AND entity = 'Payments';
