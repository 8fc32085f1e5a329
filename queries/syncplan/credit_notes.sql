-- The credit notes of snapshot $snapshot_id dated in the window at the organisation's locations
-- (void ones too, so that the plan can say it skips them).
SELECT * EXCLUDE ("snapshot_id", "_row")
FROM "pm_credit_notes"
WHERE "snapshot_id" = $snapshot_id AND list_contains($locations, "location_id")
  AND "credit_date" >= $start AND ($end IS NULL OR "credit_date" <= $end)
ORDER BY "credit_date", "credit_note_id";
