"""What can go wrong talking to Xero, as exceptions the CLI turns into one sentence and an exit code.

`XeroConfigError` is bad local configuration (exit 2); every other `XeroError` is Xero or the
network (exit 3). Each message is one sentence a person can act on.
"""

from __future__ import annotations

from datetime import datetime


class XeroError(Exception):
    """Base class; `exit_code` is what the CLI ends with."""

    exit_code = 3


class XeroConfigError(XeroError):
    """Missing or invalid settings (credentials, URLs): nothing was sent."""

    exit_code = 2


class XeroAuthError(XeroError):
    """Xero refused the credentials or the token, or the user has no access to the organisation."""


class XeroUnavailable(XeroError):
    """Xero (or the network) kept failing after the retries that are safe."""


class XeroRequestError(XeroError):
    """Xero rejected the request (4xx); `message` is Xero's own text."""

    def __init__(self, status: int, message: str):
        self.status = status
        self.message = message
        super().__init__(f"Xero rejected the request (HTTP {status}): {message}")


class DayLimitReached(XeroError):
    """The organisation's daily call budget is spent; work can resume at `resume_at` (UTC)."""

    def __init__(self, resume_at: datetime):
        self.resume_at = resume_at
        super().__init__(
            f"Xero's daily API limit for this organisation is used up; run again after "
            f"{resume_at:%Y-%m-%d %H:%M} UTC."
        )


class WriteOutcomeUnknown(XeroError):
    """A write may or may not have been committed: look the records up by their natural key."""

    def __init__(self, entity: str, idempotency_key: str, reason: str):
        self.entity = entity
        self.idempotency_key = idempotency_key
        self.reason = reason
        super().__init__(
            f"Xero did not confirm the {entity} write with key {idempotency_key} ({reason}); "
            f"look the records up before sending them again."
        )
