"""The periodic audit (issue 6): `run_audit(ws, period_from=, period_to=, tenant_id=None,
take_snapshots=True) -> AuditResult` (recon/audit/result.py). The engine is `engine.audit_sides`;
runs are kept by `store.py`; the SQL is in queries/audit/."""

from recon.audit.result import AuditResult
from recon.audit.run import run_audit

__all__ = ["AuditResult", "run_audit"]
