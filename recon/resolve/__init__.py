"""`recon resolve`: the accountant's decision on each suspected duplicate of the check — the same
record (link it, never push it) or a different one (push it). Decisions are kept in the workspace
with time, who and why; `recon sync` obeys them and later reports show them."""

from recon.resolve.decision import DECISIONS, Decision, default_person
from recon.resolve.from_csv import apply_csv
from recon.resolve.store import current_decisions, decision_history, record_decisions
from recon.resolve.suspects import latest_run, suspects, unresolved

__all__ = ["DECISIONS", "Decision", "apply_csv", "current_decisions", "decision_history", "default_person",
           "latest_run", "record_decisions", "suspects", "unresolved"]
