"""The sandbox's notion of now: real time plus an offset that tests can move forward."""

from __future__ import annotations

import time
from datetime import datetime, timezone


class Clock:
    def __init__(self, offset_seconds: float = 0.0) -> None:
        self.offset_seconds = offset_seconds

    def time(self) -> float:
        """Seconds since the epoch, as the sandbox sees them."""
        return time.time() + self.offset_seconds

    def now(self) -> datetime:
        """The current UTC time, with millisecond precision as Xero keeps it."""
        moment = datetime.fromtimestamp(self.time(), tz=timezone.utc)
        return moment.replace(microsecond=moment.microsecond // 1000 * 1000)

    def advance(self, seconds: float) -> None:
        """Jump forward (tokens expire, idempotency keys lapse, windows roll)."""
        self.offset_seconds += seconds
