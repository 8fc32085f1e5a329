SELECT tax_type, name, status, effective_rate, can_apply_to_revenue
FROM xero_tax_rates WHERE snapshot_id = $snapshot_id ORDER BY tax_type;
