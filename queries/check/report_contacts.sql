-- Both sides of the suspected duplicate contacts the pre-sync report shows, one row per pair:
-- Pet Manager customer $pm_ids[i] against Xero contact $xero_ids[i] of organisation
-- $tenant_ids[i] in Xero snapshot $xero_snapshots[i]. Only the shown pairs.
WITH "pairs" AS (
    SELECT unnest($pm_ids) AS "pm_id", unnest($xero_ids) AS "xero_id",
           unnest($tenant_ids) AS "tenant_id", unnest($xero_snapshots) AS "xero_snapshot"
)
SELECT p."pm_id", p."xero_id", p."tenant_id",
       coalesce(nullif(trim(concat_ws(' ', c."first_name", c."last_name")), ''), c."company_name") AS "pm_name",
       c."company_name" AS "pm_company", c."email" AS "pm_email",
       list_filter([c."phone", c."mobile"], lambda n: coalesce(n, '') <> '') AS "pm_phones",
       c."address_line1" AS "pm_street", c."suburb" AS "pm_suburb", c."postcode" AS "pm_postcode",
       CASE WHEN c."is_active" THEN 'active' WHEN NOT c."is_active" THEN 'archived' END AS "pm_status",
       x."name" AS "xero_name", x."email" AS "xero_email", coalesce(x."phones", []) AS "xero_phones",
       x."address_line1" AS "xero_street", x."city" AS "xero_suburb", x."postal_code" AS "xero_postcode",
       x."contact_status" AS "xero_status", x."contact_number" AS "xero_number"
FROM "pairs" AS p
LEFT JOIN "pm_customers" AS c ON c."snapshot_id" = $pm_snapshot AND c."customer_id" = p."pm_id"
LEFT JOIN "xero_contacts" AS x
  ON x."snapshot_id" = p."xero_snapshot" AND x."tenant_id" = p."tenant_id" AND x."contact_id" = p."xero_id";
