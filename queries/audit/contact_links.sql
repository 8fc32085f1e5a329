-- Contacts Pet Manager made, by the pre-sync check's rule (queries/matching/contact_links.sql):
-- ContactNumber = customer_id, or the name ends " CN<customer_id>"; a Xero contact stands for
-- one customer at most (ContactNumber wins over the name).
CREATE OR REPLACE TEMP TABLE "audit_contact_links" AS
SELECT "customer_id", "contact_id"
FROM (
    SELECT c."customer_id", x."contact_id", 1 AS "rule"
    FROM "audit_customers" AS c
    JOIN "audit_xero_contacts" AS x ON x."contact_number" = CAST(c."customer_id" AS VARCHAR)
    UNION ALL
    SELECT c."customer_id", x."contact_id", 2 AS "rule"
    FROM "audit_customers" AS c
    JOIN "audit_xero_contacts" AS x ON x."cn_id" = c."customer_id"
)
QUALIFY row_number() OVER (PARTITION BY "contact_id" ORDER BY "rule", "customer_id") = 1;
