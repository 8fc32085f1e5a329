-- Overpayments: the RECEIVE-OVERPAYMENT bank transaction carrying recon's key in its Reference;
-- the row's Xero id may be the BankTransactionID or the OverpaymentID it made.
INSERT INTO verify_seen
SELECT d.outbox_id,
       (SELECT count(*) FROM xero_bank_transactions AS x
        WHERE x.snapshot_id = $xero_snapshot AND x.type = 'RECEIVE-OVERPAYMENT'
          AND split_part(x.reference, ' ', 1) = d.key AND x.status NOT IN ('VOIDED', 'DELETED')),
       f.bank_transaction_id IS NOT NULL,
       split_part(f.reference, ' ', 1),
       f.status NOT IN ('VOIDED', 'DELETED'),
       f.total, NULL, NULL
FROM verify_done AS d
LEFT JOIN xero_bank_transactions AS f
       ON f.snapshot_id = $xero_snapshot AND d.xero_id IN (f.bank_transaction_id, f.overpayment_id)
WHERE d.kind = 'overpayment';
