-- The accountant's decisions on suspected duplicates (`recon resolve`). Appended, never updated:
-- the current decision for a pair is its latest row (highest decision_id); older rows are history.
-- A decision belongs to the pair, not to a check run, so it holds whenever a later check finds
-- the same pair again. 'same': link it, never push it; 'different': push it.
CREATE SEQUENCE IF NOT EXISTS duplicate_decision_ids START 1;

CREATE TABLE IF NOT EXISTS duplicate_decisions (
    decision_id   BIGINT PRIMARY KEY,
    tenant_id     VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL,
    petmanager_id BIGINT NOT NULL,
    xero_id       VARCHAR NOT NULL,
    decision      VARCHAR NOT NULL CHECK (decision IN ('same', 'different')),
    decided_at    TIMESTAMPTZ NOT NULL,
    decided_by    VARCHAR NOT NULL,
    why           VARCHAR NOT NULL,
    check_run_id  INTEGER NOT NULL
);
