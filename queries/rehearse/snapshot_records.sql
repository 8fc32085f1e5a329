-- Every record of one Xero snapshot of one organisation, exactly as Xero sent it (raw JSON text).
-- A snapshot is complete on its own (unchanged rows are copied forward), so this is the whole
-- organisation as it stood when the snapshot was taken.
SELECT "entity", CAST("raw" AS VARCHAR) AS "raw"
FROM "xero_records"
WHERE "snapshot_id" = $snapshot_id AND "tenant_id" = $tenant_id
ORDER BY "entity", "updated_at" NULLS FIRST, "record_id";
