-- Overpayments recon already sent: its key `PM-OVP-<overpayment id>` opens the Reference of the
-- Xero bank transaction that made the overpayment (sync/payloads/overpayment.py). Pet Manager's own
-- sync leaves no key, so its overpayments are matched as suspected duplicates, never linked.
CREATE OR REPLACE TEMP TABLE "match_money_links" AS
SELECT pm."pm_id", x."xero_id", CAST(NULL AS VARCHAR) AS "invoice_number", pm."in_window",
       'Reference ' || split_part(x."reference", ' ', 1) AS "how"
FROM "match_pm_money" AS pm
JOIN "match_xero_money" AS x
  ON split_part(x."reference", ' ', 1) = 'PM-OVP-' || CAST(pm."pm_id" AS VARCHAR) AND x."live"
QUALIFY row_number() OVER (PARTITION BY pm."pm_id" ORDER BY x."xero_id") = 1;
