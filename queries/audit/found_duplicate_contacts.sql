-- New hand-entered duplicates of synced contacts: a live Xero contact, created or changed in the
-- period (contacts carry no date of their own), that is not Pet Manager's own but carries exactly
-- one customer's name (as audit_loose reads names: without the CN suffix), while that customer's
-- own contact is in Xero too. Documents typed on it are found by found_duplicates.sql; the contact
-- itself is listed here so it can be merged in Xero.
INSERT INTO "audit_found"
WITH "unique_names" AS (
    SELECT "customer_id", "name_text" FROM "audit_customers"
    QUALIFY count(*) OVER (PARTITION BY "name_text") = 1
)
SELECT 'new_duplicate', 'contact', n."customer_id", x."contact_id", x."contact_number", x."name", NULL, NULL, NULL,
       [], 'typed by hand: a second contact for the customer whose own contact is ''' || own."name" || '''', NULL
FROM "audit_xero_contacts" AS x
JOIN "unique_names" AS n ON n."name_text" = x."name_text"
ANTI JOIN "audit_contact_links" AS l ON l."contact_id" = x."contact_id"
JOIN "audit_pairs" AS p ON p."kind" = 'contact' AND p."pm_id" = n."customer_id"
JOIN "audit_xero_contacts" AS own ON own."contact_id" = p."xero_id"
WHERE coalesce(x."contact_status", 'ACTIVE') = 'ACTIVE'
  AND CAST(x."updated_at" AS DATE) BETWEEN $period_from AND $period_to;
