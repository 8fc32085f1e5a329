-- Contacts: by ContactNumber (customers) or by Name (the suppliers Stripe and Pet Manager).
INSERT INTO verify_seen
SELECT d.outbox_id,
       (SELECT count(*) FROM xero_contacts AS x
        WHERE x.snapshot_id = $xero_snapshot AND coalesce(x.contact_status, 'ACTIVE') = 'ACTIVE'
          AND (CASE WHEN d.by_number THEN x.contact_number ELSE x.name END) = d.key),
       f.contact_id IS NOT NULL,
       CASE WHEN d.by_number THEN f.contact_number ELSE f.name END,
       coalesce(f.contact_status, 'ACTIVE') = 'ACTIVE',
       NULL, NULL, NULL
FROM verify_done AS d
LEFT JOIN xero_contacts AS f ON f.snapshot_id = $xero_snapshot AND f.contact_id = d.xero_id
WHERE d.kind = 'contact';
