-- Which Pet Manager invoice each Xero invoice stands for: the linked ones and the twins found
-- (with their tier). Payments read it: a payment on a twin invoice pays Pet Manager's invoice.
CREATE OR REPLACE TEMP TABLE "match_invoice_resolved" AS
SELECT "xero_id", "pm_id", 'linked' AS "level" FROM "match_doc_links"
UNION ALL
SELECT "xero_id", "pm_id", "level" FROM "resolved_invoice_twins";
