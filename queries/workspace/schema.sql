-- The workspace's own tables. Snapshot data tables (pm_*, xero_*) are created by the snapshot
-- code from the typed tables it loads; every one of them carries snapshot_id.
CREATE SEQUENCE IF NOT EXISTS snapshot_ids START 1;

CREATE TABLE IF NOT EXISTS workspace_meta (
    "key"   VARCHAR PRIMARY KEY,
    "value" VARCHAR NOT NULL
);

-- One row per finished snapshot. A snapshot's row is written in the same transaction as its
-- data, so a failed snapshot leaves nothing behind.
CREATE TABLE IF NOT EXISTS snapshots (
    snapshot_id  INTEGER PRIMARY KEY,
    side         VARCHAR NOT NULL CHECK (side IN ('petmanager', 'xero')),
    tenant_id    VARCHAR,
    mode         VARCHAR NOT NULL CHECK (mode IN ('full', 'incremental')),
    source       VARCHAR NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL,
    finished_at  TIMESTAMPTZ NOT NULL,
    counts       JSON NOT NULL
);

-- Per Xero snapshot and entity: the newest UpdatedDateUTC seen (the next incremental read asks
-- for changes since it), how many records came over the wire and how many requests it took.
CREATE TABLE IF NOT EXISTS xero_watermarks (
    snapshot_id      INTEGER NOT NULL,
    entity           VARCHAR NOT NULL,
    high_water_mark  TIMESTAMP,
    fetched          INTEGER NOT NULL,
    requests         INTEGER NOT NULL,
    PRIMARY KEY (snapshot_id, entity)
);
