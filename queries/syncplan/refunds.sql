-- The refunds of snapshot $snapshot_id paid in the window at the organisation's locations.
SELECT * EXCLUDE ("snapshot_id", "_row")
FROM "pm_refunds"
WHERE "snapshot_id" = $snapshot_id AND list_contains($locations, "location_id")
  AND "refund_date" >= $start AND ($end IS NULL OR "refund_date" <= $end)
ORDER BY "refund_date", "refund_id";
