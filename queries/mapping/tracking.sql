SELECT category_name, category_status, option_name, option_status
FROM xero_tracking_options WHERE snapshot_id = $snapshot_id ORDER BY category_name, option_name;
