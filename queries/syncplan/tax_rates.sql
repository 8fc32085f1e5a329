-- The organisation's tax rates in Xero snapshot $xero_snapshot: TaxType and EffectiveRate (percent).
SELECT "tax_type", "effective_rate"
FROM "xero_tax_rates"
WHERE "snapshot_id" = $xero_snapshot AND "tenant_id" = $tenant_id
ORDER BY "tax_type";
