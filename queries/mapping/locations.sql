SELECT location_id, name FROM pm_locations WHERE snapshot_id = $snapshot_id ORDER BY location_id;
