-- Each pair with what is compared side by side (contacts excluded: found_contacts.sql compares
-- them); the words (numbers, names, statuses) are fetched by pm_row/x_row only for the few pairs
-- that differ. `xero_customer_id`: the customer whose contact the Xero record is on;
-- `in_period`: either side is dated in the period.
CREATE OR REPLACE TEMP TABLE "audit_joined" AS
SELECT a."kind", p."pm_id", x."xero_id", a."pm_row", a."x_row", p."customer_id", x."linked_customer_id" AS "xero_customer_id",
       p."day" AS "pm_day", x."day" AS "xero_day", p."amount" AS "pm_amount", x."amount" AS "xero_amount",
       p."live" AS "pm_live", x."live" AS "xero_live", p."credited" AS "pm_credited", x."credited" AS "xero_credited",
       x."invoice_row" AS "xero_invoice_row", p."in_period" OR x."in_period" AS "in_period"
FROM "audit_pairs" AS a
JOIN "audit_pm" AS p ON p."pm_row" = a."pm_row"
JOIN "audit_xero" AS x ON x."x_row" = a."x_row"
WHERE a."kind" <> 'contact';
