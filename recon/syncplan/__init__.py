"""The back-sync's plan (docs/sync.md, "Flow" point 3): every write recon would make in Xero for a
window, in dependency order, with its natural key, payload and dependencies, bound by a hash."""

from recon.syncplan.build import build_plan
from recon.syncplan.known import DuplicatesUndecided
from recon.syncplan.outbox_writes import to_outbox_writes
from recon.syncplan.plan import Left, Plan
from recon.syncplan.write import KINDS, PlannedWrite, placeholder

__all__ = ["KINDS", "DuplicatesUndecided", "Left", "Plan", "PlannedWrite", "build_plan", "placeholder",
           "to_outbox_writes"]
