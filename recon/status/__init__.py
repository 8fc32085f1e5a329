"""`recon status`: the accounting dashboard of the back-sync, read from the workspace."""

from recon.status.advice import advice
from recon.status.status import COUNTS, GROUPS, FailureRow, KindStatus, Status, status_in, sync_status

__all__ = ["COUNTS", "GROUPS", "FailureRow", "KindStatus", "Status", "advice", "status_in", "sync_status"]
