"""The sample business ready for `recon sync`: a workspace on the shared sample export whose codes
are mapped (Pet Manager's Step 2), and the local Xero sandbox holding an organisation with none
of it yet — the books an accountant starts a back-sync from."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import tomlkit

from recon.init import create_workspace
from recon.mapping.run import map_codes
from recon.snapshot.run import take_snapshots
from recon.xero_connection import client_factory
from sync.sandbox import Sandbox
from tests.conftest import shared_dir
from tests.push.push_world import MAPPING, settings_of

START = dt.date(2024, 1, 1)


def sample_workspace(folder: Path, sandbox: Sandbox) -> Path:
    """A workspace of the sample business connected to `sandbox`'s organisation, snapshots taken, codes mapped."""
    export = shutil.copytree(shared_dir() / "petmanager-export" / "sample", folder / "export")
    for path in export.iterdir():
        path.chmod(0o644)
    ws = create_workspace(folder / "workspace", export, tenant_ids=list(sandbox.tenant_ids),
                          invoice_prefix="INV", credit_note_prefix="")
    take_snapshots(ws, petmanager=True, xero=True, client_for=client_factory(settings_of(sandbox)),
                   source=sandbox.base_url)
    map_codes(ws)
    document = tomlkit.parse(ws.config_path.read_text(encoding="utf-8"))
    for table, values in MAPPING.items():
        for code, account in values.items():
            document["mapping"][table][code] = account
    ws.config_path.write_text(tomlkit.dumps(document), encoding="utf-8")
    return ws.root
