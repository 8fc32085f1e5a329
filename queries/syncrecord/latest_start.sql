-- The start date recorded last for organisation $tenant_id.
SELECT start_date FROM sync_starts WHERE tenant_id = $tenant_id ORDER BY recorded_at DESC LIMIT 1;
