-- Contacts Pet Manager already made: ContactNumber = customer_id, or the name ends " CN<customer_id>".
-- A Xero contact is linked to one customer at most (ContactNumber wins over the name).
CREATE OR REPLACE TEMP TABLE "match_contact_links" AS
SELECT "customer_id", "contact_id", "how"
FROM (
    SELECT c."customer_id", x."contact_id", 'ContactNumber ' || x."contact_number" AS "how", 1 AS "rule"
    FROM "match_pm_contacts" AS c
    JOIN "match_xero_contacts" AS x ON x."contact_number" = CAST(c."customer_id" AS VARCHAR)
    UNION ALL
    SELECT c."customer_id", x."contact_id", 'contact name ' || x."name", 2 AS "rule"
    FROM "match_pm_contacts" AS c
    JOIN "match_xero_contacts" AS x ON x."cn_id" = c."customer_id"
)
QUALIFY row_number() OVER (PARTITION BY "contact_id" ORDER BY "rule", "customer_id") = 1
ORDER BY "customer_id", "contact_id";
