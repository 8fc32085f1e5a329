-- The lines of every credit note of snapshot $snapshot_id, in Pet Manager's order.
SELECT * EXCLUDE ("snapshot_id", "_row")
FROM "pm_credit_note_lines"
WHERE "snapshot_id" = $snapshot_id
ORDER BY "credit_note_id", "line_number";
