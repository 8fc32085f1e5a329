-- $count fresh outbox ids, in increasing order.
SELECT nextval('outbox_ids') AS outbox_id FROM range($count) ORDER BY outbox_id;
