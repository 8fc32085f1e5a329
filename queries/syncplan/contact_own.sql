-- Pet Manager's own customer contacts in one Xero snapshot, as Xero sent them: those carrying a
-- ContactNumber (Pet Manager sets it to the customer id), suppliers in "Pet Manager Suppliers" left out.
SELECT CAST(c."contact_number" AS BIGINT) AS "customer_id", c."contact_id", CAST(r."raw" AS VARCHAR) AS "raw"
FROM "xero_contacts" AS c
JOIN "xero_records" AS r
  ON r."snapshot_id" = c."snapshot_id" AND r."tenant_id" = c."tenant_id" AND r."entity" = 'Contacts'
 AND r."record_id" = c."contact_id"
WHERE c."snapshot_id" = $xero_snapshot AND c."tenant_id" = $tenant_id
  AND TRY_CAST(c."contact_number" AS BIGINT) IS NOT NULL
  AND NOT list_contains(coalesce(c."group_names", []), 'Pet Manager Suppliers')
ORDER BY "customer_id";
