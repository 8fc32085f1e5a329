-- Pet Manager's own contacts whose name, email or status in Xero is not what Pet Manager sends.
-- Changed in Xero after Pet Manager last changed the customer: "contact_edited" (the next sync
-- overwrites it); otherwise the customer changed in Pet Manager and Xero has not caught up: "different".
INSERT INTO "audit_found"
WITH "compared" AS (
    SELECT c."customer_id", x."contact_id", x."contact_number", x."name", c."contact_name" AS "expected_name",
           c."email" AS "pm_email", nullif(lower(trim(coalesce(x."email", ''))), '') AS "xero_email",
           c."is_active", x."contact_status", x."updated_at" AS "xero_updated_at",
           timezone('UTC', c."updated_at") AS "pm_updated_at"
    FROM "audit_pairs" AS a
    JOIN "audit_customers" AS c ON c."customer_id" = a."pm_id"
    JOIN "xero_contacts" AS x ON x."contact_id" = a."xero_id" AND x."snapshot_id" = $xero_snapshot AND x."tenant_id" = $tenant_id
    WHERE a."kind" = 'contact'
),
"checked" AS (
    SELECT *, "name" IS DISTINCT FROM "expected_name" AS "name_differs",
           "pm_email" IS DISTINCT FROM "xero_email" AS "email_differs",
           "is_active" AND "contact_status" = 'ARCHIVED' AS "status_differs"
    FROM "compared"
)
SELECT CASE WHEN "xero_updated_at" > "pm_updated_at" THEN 'contact_edited' ELSE 'different' END, 'contact',
       "customer_id", "contact_id", coalesce("contact_number", CAST("customer_id" AS VARCHAR)), "name", NULL, NULL, NULL,
       list_filter([CASE WHEN "name_differs" THEN 'name' END, CASE WHEN "email_differs" THEN 'email' END,
                    CASE WHEN "status_differs" THEN 'status' END], lambda f: f IS NOT NULL),
       concat_ws('; ',
           CASE WHEN "name_differs" THEN 'named ''' || coalesce("name", '') || ''' in Xero, ''' || "expected_name"
                                         || ''' from Pet Manager' END,
           CASE WHEN "email_differs" THEN 'email ' || coalesce("xero_email", 'none') || ' in Xero, '
                                          || coalesce("pm_email", 'none') || ' in Pet Manager' END,
           CASE WHEN "status_differs" THEN 'archived in Xero, active in Pet Manager' END),
       NULL
FROM "checked"
WHERE "name_differs" OR "email_differs" OR "status_differs";
