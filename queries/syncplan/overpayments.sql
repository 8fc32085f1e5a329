-- The overpayments of snapshot $snapshot_id received in the window at the organisation's locations.
SELECT * EXCLUDE ("snapshot_id", "_row")
FROM "pm_overpayments"
WHERE "snapshot_id" = $snapshot_id AND list_contains($locations, "location_id")
  AND "payment_date" >= $start AND ($end IS NULL OR "payment_date" <= $end)
ORDER BY "payment_date", "overpayment_id";
