-- Every check run is kept, with what it found, so later reports and the sync can refer to it.
CREATE SEQUENCE IF NOT EXISTS check_run_ids START 1;

CREATE TABLE IF NOT EXISTS check_runs (
    run_id         INTEGER PRIMARY KEY,
    ran_at         TIMESTAMPTZ NOT NULL,
    window_start   DATE NOT NULL,
    window_end     DATE,
    pm_snapshot    INTEGER NOT NULL,
    xero_snapshots JSON NOT NULL,   -- tenant id -> snapshot id
    summary        JSON NOT NULL
);

CREATE TABLE IF NOT EXISTS check_links (
    run_id INTEGER NOT NULL, tenant_id VARCHAR NOT NULL, kind VARCHAR NOT NULL,
    petmanager_id BIGINT NOT NULL, xero_id VARCHAR NOT NULL, how VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS check_duplicates (
    run_id INTEGER NOT NULL, tenant_id VARCHAR NOT NULL, kind VARCHAR NOT NULL,
    petmanager_id BIGINT NOT NULL, xero_id VARCHAR NOT NULL, confidence DOUBLE NOT NULL,
    tier VARCHAR NOT NULL, reasons VARCHAR[] NOT NULL
);

CREATE TABLE IF NOT EXISTS check_problems (
    run_id INTEGER NOT NULL, tenant_id VARCHAR, kind VARCHAR NOT NULL, blocking BOOLEAN NOT NULL,
    message VARCHAR NOT NULL, record_kind VARCHAR, petmanager_id BIGINT, xero_id VARCHAR
);
