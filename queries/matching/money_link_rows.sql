-- The money links in the window as the check keeps them: (kind, petmanager_id, xero_id, tenant_id, how).
SELECT $kind AS "kind", "pm_id" AS "petmanager_id", "xero_id", $tenant_id AS "tenant_id", "how"
FROM "match_money_links"
WHERE "in_window";
