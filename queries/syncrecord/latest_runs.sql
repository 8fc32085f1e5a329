-- The latest run of each organisation (of one when $tenant_id is not NULL), newest first.
SELECT *
FROM sync_runs
WHERE $tenant_id IS NULL OR tenant_id = $tenant_id
QUALIFY row_number() OVER (PARTITION BY tenant_id ORDER BY run_id DESC) = 1
ORDER BY run_id DESC;
