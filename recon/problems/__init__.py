"""Every reason a back-sync would fail or go wrong, found before anything is written.

`find_problems(con, config=..., pm_snapshot=..., xero_snapshot=..., tenant_id=..., window=...)`
returns `recon.check.findings.Problem` records, each a sentence saying what is wrong with which
record and what to do about it; `blocking=True` when the sync must not start while it stands.
"""

from recon.problems.find import find_problems

__all__ = ["find_problems"]
