-- The names of the business's locations in Pet Manager snapshot $snapshot_id, by location id.
SELECT "location_id", "name"
FROM "pm_locations"
WHERE "snapshot_id" = $snapshot_id
ORDER BY "location_id";
