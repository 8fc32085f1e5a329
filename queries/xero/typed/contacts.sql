-- A contact's phones are kept as typed (area code and number joined); addresses prefer STREET over POBOX.
INSERT INTO xero_contacts
SELECT r.snapshot_id, r.tenant_id, r.raw->>'ContactID', r.raw->>'Name', r.raw->>'FirstName', r.raw->>'LastName',
       r.raw->>'ContactNumber', r.raw->>'AccountNumber', r.raw->>'ContactStatus', r.raw->>'EmailAddress',
       [concat_ws(' ', p->>'PhoneCountryCode', p->>'PhoneAreaCode', p->>'PhoneNumber')
        FOR p IN CAST(COALESCE(r.raw->'Phones', '[]') AS JSON[])
        IF coalesce(p->>'PhoneNumber', '') <> ''],
       a.line1, a.city, a.region, a.postal_code,
       CAST(r.raw->>'IsCustomer' AS BOOLEAN), CAST(r.raw->>'IsSupplier' AS BOOLEAN),
       [g->>'Name' FOR g IN CAST(COALESCE(r.raw->'ContactGroups', '[]') AS JSON[])],
       xero_ts(r.raw->>'UpdatedDateUTC')
FROM xero_records AS r
LEFT JOIN LATERAL (
    SELECT x->>'AddressLine1' AS line1, x->>'City' AS city, x->>'Region' AS region, x->>'PostalCode' AS postal_code
    FROM unnest(CAST(COALESCE(r.raw->'Addresses', '[]') AS JSON[])) AS t(x)
    WHERE coalesce(x->>'AddressLine1', x->>'City', x->>'PostalCode') IS NOT NULL
    ORDER BY (x->>'AddressType' = 'STREET') DESC
    LIMIT 1
) AS a ON true
WHERE r.snapshot_id = $snapshot_id AND r.entity = 'Contacts';
