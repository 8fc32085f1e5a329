-- Each done row beside what Xero holds for it (no verify_seen row: a kind verify does not check),
-- with the names of the documents it sits on and was meant for.
SELECT d.kind, d.petmanager_id, d.natural_key, d.xero_id, d.key, d.expected, d.expected_target, d.expected_source,
       s.outbox_id IS NOT NULL AS checked, s.matches, s.found, s.found_key, s.live, s.amount, s.target, s.source,
       coalesce(target.label, s.target) AS target_label,
       coalesce(expected_target.label, d.expected_target) AS expected_target_label,
       coalesce(source.label, s.source) AS source_label,
       coalesce(expected_source.label, d.expected_source) AS expected_source_label
FROM verify_done AS d
LEFT JOIN verify_seen AS s USING (outbox_id)
LEFT JOIN verify_labels AS target ON target.id = s.target
LEFT JOIN verify_labels AS expected_target ON expected_target.id = d.expected_target
LEFT JOIN verify_labels AS source ON source.id = s.source
LEFT JOIN verify_labels AS expected_source ON expected_source.id = d.expected_source
ORDER BY d.seq;
