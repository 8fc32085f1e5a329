-- The plans `recon status` reads, as temp table status_plans(plan_hash, current): every plan of
-- the organisation ($tenant_id, or all when NULL) recorded in sync_runs, `current` for each
-- organisation's latest. A workspace whose outbox has rows but no sync_runs: every outbox plan,
-- the newest current.
CREATE OR REPLACE TEMP TABLE status_plans AS
WITH runs AS (
    SELECT plan_hash, run_id, tenant_id FROM sync_runs WHERE $tenant_id IS NULL OR tenant_id = $tenant_id
),
unrecorded AS (
    SELECT plan_hash, max(outbox_id) AS newest FROM outbox
    WHERE NOT EXISTS (SELECT 1 FROM sync_runs)
    GROUP BY plan_hash
)
SELECT plan_hash, bool_or(latest) AS current
FROM (
    SELECT plan_hash, run_id = max(run_id) OVER (PARTITION BY tenant_id) AS latest FROM runs
    UNION ALL
    SELECT plan_hash, newest = max(newest) OVER () FROM unrecorded
)
GROUP BY plan_hash;
