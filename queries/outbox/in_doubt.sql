-- Rows whose fate is unknown: left sending by a crash, or marked unknown after a write.
SELECT * FROM outbox WHERE state IN ('sending', 'unknown') ORDER BY seq;
