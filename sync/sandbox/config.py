"""The sandbox's tunable numbers: Xero's limits and lifetimes, shortened by tests where useful."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SandboxConfig:
    """Limits and lifetimes. Defaults are Xero's own; tests shorten the windows."""

    concurrent_limit: int = 5
    minute_limit: int = 60
    day_limit: int = 5000
    app_minute_limit: int = 10000
    minute_seconds: float = 60.0
    day_seconds: float = 86400.0
    access_token_seconds: float = 1800.0
    refresh_token_seconds: float = 60 * 86400.0
    refresh_grace_seconds: float = 1800.0
    authorization_code_seconds: float = 300.0
    idempotency_seconds: float = 360.0
    clock_offset_seconds: float = 0.0
    seed: int = 0
    app_name: str = "recon sandbox"
