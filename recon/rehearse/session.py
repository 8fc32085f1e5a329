"""A rehearsal: the workspace copied aside and a local Xero sandbox holding the organisation as the
latest Xero snapshot saw it, so the whole sync can be tried first on a copy of the real books.

    with start_rehearsal(ws, dest) as rehearsal:
        ...  # run the sync on rehearsal.workspace with rehearsal.client_for
        rehearsal.sandbox.dump(dest / "xero-after.json")

Closing the block stops the sandbox; the copied workspace (and its reports) stays in `dest`.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from recon.rehearse.fidelity import Difference, sandbox_differences
from recon.rehearse.state import sandbox_state_for_organisations
from recon.rehearse.workspace_copy import rehearsal_workspace
from recon.snapshot.run import ClientFactory
from recon.workspace import Workspace
from recon.xero_connection import client_factory
from sync.sandbox import Sandbox, SandboxConfig
from sync.xero.settings import XeroSettings


@dataclass(frozen=True)
class Rehearsal:
    workspace: Workspace  # the copy in `dest`; the real workspace is never opened for writing
    settings: XeroSettings  # pointing at the sandbox, with the sandbox's own client
    sandbox: Sandbox  # running on loopback until the block ends (dump it to keep the result)
    differences: tuple[Difference, ...] = ()  # figures the sandbox computes unlike Xero (fidelity.py)

    @property
    def client_for(self) -> ClientFactory:
        """tenant id -> a XeroClient talking to the sandbox."""
        return client_factory(self.settings)


@contextmanager
def start_rehearsal(ws: Workspace, dest: Path | None = None, *, config: SandboxConfig = SandboxConfig(),
                    port: int = 0) -> Iterator[Rehearsal]:
    """Copy `ws` to `dest` (default `<workspace>/rehearsal`), load every configured organisation's
    latest Xero snapshot into a sandbox on 127.0.0.1 (Xero's own limits unless `config` says
    otherwise) and yield the rehearsal, with every figure the sandbox computes differently from the
    snapshot in `differences`. The caller must not hold the real workspace's database open."""
    copy = rehearsal_workspace(ws, dest)
    tenant_ids = [org.tenant_id for org in copy.config().organisations]
    con = copy.connect()
    try:
        state = sandbox_state_for_organisations(con, tenant_ids)
    finally:
        con.close()
    with Sandbox.start(state=state, config=config, port=port) as sandbox:
        settings = XeroSettings(client_id=sandbox.client_id, client_secret=sandbox.client_secret,
                                base_url=sandbox.base_url, identity_url=sandbox.base_url,
                                login_url=sandbox.base_url)
        differences = tuple(sandbox_differences(state, sandbox.state_document()))
        yield Rehearsal(copy, settings, sandbox, differences)
