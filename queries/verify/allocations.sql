-- Allocations carry no key of recon's: matches are the allocations of the same amount from the
-- credit it was meant to use to the invoice it was meant for; found is the one with the row's id.
INSERT INTO verify_seen
SELECT d.outbox_id,
       (SELECT count(*) FROM xero_allocations AS x
        WHERE x.snapshot_id = $xero_snapshot AND x.source_id = d.expected_source
          AND x.invoice_id = d.expected_target AND x.amount = d.expected),
       f.allocation_id IS NOT NULL,
       CASE WHEN f.allocation_id IS NOT NULL THEN d.key END,
       f.allocation_id IS NOT NULL,
       f.amount, f.invoice_id, f.source_id
FROM verify_done AS d
LEFT JOIN xero_allocations AS f ON f.snapshot_id = $xero_snapshot AND f.allocation_id = d.xero_id
WHERE d.kind IN ('credit_note_allocation', 'overpayment_allocation');
