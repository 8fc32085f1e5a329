INSERT INTO xero_organisation
SELECT snapshot_id, tenant_id, raw->>'OrganisationID', raw->>'Name', raw->>'LegalName', raw->>'ShortCode',
       raw->>'CountryCode', raw->>'BaseCurrency', raw->>'OrganisationStatus',
       xero_date(raw->>'PeriodLockDate'), xero_date(raw->>'EndOfYearLockDate')
FROM xero_records WHERE snapshot_id = $snapshot_id AND entity = 'Organisation';
