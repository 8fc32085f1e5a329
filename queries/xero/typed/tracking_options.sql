INSERT INTO xero_tracking_options
SELECT r.snapshot_id, r.tenant_id, r.raw->>'TrackingCategoryID', r.raw->>'Name', r.raw->>'Status',
       o.value->>'TrackingOptionID', o.value->>'Name', o.value->>'Status'
FROM xero_records AS r, json_each(r.raw, '$.Options') AS o
WHERE r.snapshot_id = $snapshot_id AND r.entity = 'TrackingCategories';
