-- Who holds each active contact name in one Xero snapshot (Xero keeps active names unique, case ignored).
SELECT lower(regexp_replace(trim("name"), '\s+', ' ', 'g')) AS "name", "contact_id"
FROM "xero_contacts"
WHERE "snapshot_id" = $xero_snapshot AND "tenant_id" = $tenant_id AND "contact_status" = 'ACTIVE'
  AND "name" IS NOT NULL;
