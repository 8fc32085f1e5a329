-- The invoices of snapshot $snapshot_id dated in the window at the organisation's locations,
-- drafts left out (never synced); void ones come too, so that the plan can say it skips them.
SELECT * EXCLUDE ("snapshot_id", "_row")
FROM "pm_invoices"
WHERE "snapshot_id" = $snapshot_id AND "status" <> 'draft' AND list_contains($locations, "location_id")
  AND "invoice_date" >= $start AND ($end IS NULL OR "invoice_date" <= $end)
ORDER BY "invoice_date", "invoice_id";
