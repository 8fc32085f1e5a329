-- The Stripe clearing account over the period: Pet Manager's Stripe charges, fees (Stripe's and
-- Pet Manager's) and payouts, against the movement on the clearing account in Xero (money in by
-- payments, bank transactions and transfers, less money out).
SELECT
    (SELECT coalesce(sum("amount"), 0) FROM "pm_payments"
     WHERE "snapshot_id" = $pm_snapshot AND "method" = 'stripe' AND "status" = 'completed'
       AND list_contains($locations, "location_id") AND "payment_date" BETWEEN $period_from AND $period_to) AS "charges",
    (SELECT coalesce(sum(coalesce("stripe_fee", 0) + coalesce("platform_fee", 0)), 0) FROM "pm_payments"
     WHERE "snapshot_id" = $pm_snapshot AND "method" = 'stripe' AND "status" = 'completed'
       AND list_contains($locations, "location_id") AND "payment_date" BETWEEN $period_from AND $period_to) AS "fees",
    (SELECT coalesce(sum("amount"), 0) FROM "pm_stripe_payouts"
     WHERE "snapshot_id" = $pm_snapshot AND list_contains($locations, "location_id")
       AND "payout_date" BETWEEN $period_from AND $period_to) AS "payouts",
    (SELECT coalesce(sum(CASE WHEN "payment_type" IN ('ACCRECPAYMENT', 'APCREDITPAYMENT', 'APOVERPAYMENTPAYMENT')
                              THEN "amount" ELSE -"amount" END), 0)
     FROM "xero_payments"
     WHERE "snapshot_id" = $xero_snapshot AND "tenant_id" = $tenant_id AND "account_code" = $clearing_account
       AND coalesce("status", '') <> 'DELETED' AND "date" BETWEEN $period_from AND $period_to)
    + (SELECT coalesce(sum(CASE WHEN starts_with("type", 'RECEIVE') THEN "total" ELSE -"total" END), 0)
       FROM "xero_bank_transactions"
       WHERE "snapshot_id" = $xero_snapshot AND "tenant_id" = $tenant_id AND "bank_account_code" = $clearing_account
         AND coalesce("status", '') NOT IN ('DELETED', 'VOIDED') AND "date" BETWEEN $period_from AND $period_to)
    + (SELECT coalesce(sum(CASE WHEN "to_account_code" = $clearing_account THEN "amount" ELSE 0 END
                           - CASE WHEN "from_account_code" = $clearing_account THEN "amount" ELSE 0 END), 0)
       FROM "xero_bank_transfers"
       WHERE "snapshot_id" = $xero_snapshot AND "tenant_id" = $tenant_id AND "date" BETWEEN $period_from AND $period_to)
    AS "xero_balance";
