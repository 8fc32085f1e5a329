"""What each sync run decided, kept in the workspace (tables sync_runs, sync_left, sync_starts)."""

from recon.syncrecord.store import (
    CATEGORIES,
    OUTCOMES,
    CreatedRow,
    LeftRow,
    SyncRun,
    created_of,
    finish_run,
    get_run,
    latest_runs,
    left_of,
    pending_start,
    record_plan,
    record_start,
    short_code,
)

__all__ = ["CATEGORIES", "OUTCOMES", "CreatedRow", "LeftRow", "SyncRun", "created_of", "finish_run", "get_run",
           "latest_runs", "left_of", "pending_start", "record_plan", "record_start", "short_code"]
