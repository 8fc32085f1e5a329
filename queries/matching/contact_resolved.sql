-- Which customer each Xero contact stands for: Pet Manager's own contacts (linked) and the
-- hand-made twins found (with their tier). Invoices, payments and overpayments read it.
CREATE OR REPLACE TEMP TABLE "match_contact_resolved" AS
SELECT "contact_id", "customer_id", 'linked' AS "level" FROM "match_contact_links"
UNION ALL
SELECT "contact_id", "customer_id", "tier" AS "level" FROM "match_contact_twins";
