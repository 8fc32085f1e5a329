-- Pet Manager records (snapshot $pm_snapshot, the organisation's $locations) dated from the
-- recorded start date $start on: they wait for that date. Contacts: the customers they need.
WITH documents AS (
    SELECT 'invoice' AS kind, customer_id FROM pm_invoices
    WHERE snapshot_id = $pm_snapshot AND list_contains($locations, location_id) AND invoice_date >= $start
      AND status NOT IN ('draft', 'void')
    UNION ALL
    SELECT 'credit_note', customer_id FROM pm_credit_notes
    WHERE snapshot_id = $pm_snapshot AND list_contains($locations, location_id) AND credit_date >= $start
      AND status <> 'void'
    UNION ALL
    SELECT 'payment', customer_id FROM pm_payments
    WHERE snapshot_id = $pm_snapshot AND list_contains($locations, location_id) AND payment_date >= $start
      AND status <> 'void'
    UNION ALL
    SELECT 'overpayment', customer_id FROM pm_overpayments
    WHERE snapshot_id = $pm_snapshot AND list_contains($locations, location_id) AND payment_date >= $start
    UNION ALL
    SELECT 'refund', customer_id FROM pm_refunds
    WHERE snapshot_id = $pm_snapshot AND list_contains($locations, location_id) AND refund_date >= $start
),
others AS (
    SELECT source_type || '_allocation' AS kind FROM pm_allocations AS a
    JOIN pm_invoices AS i ON i.snapshot_id = a.snapshot_id AND i.invoice_id = a.invoice_id
    WHERE a.snapshot_id = $pm_snapshot AND list_contains($locations, i.location_id) AND a.allocation_date >= $start
    UNION ALL
    SELECT 'stripe_fee_bill' FROM (
        SELECT unnest([stripe_fee, platform_fee]) AS fee FROM pm_payments
        WHERE snapshot_id = $pm_snapshot AND list_contains($locations, location_id) AND payment_date >= $start
          AND status <> 'void' AND method = 'stripe'
    ) WHERE coalesce(fee, 0) > 0
    UNION ALL
    SELECT 'payout' FROM pm_stripe_payouts
    WHERE snapshot_id = $pm_snapshot AND list_contains($locations, location_id) AND payout_date >= $start
)
SELECT kind, count(*) AS records FROM documents GROUP BY kind
UNION ALL
SELECT 'contact', count(DISTINCT customer_id) FROM documents
UNION ALL
SELECT kind, count(*) FROM others GROUP BY kind;
