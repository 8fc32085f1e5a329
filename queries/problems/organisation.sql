-- The Xero organisation of one snapshot: its name, base currency and lock dates.
SELECT "name", "base_currency", "period_lock_date", "end_of_year_lock_date"
FROM "xero_organisation"
WHERE "snapshot_id" = $xero_snapshot AND "tenant_id" = $tenant_id;
