-- Payments and credit allocations dated before the window on invoices the sync pushes: they are
-- not pushed, so Xero would show the invoice owing more than Pet Manager does (a deposit taken
-- before the start date is the usual case). An invoice already in Xero (same number and contact)
-- is not pushed again, so its earlier money is no concern here.
WITH "invoices" AS (
    SELECT "invoice_id", "invoice_number", "customer_id", "invoice_date", "total"
    FROM "pm_invoices"
    WHERE "snapshot_id" = $pm_snapshot AND "status" IN ('issued', 'paid')
      AND list_contains($locations, "location_id") AND "invoice_date" BETWEEN $start AND $end
), "money" AS (
    SELECT 'payment' AS "record_kind", "payment_id" AS "record_id", "payment_date" AS "record_date",
           "amount", "invoice_id"
    FROM "pm_payments"
    WHERE "snapshot_id" = $pm_snapshot AND "status" = 'completed' AND "payment_date" < $start
    UNION ALL
    SELECT 'allocation', "allocation_id", "allocation_date", "amount", "invoice_id"
    FROM "pm_allocations"
    WHERE "snapshot_id" = $pm_snapshot AND "allocation_date" < $start
)
SELECT m."record_kind", m."record_id", m."record_date", m."amount",
       i."invoice_id", i."invoice_number", i."invoice_date", i."total"
FROM "money" AS m
JOIN "invoices" AS i USING ("invoice_id")
WHERE NOT EXISTS (
    SELECT 1
    FROM "xero_invoices" AS x
    JOIN "xero_contacts" AS c
      ON c."snapshot_id" = x."snapshot_id" AND c."tenant_id" = x."tenant_id" AND c."contact_id" = x."contact_id"
    WHERE x."snapshot_id" = $xero_snapshot AND x."tenant_id" = $tenant_id AND x."type" = 'ACCREC'
      AND x."status" <> 'DELETED' AND lower(x."invoice_number") = lower($invoice_prefix || i."invoice_number")
      AND c."contact_number" = CAST(i."customer_id" AS VARCHAR)
)
ORDER BY i."invoice_date", i."invoice_id", m."record_date", m."record_kind", m."record_id";
