-- The organisations of the rows still to send or to look up (NULL: not recorded).
SELECT DISTINCT tenant_id FROM outbox WHERE state IN ('planned', 'sending', 'unknown') ORDER BY tenant_id;
