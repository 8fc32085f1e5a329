-- Overpayments carry no Pet Manager key in Xero: nothing links them exactly.
CREATE OR REPLACE TEMP TABLE "match_money_links" AS
SELECT CAST(NULL AS BIGINT) AS "pm_id", CAST(NULL AS VARCHAR) AS "xero_id",
       CAST(NULL AS VARCHAR) AS "invoice_number", CAST(NULL AS BOOLEAN) AS "in_window"
WHERE false;
