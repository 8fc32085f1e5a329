-- Pet Manager's customers with the Xero contact name Pet Manager gives them:
-- "first last CN<id>", or "company CN<id>" (FORMAT.md, "What Xero sees").
CREATE OR REPLACE TEMP TABLE "audit_customers" AS
SELECT "customer_id",
       coalesce(nullif(trim("company_name"), ''), trim(concat_ws(' ', "first_name", "last_name"))) || ' CN' || "customer_id"
           AS "contact_name",
       audit_text(coalesce(nullif(trim("company_name"), ''), concat_ws(' ', "first_name", "last_name"))) AS "name_text",
       nullif(lower(trim(coalesce("email", ''))), '') AS "email", "is_active", "updated_at"
FROM "pm_customers"
WHERE "snapshot_id" = $pm_snapshot;
