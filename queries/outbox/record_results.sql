-- Xero's answer for each element of a batch that was sent (the registered table "results").
UPDATE outbox
SET state = CASE WHEN results.ok THEN 'done' ELSE 'failed' END,
    xero_id = results.xero_id,
    error = results.error,
    updated_at = now()
FROM results
WHERE outbox.outbox_id = results.outbox_id AND outbox.state = 'sending'
RETURNING outbox.outbox_id;
