-- Contact groups by name among active groups; a membership ("CN17 in Pet Manager Customers") by
-- the group's name among the groups of the contact it was meant for.
INSERT INTO verify_seen
SELECT d.outbox_id,
       (SELECT count(*) FROM xero_contact_groups AS x
        WHERE x.snapshot_id = $xero_snapshot AND x.name = d.key AND coalesce(x.status, 'ACTIVE') = 'ACTIVE'),
       f.contact_group_id IS NOT NULL, f.name, coalesce(f.status, 'ACTIVE') = 'ACTIVE',
       NULL, NULL, NULL
FROM verify_done AS d
LEFT JOIN xero_contact_groups AS f ON f.snapshot_id = $xero_snapshot AND f.contact_group_id = d.xero_id
WHERE d.kind = 'contact_group'
UNION ALL
SELECT d.outbox_id, CAST(member AS BIGINT), member, CASE WHEN member THEN d.key END, member, NULL,
       CASE WHEN member THEN d.expected_target END, NULL
FROM (
    SELECT d.*, coalesce((SELECT list_contains(c.group_names, regexp_extract(d.natural_key, ' in (.*)$', 1))
                          FROM xero_contacts AS c
                          WHERE c.snapshot_id = $xero_snapshot AND c.contact_id = d.expected_target), false) AS member
    FROM verify_done AS d
    WHERE d.kind = 'contact_group_member'
) AS d;
