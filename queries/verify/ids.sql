-- The Xero id behind each natural key recon has written: the done outbox row of plan $plan_hash,
-- else the latest done row of an earlier plan. An overpayment row may hold the BankTransactionID
-- of the RECEIVE-OVERPAYMENT that made it: its OverpaymentID is what other records point at.
CREATE OR REPLACE TEMP TABLE verify_ids AS
SELECT o.natural_key, coalesce(bt.overpayment_id, o.xero_id) AS xero_id
FROM outbox AS o
LEFT JOIN xero_bank_transactions AS bt
       ON bt.snapshot_id = $xero_snapshot AND bt.bank_transaction_id = o.xero_id AND o.kind = 'overpayment'
WHERE o.state = 'done'
QUALIFY row_number() OVER (PARTITION BY o.natural_key ORDER BY (o.plan_hash = $plan_hash) DESC, o.outbox_id DESC) = 1;
