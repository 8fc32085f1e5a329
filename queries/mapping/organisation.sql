SELECT name, country_code, base_currency FROM xero_organisation WHERE snapshot_id = $snapshot_id;
