"""The sample business ready for `recon sync`: a workspace on the shared sample export whose codes
are mapped (Pet Manager's Step 2), and the local Xero sandbox holding an organisation with none
of it yet — the books an accountant starts a back-sync from."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from recon.xero_connection import client_factory
from sync.sandbox import Sandbox
from tests.conftest import shared_dir
from tests.push.push_world import mapped_workspace, settings_of

START = dt.date(2024, 1, 1)


def sample_workspace(folder: Path, sandbox: Sandbox) -> Path:
    """A workspace of the sample business connected to `sandbox`'s organisation, snapshots taken, codes mapped."""
    export = shutil.copytree(shared_dir() / "petmanager-export" / "sample", folder / "export")
    for path in export.iterdir():
        path.chmod(0o644)
    ws = mapped_workspace(folder, export, sandbox, client_factory(settings_of(sandbox)), start_date=None)
    return ws.root
