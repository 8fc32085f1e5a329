INSERT INTO sync_starts VALUES ($tenant_id, $start_date, $recorded_at);
