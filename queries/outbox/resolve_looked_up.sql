-- After a look-up by natural key: found in Xero -> done; not found -> planned again, with no key.
UPDATE outbox
SET state = CASE WHEN $xero_id IS NULL THEN 'planned' ELSE 'done' END,
    xero_id = $xero_id,
    batch_key = CASE WHEN $xero_id IS NULL THEN NULL ELSE batch_key END,
    error = NULL,
    updated_at = now()
WHERE outbox_id = $outbox_id AND state IN ('sending', 'unknown')
RETURNING outbox_id;
