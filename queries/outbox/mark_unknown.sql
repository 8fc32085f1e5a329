-- Xero may or may not have committed the batch: look its rows up before sending them again.
UPDATE outbox
SET state = 'unknown', updated_at = now()
WHERE list_contains($ids, outbox_id) AND state = 'sending'
RETURNING outbox_id;
