-- The organisation's customer contacts (suppliers in Pet Manager's supplier group left out) with
-- the customer number of Pet Manager's " CN<customer_id>" suffix and the name without it.
CREATE OR REPLACE TEMP TABLE "audit_xero_contacts" AS
SELECT "contact_id", "name", "contact_number", "contact_status", "email", "updated_at", "group_names",
       TRY_CAST(regexp_extract("name", '\bCN([0-9]+)\s*$', 1) AS BIGINT) AS "cn_id",
       audit_text(audit_bare_name("name")) AS "name_text"
FROM "xero_contacts"
WHERE "snapshot_id" = $xero_snapshot AND "tenant_id" = $tenant_id
  AND NOT list_contains(coalesce("group_names", []), 'Pet Manager Suppliers');
