-- Stripe payouts: bank transfers carrying recon's key at the start of the Reference.
INSERT INTO verify_seen
SELECT d.outbox_id,
       (SELECT count(*) FROM xero_bank_transfers AS x
        WHERE x.snapshot_id = $xero_snapshot AND split_part(x.reference, ' ', 1) = d.key),
       f.bank_transfer_id IS NOT NULL,
       split_part(f.reference, ' ', 1),
       f.bank_transfer_id IS NOT NULL,
       f.amount, NULL, NULL
FROM verify_done AS d
LEFT JOIN xero_bank_transfers AS f ON f.snapshot_id = $xero_snapshot AND f.bank_transfer_id = d.xero_id
WHERE d.kind = 'payout';
