-- Ready rows of one kind, entity and method, in seq order: at most $max_size.
SELECT * FROM outbox_ready
WHERE kind = $kind AND entity = $entity AND method = $method
ORDER BY seq
LIMIT $max_size;
