-- The business of one Pet Manager snapshot (business.json): its name and currency.
SELECT "business_name", "currency"
FROM "pm_business"
WHERE "snapshot_id" = $pm_snapshot;
