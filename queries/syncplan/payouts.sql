-- The Stripe payouts of snapshot $snapshot_id made in the window at the organisation's locations.
SELECT * EXCLUDE ("snapshot_id", "_row")
FROM "pm_stripe_payouts"
WHERE "snapshot_id" = $snapshot_id AND list_contains($locations, "location_id")
  AND "payout_date" >= $start AND ($end IS NULL OR "payout_date" <= $end)
ORDER BY "payout_date", "payout_id";
