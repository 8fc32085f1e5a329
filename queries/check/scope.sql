-- What a back-sync from $start (to $end, inclusive, or open-ended) would send to organisation
-- $tenant_id, by kind and month: the records of its $locations (an allocation goes with its
-- invoice, a Stripe fee with its payment); invoices and credit notes by their date, money by the
-- date paid (Pet Manager's own rule); drafts are never synced, voids not at all when they never
-- reached Xero. Contacts are not dated and carry no location: every customer is sent to every
-- organisation that needs it, so each counts them all. `check_linked` and `check_suspected`
-- (tenant_id, kind, petmanager_id) hold what the check linked or suspects, so the would-create
-- figures leave those out (linked wins).
WITH excluded AS (
    SELECT kind, petmanager_id, CASE WHEN bool_or(why = 'linked') THEN 'linked' ELSE 'duplicate' END AS why
    FROM (SELECT kind, petmanager_id, 'linked' AS why FROM check_linked WHERE tenant_id = $tenant_id
          UNION ALL
          SELECT kind, petmanager_id, 'duplicate' FROM check_suspected WHERE tenant_id = $tenant_id)
    GROUP BY kind, petmanager_id
), docs AS (
    SELECT 'contact' AS kind, customer_id AS id, NULL::DATE AS day, NULL::DECIMAL(18, 2) AS amount
    FROM pm_customers WHERE snapshot_id = $snapshot_id
    UNION ALL
    SELECT 'invoice', invoice_id, invoice_date, total FROM pm_invoices
    WHERE snapshot_id = $snapshot_id AND status IN ('issued', 'paid') AND list_contains($locations, location_id)
    UNION ALL
    SELECT 'credit_note', credit_note_id, credit_date, total FROM pm_credit_notes
    WHERE snapshot_id = $snapshot_id AND status = 'issued' AND list_contains($locations, location_id)
    UNION ALL
    SELECT 'payment', payment_id, payment_date, amount FROM pm_payments
    WHERE snapshot_id = $snapshot_id AND status = 'completed' AND list_contains($locations, location_id)
    UNION ALL
    SELECT 'overpayment', overpayment_id, payment_date, amount FROM pm_overpayments
    WHERE snapshot_id = $snapshot_id AND list_contains($locations, location_id)
    UNION ALL
    SELECT 'allocation', a.allocation_id, a.allocation_date, a.amount
    FROM pm_allocations AS a
    JOIN pm_invoices AS i ON i.snapshot_id = a.snapshot_id AND i.invoice_id = a.invoice_id
    WHERE a.snapshot_id = $snapshot_id AND list_contains($locations, i.location_id)
    UNION ALL
    SELECT 'refund', refund_id, refund_date, amount FROM pm_refunds
    WHERE snapshot_id = $snapshot_id AND list_contains($locations, location_id)
    UNION ALL
    SELECT 'stripe_fee', payment_id, payment_date, coalesce(stripe_fee, 0) + coalesce(platform_fee, 0)
    FROM pm_payments
    WHERE snapshot_id = $snapshot_id AND status = 'completed' AND method = 'stripe'
      AND coalesce(stripe_fee, 0) + coalesce(platform_fee, 0) > 0 AND list_contains($locations, location_id)
    UNION ALL
    SELECT 'payout', payout_id, payout_date, amount FROM pm_stripe_payouts
    WHERE snapshot_id = $snapshot_id AND list_contains($locations, location_id)
)
SELECT d.kind,
       strftime(d.day, '%Y-%m') AS month,
       count(*) AS in_scope,
       count(*) FILTER (WHERE e.why = 'linked') AS linked,
       count(*) FILTER (WHERE e.why = 'duplicate') AS suspected,
       count(*) FILTER (WHERE e.why IS NULL) AS to_create,
       coalesce(sum(d.amount) FILTER (WHERE e.why IS NULL), 0) AS to_create_total,
       $tenant_id AS tenant_id
FROM docs AS d
LEFT JOIN excluded AS e ON e.kind = d.kind AND e.petmanager_id = d.id
WHERE d.day IS NULL OR (d.day >= $start AND ($end IS NULL OR d.day <= $end))
GROUP BY ALL
ORDER BY d.kind, month;
