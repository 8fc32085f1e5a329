-- The names the pre-sync report's header shows, as the snapshots hold them: the business of the
-- Pet Manager snapshot (tenant_id NULL) and each Xero organisation of its snapshot
-- ($tenant_ids[i] in $xero_snapshots[i]).
SELECT CAST(NULL AS VARCHAR) AS "tenant_id", "business_name" AS "name", "currency"
FROM "pm_business"
WHERE "snapshot_id" = $pm_snapshot
UNION ALL
SELECT o."tenant_id", o."name", o."base_currency"
FROM "xero_organisation" AS o
SEMI JOIN (SELECT unnest($tenant_ids) AS "tenant_id", unnest($xero_snapshots) AS "snapshot_id") AS s
  ON o."tenant_id" = s."tenant_id" AND o."snapshot_id" = s."snapshot_id";
