"""Xero's rate limits: per organisation 5 calls at once, 60 a minute, 5,000 a day; per app
10,000 a minute. Sliding windows whose lengths come from SandboxConfig so tests can run fast."""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass

from sync.sandbox.clock import Clock
from sync.sandbox.config import SandboxConfig


@dataclass(frozen=True)
class Verdict:
    problem: str | None  # None when allowed; else "concurrent", "minute", "day" or "appminute"
    retry_after: int
    headers: dict[str, str]


class RateLimiter:
    def __init__(self, config: SandboxConfig, clock: Clock) -> None:
        self.config = config
        self.clock = clock
        self._minute: dict[str, deque[float]] = {}
        self._day: dict[str, deque[float]] = {}
        self._app: dict[str, deque[float]] = {}
        self._in_flight: dict[str, int] = {}

    def admit(self, tenant_id: str, app_id: str) -> Verdict:
        """Count a call if every limit allows it; otherwise say which limit refused it."""
        now = self.clock.time()
        minute = self._window(self._minute, tenant_id, now, self.config.minute_seconds)
        day = self._window(self._day, tenant_id, now, self.config.day_seconds)
        app = self._window(self._app, app_id, now, self.config.minute_seconds)
        if len(day) >= self.config.day_limit:
            return self._refuse("day", day, now, self.config.day_seconds, minute, day, app)
        if len(app) >= self.config.app_minute_limit:
            return self._refuse("appminute", app, now, self.config.minute_seconds, minute, day, app)
        if len(minute) >= self.config.minute_limit:
            return self._refuse("minute", minute, now, self.config.minute_seconds, minute, day, app)
        if self._in_flight.get(tenant_id, 0) >= self.config.concurrent_limit:
            return Verdict("concurrent", 1, self._headers(minute, day, app))
        minute.append(now)
        day.append(now)
        app.append(now)
        self._in_flight[tenant_id] = self._in_flight.get(tenant_id, 0) + 1
        return Verdict(None, 0, self._headers(minute, day, app))

    def release(self, tenant_id: str) -> None:
        """An admitted call has finished (the concurrent limit counts calls in progress)."""
        self._in_flight[tenant_id] = max(0, self._in_flight.get(tenant_id, 0) - 1)

    def headers(self, tenant_id: str, app_id: str) -> dict[str, str]:
        """The remaining-calls headers as they stand, without counting a call."""
        now = self.clock.time()
        return self._headers(self._window(self._minute, tenant_id, now, self.config.minute_seconds),
                             self._window(self._day, tenant_id, now, self.config.day_seconds),
                             self._window(self._app, app_id, now, self.config.minute_seconds))

    @staticmethod
    def _window(windows: dict[str, deque[float]], key: str, now: float, length: float) -> deque[float]:
        calls = windows.setdefault(key, deque())
        while calls and calls[0] <= now - length:
            calls.popleft()
        return calls

    def _refuse(self, problem, calls, now, length, minute, day, app) -> Verdict:
        retry_after = max(1, math.ceil(calls[0] + length - now))
        return Verdict(problem, retry_after, self._headers(minute, day, app))

    def _headers(self, minute, day, app) -> dict[str, str]:
        return {
            "X-DayLimit-Remaining": str(max(0, self.config.day_limit - len(day))),
            "X-MinLimit-Remaining": str(max(0, self.config.minute_limit - len(minute))),
            "X-AppMinLimit-Remaining": str(max(0, self.config.app_minute_limit - len(app))),
        }
