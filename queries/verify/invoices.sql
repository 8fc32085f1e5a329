-- Sales invoices and the Stripe fee bills: by InvoiceNumber among live invoices of that type.
INSERT INTO verify_seen
SELECT d.outbox_id,
       (SELECT count(*) FROM xero_invoices AS x
        WHERE x.snapshot_id = $xero_snapshot AND x.invoice_number = d.key
          AND x.type = (CASE d.kind WHEN 'invoice' THEN 'ACCREC' ELSE 'ACCPAY' END)
          AND x.status NOT IN ('VOIDED', 'DELETED')),
       f.invoice_id IS NOT NULL,
       f.invoice_number,
       f.status NOT IN ('VOIDED', 'DELETED'),
       f.total, NULL, NULL
FROM verify_done AS d
LEFT JOIN xero_invoices AS f ON f.snapshot_id = $xero_snapshot AND f.invoice_id = d.xero_id
WHERE d.kind IN ('invoice', 'stripe_fee_bill');
