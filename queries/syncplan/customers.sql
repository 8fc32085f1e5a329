-- Every customer of Pet Manager snapshot $snapshot_id (the plan takes those its records need).
SELECT * EXCLUDE ("snapshot_id", "_row")
FROM "pm_customers"
WHERE "snapshot_id" = $snapshot_id
ORDER BY "customer_id";
