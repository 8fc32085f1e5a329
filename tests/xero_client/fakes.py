"""A scripted Xero for unit tests: httpx.MockTransport answering with Xero-shaped responses."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal

import httpx

from sync.xero import FileTokenStore, XeroClient, XeroSettings
from sync.xero.limits import RateLimiter

BASE = "https://api.xero.com"
TENANT = "fe79f7dd-b6d4-4a92-ba7b-538af6289c58"
CLIENT_SECRET = "s3cr3t-client-secret-value"
LIMIT_HEADERS = {"X-MinLimit-Remaining": "59", "X-DayLimit-Remaining": "4999", "X-AppMinLimit-Remaining": "9999"}


class FakeClock:
    """Time that moves only when slept through."""

    def __init__(self) -> None:
        self.wall = 1_764_000_000.0
        self.mono = 1000.0
        self.slept: list[float] = []

    def time(self) -> float:
        return self.wall

    def monotonic(self) -> float:
        return self.mono

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            self.slept.append(seconds)
            self.wall += seconds
            self.mono += seconds


def xero_json(body, status: int = 200, headers: dict | None = None) -> httpx.Response:
    text = json.dumps(body, default=lambda value: float(value) if isinstance(value, Decimal) else str(value))
    return httpx.Response(
        status, content=text.encode(), headers={"Content-Type": "application/json", **LIMIT_HEADERS, **(headers or {})}
    )


def token_answer(access: str = "access-token-1", refresh: str | None = None, expires_in: int = 1800) -> httpx.Response:
    body = {"access_token": access, "expires_in": expires_in, "token_type": "Bearer", "scope": "accounting.invoices"}
    if refresh:
        body["refresh_token"] = refresh
    return httpx.Response(200, json=body)


Responder = httpx.Response | list | Callable[[httpx.Request], httpx.Response]


class FakeXero:
    """Routes by method and path; a list answers in turn (its last item repeats); a callable decides."""

    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], Responder] = {}
        self.requests: list[httpx.Request] = []
        self.on("POST", "/connect/token", lambda request: token_answer())
        self.on("GET", "/connections", xero_json([{"id": "c1", "tenantId": TENANT, "tenantName": "Happy Tails",
                                                     "tenantType": "ORGANISATION"}]))

    def on(self, method: str, path: str, responder: Responder) -> FakeXero:
        self.routes[(method, path)] = list(responder) if isinstance(responder, list) else responder
        return self

    def calls(self, method: str, path: str) -> list[httpx.Request]:
        return [r for r in self.requests if r.method == method and r.url.path == path]

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        responder = self.routes.get((request.method, request.url.path))
        if responder is None:
            return xero_json({"Title": "Not Found", "Status": 404}, status=404)
        if isinstance(responder, list):
            responder = responder.pop(0) if len(responder) > 1 else responder[0]
        if callable(responder) and not isinstance(responder, httpx.Response):
            return responder(request)
        if isinstance(responder, Exception):
            raise responder
        return responder


def settings(**overrides) -> XeroSettings:
    return XeroSettings(client_id="recon-test-client", client_secret=CLIENT_SECRET, **overrides)


def make_client(fake: FakeXero, tmp_path, clock: FakeClock | None = None, **kwargs) -> XeroClient:
    clock = clock or FakeClock()
    return XeroClient(
        kwargs.pop("settings", None) or settings(),
        tenant_id=kwargs.pop("tenant_id", TENANT),
        token_store=kwargs.pop("token_store", None) or FileTokenStore(tmp_path / "tokens.json"),
        transport=fake.transport(),
        clock=clock,
        limiter=kwargs.pop("limiter", None) or RateLimiter(clock),
        lock_dir=tmp_path,
    )


def api(path: str) -> str:
    return f"/api.xro/2.0/{path}"
