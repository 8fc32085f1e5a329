"""Xero's `Idempotency-Key`: the same key with the same request, within the window (6 minutes),
gets the first response again, byte for byte; the same key with another request is refused."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sync.sandbox.clock import Clock

MAX_KEY_LENGTH = 128


@dataclass(frozen=True)
class StoredResponse:
    fingerprint: str
    status: int
    body: bytes
    media_type: str
    stored_at: float


class IdempotencyStore:
    def __init__(self, window_seconds: float, clock: Clock) -> None:
        self.window_seconds = window_seconds
        self.clock = clock
        self._responses: dict[tuple[str, str], StoredResponse] = {}

    @staticmethod
    def fingerprint(method: str, path: str, query: str, body: bytes) -> str:
        return hashlib.sha256(b"\n".join([method.encode(), path.encode(), query.encode(), body])).hexdigest()

    def recall(self, tenant_id: str, key: str) -> StoredResponse | None:
        stored = self._responses.get((tenant_id, key))
        if stored is None or stored.stored_at <= self.clock.time() - self.window_seconds:
            self._responses.pop((tenant_id, key), None)
            return None
        return stored

    def remember(self, tenant_id: str, key: str, fingerprint: str, status: int, body: bytes,
                 media_type: str) -> None:
        self._forget_expired()
        self._responses[(tenant_id, key)] = StoredResponse(fingerprint, status, body, media_type,
                                                           self.clock.time())

    def _forget_expired(self) -> None:
        cutoff = self.clock.time() - self.window_seconds
        for stored_key in [k for k, v in self._responses.items() if v.stored_at <= cutoff]:
            del self._responses[stored_key]
