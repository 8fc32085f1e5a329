-- The contact links as the check keeps them: (kind, petmanager_id, xero_id, tenant_id, how).
SELECT 'contact' AS "kind", "customer_id" AS "petmanager_id", "contact_id" AS "xero_id", $tenant_id AS "tenant_id", "how"
FROM "match_contact_links";
