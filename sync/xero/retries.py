"""When to try a request again, and how long to wait first.

A `Retryable` failure is one that is safe to try again: nothing was sent, or the request is a
read, or it is a write that will carry the same Idempotency-Key. `RetryBudget` says when to
stop: after 5 failures, after 10 rate-limit answers, and for writes before Xero forgets the
key (it replays a key's first answer for 6 minutes; we stop at 5).
"""

from __future__ import annotations

from email.utils import parsedate_to_datetime

import httpx
from tenacity import RetryCallState, wait_exponential

from sync.xero.clock import Clock

MAX_FAILED_ATTEMPTS = 5
MAX_RATE_LIMITED_ATTEMPTS = 10
IDEMPOTENCY_SECONDS = 300.0
_backoff = wait_exponential(multiplier=1, max=30)


class Retryable(Exception):
    """One attempt failed in a way that is safe to retry."""

    def __init__(self, reason: str, *, unknown: bool = False, rate_limited: bool = False, wait: float | None = None):
        super().__init__(reason)
        self.reason = reason
        self.unknown = unknown  # the request may have been carried out
        self.rate_limited = rate_limited
        self.wait = wait  # seconds before the next attempt; None: exponential backoff


class RetryBudget:
    """The stop rule for one request (a tenacity `stop`), remembering every failure."""

    def __init__(self, clock: Clock, *, is_write: bool):
        self._clock = clock
        self._started = clock.monotonic()
        self._is_write = is_write
        self.failures: list[Retryable] = []

    def __call__(self, state: RetryCallState) -> bool:
        rate_limited = sum(1 for failure in self.failures if failure.rate_limited)
        if rate_limited >= MAX_RATE_LIMITED_ATTEMPTS or len(self.failures) - rate_limited >= MAX_FAILED_ATTEMPTS:
            return True
        next_attempt_at = self._clock.monotonic() - self._started + state.upcoming_sleep
        return self._is_write and next_attempt_at > IDEMPOTENCY_SECONDS

    @property
    def outcome_unknown(self) -> bool:
        """A write whose earlier attempt may have been carried out."""
        return self._is_write and any(failure.unknown for failure in self.failures)


def wait_before_next(state: RetryCallState) -> float:
    """Retry-After when Xero gave one, no wait after a token refresh, else exponential backoff."""
    error = state.outcome.exception() if state.outcome else None
    if isinstance(error, Retryable) and error.wait is not None:
        return error.wait
    return _backoff(state)


def retry_after(response: httpx.Response, clock: Clock) -> float | None:
    """Seconds from a `Retry-After` header (seconds or an HTTP date)."""
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        try:
            return max(parsedate_to_datetime(value).timestamp() - clock.time(), 0.0)
        except (TypeError, ValueError):
            return None
