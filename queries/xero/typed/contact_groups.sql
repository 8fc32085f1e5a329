INSERT INTO xero_contact_groups
SELECT snapshot_id, tenant_id, raw->>'ContactGroupID', raw->>'Name', raw->>'Status'
FROM xero_records WHERE snapshot_id = $snapshot_id AND entity = 'ContactGroups';
