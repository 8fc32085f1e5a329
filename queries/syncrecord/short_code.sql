-- The organisation's ShortCode (Xero's deep links name the organisation with it), from its latest snapshot.
SELECT short_code FROM xero_organisation
WHERE tenant_id = $tenant_id AND snapshot_id = (SELECT max(snapshot_id) FROM xero_organisation WHERE tenant_id = $tenant_id);
