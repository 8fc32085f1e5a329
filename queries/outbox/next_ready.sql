-- The kind, entity and method of the first ready row (by seq): the next batch is of those.
SELECT kind, entity, method FROM outbox_ready ORDER BY seq LIMIT 1;
