-- Xero contacts of the organisation, as the links and the document queries read them. `cn_id`
-- is the customer number in Pet Manager's " CN<customer_id>" name suffix; `name_text` the name
-- without it. Suppliers kept in Pet Manager's supplier group are never a customer's twin. The
-- contacts left open after the links get their matching keys in contact_open.sql.
CREATE OR REPLACE TEMP TABLE "match_xero_contacts" AS
SELECT "contact_id", "name", "first_name", "last_name", "contact_number", "contact_status",
       "email", "phones", "address_line1", "city", "postal_code",
       TRY_CAST(regexp_extract("name", '\bCN([0-9]+)\s*$', 1) AS BIGINT) AS "cn_id",
       match_text(match_bare_name("name")) AS "name_text"
FROM "xero_contacts"
WHERE "snapshot_id" = $xero_snapshot AND "tenant_id" = $tenant_id
  AND NOT list_contains(coalesce("group_names", []), 'Pet Manager Suppliers');
