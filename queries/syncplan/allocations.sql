-- The allocations of snapshot $snapshot_id made in the window to invoices of the organisation's
-- locations (their credit and invoice decide whether the plan can make them).
SELECT a.* EXCLUDE ("snapshot_id", "_row")
FROM "pm_allocations" AS a
JOIN "pm_invoices" AS i ON i."snapshot_id" = a."snapshot_id" AND i."invoice_id" = a."invoice_id"
WHERE a."snapshot_id" = $snapshot_id AND list_contains($locations, i."location_id")
  AND a."allocation_date" >= $start AND ($end IS NULL OR a."allocation_date" <= $end)
ORDER BY a."allocation_date", a."allocation_id";
