"""Fault injection: make chosen requests fail the ways the real Xero (and the network) do.

Each fault matches by HTTP method and path prefix and fires a number of times (`times`) or
with a probability (`probability`, drawn from a seeded generator). Kinds:

- "status": answer with a status code and a Xero-like JSON body, or a plain-text body;
- "rate_limit": a 429 with `X-Rate-Limit-Problem` and `Retry-After` (a storm, with times=N);
- "latency": wait `seconds` before handling the request normally;
- "drop_after_commit": handle and commit the request, then cut the connection part-way
  through the response body (the client cannot know whether the write happened).
"""

from __future__ import annotations

import random
import threading
import uuid
from dataclasses import asdict, dataclass, field

KINDS = ("status", "rate_limit", "latency", "drop_after_commit")


@dataclass
class Fault:
    kind: str
    path: str = "/api.xro/2.0/"  # path prefix
    method: str = "*"
    times: int | None = 1  # None: unlimited (use with probability)
    probability: float | None = None
    status: int = 503
    text: str | None = None  # plain-text body instead of JSON
    problem: str = "minute"  # for rate_limit
    retry_after: int = 1
    seconds: float = 0.0  # for latency
    fault_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    fired: int = 0

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; one of {', '.join(KINDS)}")
        if self.probability is not None and not 0 <= self.probability <= 1:
            raise ValueError("probability must be between 0 and 1")
        self.method = self.method.upper()

    def matches(self, method: str, path: str) -> bool:
        return (self.method in ("*", method)) and path.startswith(self.path) and self.times != 0

    def to_json(self) -> dict:
        return asdict(self)


class Faults:
    """The faults armed on one sandbox (thread-safe: tests arm them from another thread)."""

    def __init__(self, seed: int = 0) -> None:
        self._faults: list[Fault] = []
        self._random = random.Random(seed)
        self._lock = threading.Lock()

    def add(self, fault: Fault) -> Fault:
        with self._lock:
            self._faults.append(fault)
        return fault

    def fail(self, status: int = 503, *, text: str | None = None, path: str = "/api.xro/2.0/",
             method: str = "*", times: int | None = 1, probability: float | None = None) -> Fault:
        """Answer with `status` (a Xero-like JSON body, or `text` as plain text)."""
        return self.add(Fault("status", path, method, times, probability, status=status, text=text))

    def rate_limit(self, *, problem: str = "minute", retry_after: int = 1, path: str = "/api.xro/2.0/",
                   method: str = "*", times: int | None = 1, probability: float | None = None) -> Fault:
        """Answer 429 with `X-Rate-Limit-Problem: problem` and `Retry-After: retry_after`."""
        return self.add(Fault("rate_limit", path, method, times, probability, status=429, problem=problem,
                              retry_after=retry_after))

    def delay(self, seconds: float, *, path: str = "/api.xro/2.0/", method: str = "*",
              times: int | None = 1, probability: float | None = None) -> Fault:
        """Wait before handling the request."""
        return self.add(Fault("latency", path, method, times, probability, seconds=seconds))

    def drop_after_commit(self, *, path: str = "/api.xro/2.0/", method: str = "*", times: int | None = 1,
                          probability: float | None = None) -> Fault:
        """Commit the request, then break the connection part-way through the response."""
        return self.add(Fault("drop_after_commit", path, method, times, probability))

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def armed(self) -> list[Fault]:
        with self._lock:
            return list(self._faults)

    def draw(self, method: str, path: str) -> list[Fault]:
        """The faults that fire for this request (each counted as fired)."""
        fired = []
        with self._lock:
            for fault in self._faults:
                if not fault.matches(method, path):
                    continue
                if fault.probability is not None and self._random.random() >= fault.probability:
                    continue
                fault.fired += 1
                if fault.times is not None:
                    fault.times -= 1
                fired.append(fault)
        return fired
