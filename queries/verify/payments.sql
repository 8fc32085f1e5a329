-- Payments, refunds and the fee bills' payments: by recon's key at the start of the Reference,
-- among payments not deleted; each sits on an invoice (or, for a refund, a credit note or overpayment).
INSERT INTO verify_seen
SELECT d.outbox_id,
       (SELECT count(*) FROM xero_payments AS x
        WHERE x.snapshot_id = $xero_snapshot AND split_part(x.reference, ' ', 1) = d.key
          AND x.status <> 'DELETED'),
       f.payment_id IS NOT NULL,
       split_part(f.reference, ' ', 1),
       f.status <> 'DELETED',
       f.amount,
       CASE d.kind WHEN 'refund' THEN coalesce(f.credit_note_id, f.overpayment_id) ELSE f.invoice_id END,
       NULL
FROM verify_done AS d
LEFT JOIN xero_payments AS f ON f.snapshot_id = $xero_snapshot AND f.payment_id = d.xero_id
WHERE d.kind IN ('payment', 'refund', 'stripe_fee_payment');
