-- The lines of every invoice of snapshot $snapshot_id, in Pet Manager's order.
SELECT * EXCLUDE ("snapshot_id", "_row")
FROM "pm_invoice_lines"
WHERE "snapshot_id" = $snapshot_id
ORDER BY "invoice_id", "line_number";
