-- Written before the request goes out: the batch's Idempotency-Key and one more attempt.
UPDATE outbox
SET state = 'sending', batch_key = $batch_key, attempts = attempts + 1, error = NULL, updated_at = now()
WHERE list_contains($ids, outbox_id) AND state = 'planned'
RETURNING outbox_id;
