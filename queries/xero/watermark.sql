-- Per entity of a snapshot: the newest UpdatedDateUTC (the next incremental read starts there),
-- what came over the wire and how many requests it took.
INSERT INTO xero_watermarks
SELECT $snapshot_id, $entity, max(updated_at), $fetched, $requests
FROM xero_records WHERE snapshot_id = $snapshot_id AND entity = $entity;
