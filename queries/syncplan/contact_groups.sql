-- The organisation's active contact groups named $names in Xero snapshot $xero_snapshot, by name.
SELECT "name", "contact_group_id"
FROM "xero_contact_groups"
WHERE "snapshot_id" = $xero_snapshot AND "tenant_id" = $tenant_id AND list_contains($names, "name")
  AND "status" = 'ACTIVE'
ORDER BY "name", "contact_group_id";
