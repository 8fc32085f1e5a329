-- Whether a finished Xero snapshot with this id exists for this organisation.
SELECT count(*) > 0
FROM "snapshots"
WHERE "snapshot_id" = $snapshot_id AND "side" = 'xero' AND "tenant_id" = $tenant_id;
