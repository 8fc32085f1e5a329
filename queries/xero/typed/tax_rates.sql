INSERT INTO xero_tax_rates
SELECT snapshot_id, tenant_id, raw->>'TaxType', raw->>'Name', raw->>'Status',
       CAST(raw->>'EffectiveRate' AS DECIMAL(9, 4)),
       CAST(raw->>'CanApplyToRevenue' AS BOOLEAN), CAST(raw->>'CanApplyToExpenses' AS BOOLEAN)
FROM xero_records WHERE snapshot_id = $snapshot_id AND entity = 'TaxRates';
