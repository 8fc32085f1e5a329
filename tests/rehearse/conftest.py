"""A real workspace to rehearse on: the demo business, its Xero organisation served by a sandbox,
snapshotted through the real client (demo -> sandbox -> snapshot, as `recon demo` does)."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

import pytest

from recon.demo import generate_demo
from recon.init import create_workspace
from recon.snapshot.run import take_snapshots
from recon.workspace import Workspace
from recon.xero_connection import client_factory
from sync.sandbox import Sandbox
from sync.xero.settings import XeroSettings

def sandbox_settings(sandbox: Sandbox) -> XeroSettings:
    return XeroSettings(client_id=sandbox.client_id, client_secret=sandbox.client_secret,
                        base_url=sandbox.base_url, identity_url=sandbox.base_url, login_url=sandbox.base_url)


@pytest.fixture(scope="session")
def demo_workspace(tmp_path_factory) -> Workspace:
    """Never changed by a test: copy it (`workspace_copy`) before writing into it."""
    out = tmp_path_factory.mktemp("rehearse-demo")
    data = generate_demo(out / "data", seed=11, size=0.3)
    with Sandbox.start(state=data.xero_state) as sandbox:
        ws = create_workspace(out / "workspace", data.petmanager, tenant_ids=list(sandbox.tenant_ids),
                              start_date=dt.date(2025, 1, 1), invoice_prefix="INV", credit_note_prefix="")
        take_snapshots(ws, petmanager=True, xero=True, client_for=client_factory(sandbox_settings(sandbox)),
                       source=sandbox.base_url)
    return ws


@pytest.fixture
def settings_for():
    """`settings_for(sandbox) -> XeroSettings` pointing recon's client at that sandbox."""
    return sandbox_settings


@pytest.fixture
def workspace_copy(demo_workspace, tmp_path) -> Workspace:
    """A private copy of the demo workspace, free to change."""
    root = tmp_path / "real-workspace"
    shutil.copytree(demo_workspace.root, root)
    return Workspace(root)


@pytest.fixture
def tenant_id(demo_workspace) -> str:
    return demo_workspace.config().organisations[0].tenant_id


def tree_hashes(root: Path) -> dict[str, str]:
    """sha256 of every file below `root`, by relative path."""
    return {str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*")) if path.is_file()}


@pytest.fixture
def hashes():
    return tree_hashes


@pytest.fixture
def typed_rows():
    """`typed_rows(con, table, snapshot_id)`: the rows of `xero_<table>` for one snapshot, every
    column but the snapshot id, as text, sorted."""

    def rows(con, table: str, snapshot_id: int) -> list[tuple]:
        columns = [name for (name,) in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = ? AND column_name <> 'snapshot_id' "
            "ORDER BY column_index", [f"xero_{table}"]).fetchall()]
        selected = ", ".join(f'CAST("{c}" AS VARCHAR)' for c in columns)
        return sorted(con.execute(f'SELECT {selected} FROM "xero_{table}" WHERE snapshot_id = ?',
                                  [snapshot_id]).fetchall(), key=lambda row: tuple(str(v) for v in row))

    return rows
