-- The outbox (docs/sync.md, Flow 5): one row per write the confirmed plan intends, inserted before
-- anything is sent, then moved planned -> sending -> done | failed | held | unknown.
-- depends_on lists the outbox_ids that must be done before this row may be sent.
CREATE SEQUENCE IF NOT EXISTS outbox_ids START 1;

CREATE TABLE IF NOT EXISTS outbox (
    outbox_id     BIGINT PRIMARY KEY,
    plan_hash     VARCHAR NOT NULL,
    seq           INTEGER NOT NULL,
    kind          VARCHAR NOT NULL,
    petmanager_id VARCHAR,
    natural_key   VARCHAR NOT NULL,
    entity        VARCHAR NOT NULL,
    method        VARCHAR NOT NULL,
    payload       JSON NOT NULL,
    depends_on    BIGINT[] NOT NULL,
    state         VARCHAR NOT NULL CHECK (state IN ('planned', 'sending', 'done', 'failed', 'held', 'unknown')),
    batch_key     VARCHAR,
    xero_id       VARCHAR,
    error         VARCHAR,
    attempts      INTEGER NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (plan_hash, seq)
);

-- The Xero organisation the plan writes to (NULL for outboxes written before it was recorded).
ALTER TABLE outbox ADD COLUMN IF NOT EXISTS tenant_id VARCHAR;
