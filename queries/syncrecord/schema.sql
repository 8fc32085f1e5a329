-- What each sync run decided, kept so that `recon status` and the reports can show it later.
-- Nothing secret: ids, dates, counts and Pet Manager's reasons only.
CREATE SEQUENCE IF NOT EXISTS sync_run_ids START 1;

-- One row per `recon sync` run: the plan it confirmed, its window, and how it ended.
CREATE TABLE IF NOT EXISTS sync_runs (
    run_id        BIGINT PRIMARY KEY,
    plan_hash     VARCHAR NOT NULL,
    tenant_id     VARCHAR NOT NULL,
    window_from   DATE NOT NULL,
    window_to     DATE,
    on_duplicate  VARCHAR NOT NULL,
    started_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ,
    outcome       VARCHAR,
    summary       JSON NOT NULL
);

-- The Pet Manager records a plan does not write, and why (Plan.skipped, .linked, .held).
CREATE TABLE IF NOT EXISTS sync_left (
    plan_hash      VARCHAR NOT NULL,
    kind           VARCHAR NOT NULL,
    petmanager_id  BIGINT NOT NULL,
    category       VARCHAR NOT NULL CHECK (category IN ('skipped', 'linked', 'held')),
    reason         VARCHAR NOT NULL,
    xero_id        VARCHAR
);

-- A start date recorded for an organisation; one in the future means "nothing moves until then".
CREATE TABLE IF NOT EXISTS sync_starts (
    tenant_id    VARCHAR NOT NULL,
    start_date   DATE NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL
);
