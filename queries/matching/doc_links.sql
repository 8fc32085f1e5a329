-- Documents Pet Manager already sent: Xero's number is the configured prefix + Pet Manager's
-- number, on Pet Manager's own contact for that customer (a hand-typed copy that reused the
-- number sits on a hand-made contact: it is a duplicate, found by the scoring). Void ones
-- included (a voided Xero invoice keeps its number); a live one is preferred. Documents outside
-- the window are linked too: their Xero twins are Pet Manager's, not typed by hand.
CREATE OR REPLACE TEMP TABLE "match_doc_links" AS
SELECT p."pm_id", x."xero_id", x."number", p."in_window"
FROM "match_pm_docs" AS p
JOIN "match_xero_docs" AS x ON x."number" = $prefix || p."number"
JOIN "match_contact_links" AS c ON c."contact_id" = x."contact_id" AND c."customer_id" = p."customer_id"
QUALIFY row_number() OVER (PARTITION BY p."pm_id" ORDER BY x."live" DESC, x."xero_id") = 1;
