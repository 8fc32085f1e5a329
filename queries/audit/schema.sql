-- Every audit run is kept, with every difference it found; `first_seen` is carried forward from
-- the earlier runs of the same organisation, so a difference keeps the time it was first found.
CREATE SEQUENCE IF NOT EXISTS audit_run_ids START 1;

CREATE TABLE IF NOT EXISTS audit_runs (
    run_id              INTEGER PRIMARY KEY,
    tenant_id           VARCHAR NOT NULL,
    organisation        VARCHAR NOT NULL,
    period_from         DATE NOT NULL,
    period_to           DATE NOT NULL,
    started_at          TIMESTAMPTZ NOT NULL,
    petmanager_snapshot INTEGER NOT NULL,
    xero_snapshot       INTEGER NOT NULL,
    previous_run_id     INTEGER,
    open_differences    INTEGER NOT NULL,
    amount              DECIMAL(18, 2) NOT NULL,   -- sum of |Pet Manager less Xero| over the differences
    summary             JSON NOT NULL
);

CREATE TABLE IF NOT EXISTS audit_differences (
    run_id            INTEGER NOT NULL,
    position          INTEGER NOT NULL,            -- index in the run's list (TotalRow.explained_by)
    category          VARCHAR NOT NULL,
    kind              VARCHAR NOT NULL,
    petmanager_id     VARCHAR,
    xero_id           VARCHAR,
    number            VARCHAR,
    contact           VARCHAR,
    day               DATE,
    petmanager_amount DECIMAL(18, 2),
    xero_amount       DECIMAL(18, 2),
    fields            VARCHAR[] NOT NULL,
    detail            VARCHAR NOT NULL,
    why               VARCHAR,
    first_seen        TIMESTAMPTZ NOT NULL
);
