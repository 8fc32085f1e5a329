"""Every request the sandbox answered (method, path, status, tenant), for tests and benchmarks
to count calls; an ASGI middleware fills it."""

from __future__ import annotations

import threading
from dataclasses import dataclass


@dataclass(frozen=True)
class LoggedRequest:
    method: str
    path: str
    status: int
    tenant_id: str | None


class RequestLog:
    def __init__(self) -> None:
        self._entries: list[LoggedRequest] = []
        self._lock = threading.Lock()

    def append(self, entry: LoggedRequest) -> None:
        with self._lock:
            self._entries.append(entry)

    def entries(self) -> list[LoggedRequest]:
        with self._lock:
            return list(self._entries)

    def count(self, method: str | None = None, path_prefix: str = "", status: int | None = None) -> int:
        return sum(1 for e in self.entries() if (method is None or e.method == method)
                   and e.path.startswith(path_prefix) and (status is None or e.status == status))

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self.entries())


class RequestLogMiddleware:
    def __init__(self, app, log: RequestLog) -> None:
        self.app = app
        self.log = log

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        tenant = dict(scope["headers"]).get(b"xero-tenant-id")
        logged = False

        def note(status: int) -> None:
            self.log.append(LoggedRequest(scope["method"], scope["path"], status,
                                          tenant.decode() if tenant else None))

        async def send_and_note(message) -> None:
            nonlocal logged
            if message["type"] == "http.response.start":
                note(message["status"])  # before the client can see the answer
                logged = True
            await send(message)

        try:
            await self.app(scope, receive, send_and_note)
        finally:
            if not logged:
                note(500)
