-- The organisation's contacts named $names in Xero snapshot $xero_snapshot (the suppliers of the
-- Stripe fee bills), by name.
SELECT "name", "contact_id"
FROM "xero_contacts"
WHERE "snapshot_id" = $xero_snapshot AND "tenant_id" = $tenant_id AND list_contains($names, "name")
  AND "contact_status" <> 'ARCHIVED'
ORDER BY "name", "contact_id";
