-- Every customer becomes a Xero contact named "first last CN<id>" (or "company CN<id>") with
-- ContactNumber <id>. Xero contacts that get in the way, compared case-insensitively:
--   name_taken     an active contact already has that name but another (or no) ContactNumber;
--   number_taken   a contact already has that ContactNumber under another name;
--   archived       an archived contact has that name or that ContactNumber.
WITH "customers" AS (
    SELECT "customer_id", CAST("customer_id" AS VARCHAR) AS "contact_number",
           CASE WHEN coalesce(trim("company_name"), '') <> '' THEN trim("company_name")
                ELSE trim(concat_ws(' ', nullif(trim("first_name"), ''), nullif(trim("last_name"), '')))
           END || ' CN' || "customer_id" AS "contact_name"
    FROM "pm_customers"
    WHERE "snapshot_id" = $pm_snapshot
), "contacts" AS (
    SELECT "contact_id", "name", lower("name") AS "key", "contact_number", "contact_status"
    FROM "xero_contacts"
    WHERE "snapshot_id" = $xero_snapshot AND "tenant_id" = $tenant_id
), "by_name" AS (
    SELECT c."customer_id", c."contact_name", c."contact_number", x."contact_id", x."name",
           x."contact_number" AS "xero_contact_number", x."contact_status",
           CASE WHEN x."contact_status" = 'ARCHIVED' THEN 'archived' ELSE 'name_taken' END AS "collision"
    FROM "customers" AS c
    JOIN "contacts" AS x ON x."key" = lower(c."contact_name")
    WHERE x."contact_status" = 'ARCHIVED' OR x."contact_number" IS DISTINCT FROM c."contact_number"
), "by_number" AS (
    SELECT c."customer_id", c."contact_name", c."contact_number", x."contact_id", x."name",
           x."contact_number" AS "xero_contact_number", x."contact_status",
           CASE WHEN x."contact_status" = 'ARCHIVED' THEN 'archived' ELSE 'number_taken' END AS "collision"
    FROM "customers" AS c
    JOIN "contacts" AS x ON x."contact_number" = c."contact_number"
    WHERE x."key" <> lower(c."contact_name")
)
SELECT * FROM "by_name"
UNION ALL
SELECT * FROM "by_number"
ORDER BY "customer_id", "collision", "contact_id";
