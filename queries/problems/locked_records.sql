-- What the sync would push dated on or before a Xero lock date, per kind of record: how many, and
-- the first and last date. Xero refuses to create anything dated on or before its lock date.
WITH "dated" AS (
    SELECT 'invoice' AS "record_kind", "invoice_date" AS "day"
    FROM "pm_invoices"
    WHERE "snapshot_id" = $pm_snapshot AND "status" <> 'draft' AND list_contains($locations, "location_id")
    UNION ALL
    SELECT 'credit_note', "credit_date"
    FROM "pm_credit_notes"
    WHERE "snapshot_id" = $pm_snapshot AND list_contains($locations, "location_id")
    UNION ALL
    SELECT 'payment', "payment_date"
    FROM "pm_payments"
    WHERE "snapshot_id" = $pm_snapshot AND "status" = 'completed' AND list_contains($locations, "location_id")
    UNION ALL
    SELECT 'overpayment', "payment_date"
    FROM "pm_overpayments"
    WHERE "snapshot_id" = $pm_snapshot AND list_contains($locations, "location_id")
    UNION ALL
    SELECT 'refund', "refund_date"
    FROM "pm_refunds"
    WHERE "snapshot_id" = $pm_snapshot AND list_contains($locations, "location_id")
    UNION ALL
    SELECT 'allocation', a."allocation_date"
    FROM "pm_allocations" AS a
    JOIN "pm_invoices" AS i ON i."snapshot_id" = a."snapshot_id" AND i."invoice_id" = a."invoice_id"
    WHERE a."snapshot_id" = $pm_snapshot AND list_contains($locations, i."location_id")
    UNION ALL
    SELECT 'stripe_payout', "payout_date"
    FROM "pm_stripe_payouts"
    WHERE "snapshot_id" = $pm_snapshot AND list_contains($locations, "location_id")
)
SELECT "record_kind", count(*) AS "n", min("day") AS "first_day", max("day") AS "last_day"
FROM "dated"
WHERE "day" BETWEEN $start AND $end AND "day" <= $lock_date
GROUP BY "record_kind"
ORDER BY min("day"), "record_kind";
