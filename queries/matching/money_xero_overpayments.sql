-- Xero overpayments received (RECEIVE-OVERPAYMENT), with the bank account of the transaction
-- that brought them in. Voided and deleted ones are not live.
CREATE OR REPLACE TEMP TABLE "match_xero_money" AS
SELECT o."overpayment_id" AS "xero_id", o."contact_id", o."contact_name",
       CAST(NULL AS VARCHAR) AS "invoice_id", CAST(NULL AS VARCHAR) AS "invoice_number",
       o."date", match_cents(o."total") AS "cents", b."bank_account_code" AS "account_code", b."reference",
       coalesce(o."status", '') NOT IN ('VOIDED', 'DELETED') AS "live"
FROM "xero_overpayments" AS o
LEFT JOIN "xero_bank_transactions" AS b
  ON b."overpayment_id" = o."overpayment_id" AND b."snapshot_id" = o."snapshot_id" AND b."tenant_id" = o."tenant_id"
WHERE o."snapshot_id" = $xero_snapshot AND o."tenant_id" = $tenant_id AND o."type" = 'RECEIVE-OVERPAYMENT'
QUALIFY row_number() OVER (PARTITION BY o."overpayment_id" ORDER BY b."bank_transaction_id") = 1;
