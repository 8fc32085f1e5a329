"""`recon rehearse`'s building blocks (issue 5, "Rehearsal"): the whole sync tried first against a
local sandbox loaded from the latest Xero snapshot, in a copy of the workspace.

- `sandbox_state_from_snapshot(con, tenant_id, snapshot_id=None) -> dict`: the sandbox state document;
- `rehearsal_workspace(ws, dest=None) -> Workspace`: the workspace copied to `dest` (default
  `<workspace>/rehearsal`), sync tables empty;
- `start_rehearsal(ws, dest=None) -> Rehearsal` (context manager): both, with the sandbox running;
- `sandbox_differences(state, loaded) -> list[Difference]`: figures the sandbox computes unlike Xero.
"""

from recon.rehearse.fidelity import Difference, sandbox_differences
from recon.rehearse.session import Rehearsal, start_rehearsal
from recon.rehearse.state import sandbox_state_for_organisations, sandbox_state_from_snapshot
from recon.rehearse.workspace_copy import default_rehearsal_dir, rehearsal_workspace

__all__ = ["Difference", "Rehearsal", "default_rehearsal_dir", "rehearsal_workspace", "sandbox_differences",
           "sandbox_state_for_organisations", "sandbox_state_from_snapshot", "start_rehearsal"]
