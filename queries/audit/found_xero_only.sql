-- Xero records in Pet Manager's scope that stand for no Pet Manager record and are not a new
-- duplicate of one; and contacts in Pet Manager's customer group that belong to no customer.
INSERT INTO "audit_found"
SELECT 'xero_only', x."kind", NULL, x."xero_id", x."number", x."contact_name", x."day", NULL, x."amount", [],
       'in Xero only: ' || replace(x."kind", '_', ' ') || ' ' || coalesce(x."number", x."reference", x."xero_id")
       || ' of ' || x."amount" || ' dated ' || x."day", NULL
FROM "audit_loose" AS x
ANTI JOIN "audit_found" AS f ON f."category" = 'new_duplicate' AND f."kind" = x."kind" AND f."xero_id" = x."xero_id"
WHERE x."in_pm_scope"
UNION ALL
SELECT 'xero_only', 'contact', NULL, c."contact_id", c."contact_number", c."name", NULL, NULL, NULL, [],
       'in Xero only: contact ''' || c."name" || ''' is in the group Pet Manager Customers but belongs to no customer', NULL
FROM "xero_contacts" AS c
ANTI JOIN "audit_pairs" AS a ON a."kind" = 'contact' AND a."xero_id" = c."contact_id"
WHERE c."snapshot_id" = $xero_snapshot AND c."tenant_id" = $tenant_id AND c."contact_status" = 'ACTIVE'
  AND list_contains(coalesce(c."group_names", []), 'Pet Manager Customers');
