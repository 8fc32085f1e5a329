-- A new sync run, not finished yet.
INSERT INTO sync_runs (run_id, plan_hash, tenant_id, window_from, window_to, on_duplicate, started_at, summary)
VALUES (nextval('sync_run_ids'), $plan_hash, $tenant_id, $window_from, $window_to, $on_duplicate, $started_at,
        $summary)
RETURNING run_id;
