-- The payments of snapshot $snapshot_id paid in the window at the organisation's locations
-- (void ones too, so that the plan can say it skips them).
SELECT * EXCLUDE ("snapshot_id", "_row")
FROM "pm_payments"
WHERE "snapshot_id" = $snapshot_id AND list_contains($locations, "location_id")
  AND "payment_date" >= $start AND ($end IS NULL OR "payment_date" <= $end)
ORDER BY "payment_date", "payment_id";
