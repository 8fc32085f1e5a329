"""The workspace: one folder holding `recon.toml` and `recon.duckdb`.

Users can open `recon.duckdb` with the duckdb CLI; nothing secret is ever written to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

import queries
from recon.config import CONFIG_NAME, Config, read_config
from recon.errors import BadInput, Located

DB_NAME = "recon.duckdb"
SCHEMA_VERSION = "1"


@dataclass(frozen=True)
class Workspace:
    root: Path

    @property
    def config_path(self) -> Path:
        return self.root / CONFIG_NAME

    @property
    def db_path(self) -> Path:
        return self.root / DB_NAME

    @property
    def reports_dir(self) -> Path:
        return self.root / "reports"

    def config(self) -> Config:
        return read_config(self.root)

    def connect(self) -> duckdb.DuckDBPyConnection:
        """Open the workspace database, creating the workspace tables if they are missing."""
        con = duckdb.connect(str(self.db_path))
        con.execute("SET enable_progress_bar = false")
        con.execute(queries.load("workspace/schema"))
        con.execute(
            "INSERT INTO workspace_meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING", [SCHEMA_VERSION]
        )
        return con


def open_workspace(path: Path | None) -> Workspace:
    """The workspace at `path`, or the one in the current folder; refuses a folder without recon.toml."""
    root = (path or Path.cwd()).resolve()
    if not (root / CONFIG_NAME).exists():
        raise BadInput([Located(str(root), None, None, "not a recon workspace (no recon.toml): run `recon init` first")])
    return Workspace(root)
