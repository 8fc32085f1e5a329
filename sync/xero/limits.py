"""Pacing for one Xero organisation, so that normal work never earns a 429.

Xero allows, per organisation, 5 calls in flight, 60 in any rolling minute and a daily budget,
plus a per-app minute limit across organisations. Every response reports what is left
(`X-MinLimit-Remaining`, `X-DayLimit-Remaining`, `X-AppMinLimit-Remaining`). The limiter
counts its own calls in a rolling window and also trusts those headers, since other processes
may be using the same organisation. When Xero does answer 429, the client calls `pause` with
its `Retry-After`, or `day_spent` when the daily budget is the problem.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

from sync.xero.clock import Clock, utc_from_timestamp
from sync.xero.errors import DayLimitReached


@dataclass(frozen=True)
class Limits:
    concurrent: int = 5
    per_minute: int = 60
    window_seconds: float = 60.0
    margin_seconds: float = 1.0  # Xero's clock starts a call's minute when it arrives, a little after we send


class RateLimiter:
    def __init__(self, clock: Clock, limits: Limits = Limits()):
        self._clock = clock
        self._limits = limits
        self._slots = threading.BoundedSemaphore(limits.concurrent)
        self._lock = threading.Lock()
        self._sent: deque[float] = deque()
        self._in_flight = 0
        self._paused_until = 0.0
        self._minute_left: int | None = None
        self._minute_seen_at = 0.0
        self._app_minute_left: int | None = None
        self._app_minute_seen_at = 0.0
        self._day_left: int | None = None
        self._day_resume_at: float | None = None

    @contextmanager
    def slot(self) -> Iterator[None]:
        """Hold one of the in-flight places and wait for the rate windows; release when done."""
        self._slots.acquire()
        try:
            self._wait_turn()
            try:
                yield
            finally:
                with self._lock:
                    self._in_flight -= 1
        finally:
            self._slots.release()

    def observe(self, headers: Mapping[str, str]) -> None:
        """Take Xero's own count of what is left (from any response, 429s included)."""
        now = self._clock.monotonic()
        with self._lock:
            others_in_flight = max(self._in_flight - 1, 0)
            minute = _int(headers.get("X-MinLimit-Remaining"))
            if minute is not None:
                self._minute_left = minute - others_in_flight
                self._minute_seen_at = now
            app_minute = _int(headers.get("X-AppMinLimit-Remaining"))
            if app_minute is not None:
                self._app_minute_left = app_minute - others_in_flight
                self._app_minute_seen_at = now
            day = _int(headers.get("X-DayLimit-Remaining"))
            if day is not None:
                self._day_left = day - others_in_flight

    def pause(self, seconds: float) -> None:
        """Send nothing for `seconds` (Xero's Retry-After)."""
        with self._lock:
            self._paused_until = max(self._paused_until, self._clock.monotonic() + seconds)

    def day_spent(self, retry_after: float) -> DayLimitReached:
        """Remember that the day budget is gone; every later call fails at once without sending."""
        with self._lock:
            self._day_resume_at = self._clock.time() + retry_after
            return DayLimitReached(utc_from_timestamp(self._day_resume_at))

    @property
    def day_left(self) -> int | None:
        return self._day_left

    def _wait_turn(self) -> None:
        while True:
            with self._lock:
                delay = self._delay()
                if delay <= 0:
                    self._record_send()
                    return
            self._clock.sleep(delay)

    def _delay(self) -> float:
        if self._day_resume_at is not None:
            if self._clock.time() < self._day_resume_at:
                raise DayLimitReached(utc_from_timestamp(self._day_resume_at))
            self._day_resume_at = None
        now = self._clock.monotonic()
        window = self._limits.window_seconds + self._limits.margin_seconds
        while self._sent and self._sent[0] <= now - window:
            self._sent.popleft()
        if self._minute_left is not None and self._minute_left <= 0:
            # Xero's count says the minute is spent: wait for our oldest call to leave the window
            # (or a whole window when other processes spent it), then trust the next header.
            oldest = self._sent[0] if self._sent else self._minute_seen_at
            self._paused_until = max(self._paused_until, oldest + window)
            self._minute_left = None
        if self._app_minute_left is not None and self._app_minute_left <= 0:
            self._paused_until = max(self._paused_until, self._app_minute_seen_at + window)
            self._app_minute_left = None
        waits = [self._paused_until - now]
        if len(self._sent) >= self._limits.per_minute:
            waits.append(self._sent[0] + window - now)
        return max(waits)

    def _record_send(self) -> None:
        self._sent.append(self._clock.monotonic())
        self._in_flight += 1
        if self._minute_left is not None:
            self._minute_left -= 1
        if self._app_minute_left is not None:
            self._app_minute_left -= 1
        if self._day_left is not None:
            self._day_left -= 1


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
