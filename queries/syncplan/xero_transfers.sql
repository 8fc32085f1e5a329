-- Bank transfers in Xero snapshot $xero_snapshot: a Stripe payout already there (sent by Pet
-- Manager, by recon or typed by hand) is one of them.
SELECT "bank_transfer_id", "date", "amount", coalesce("reference", '') AS "reference",
       "from_account_code", "to_account_code"
FROM "xero_bank_transfers"
WHERE "snapshot_id" = $xero_snapshot AND "tenant_id" = $tenant_id
ORDER BY "date", "bank_transfer_id";
