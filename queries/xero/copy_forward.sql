-- An incremental snapshot: the records of the previous snapshot that did not change since are
-- copied into the new one, so that every snapshot is complete.
INSERT INTO xero_records
SELECT $snapshot_id, p.tenant_id, p.entity, p.record_id, p.updated_at, p.raw
FROM xero_records AS p
WHERE p.snapshot_id = $previous AND p.entity = $entity
  AND NOT EXISTS (
      SELECT 1 FROM xero_records AS n
      WHERE n.snapshot_id = $snapshot_id AND n.entity = $entity AND n.record_id = p.record_id
  );
