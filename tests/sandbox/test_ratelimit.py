"""Rate limits per organisation: headers on every response; 429 with X-Rate-Limit-Problem and
Retry-After for the minute, day and concurrent limits (windows shortened by the config)."""

from __future__ import annotations

import threading
import time

from xerohttp import Xero, start_with


def test_every_response_carries_the_remaining_limits(xero):
    first = xero.get("/Organisation")
    second = xero.get("/Contacts")
    assert first.headers["X-MinLimit-Remaining"] == "59" and second.headers["X-MinLimit-Remaining"] == "58"
    assert second.headers["X-DayLimit-Remaining"] == "4998"
    assert second.headers["X-AppMinLimit-Remaining"] == "9998"


def test_minute_limit_gives_429_then_recovers():
    with start_with(minute_limit=3, minute_seconds=1.0) as sandbox:
        xero = Xero(sandbox)
        assert [xero.get("/Organisation").status_code for _ in range(3)] == [200, 200, 200]
        refused = xero.get("/Organisation")
        assert refused.status_code == 429
        assert refused.headers["X-Rate-Limit-Problem"] == "minute"
        assert refused.headers["Retry-After"] == "1"
        assert refused.headers["X-MinLimit-Remaining"] == "0"
        time.sleep(float(refused.headers["Retry-After"]) + 0.05)
        assert xero.get("/Organisation").status_code == 200


def test_day_limit():
    with start_with(day_limit=2) as sandbox:
        xero = Xero(sandbox)
        xero.get("/Organisation")
        xero.get("/Organisation")
        refused = xero.get("/Organisation")
        assert refused.status_code == 429
        assert refused.headers["X-Rate-Limit-Problem"] == "day"
        assert int(refused.headers["Retry-After"]) > 86000


def test_app_minute_limit():
    with start_with(app_minute_limit=1) as sandbox:
        xero = Xero(sandbox)
        xero.get("/Organisation")
        assert xero.get("/Organisation").headers["X-Rate-Limit-Problem"] == "appminute"


def test_concurrent_limit():
    with start_with(concurrent_limit=2) as sandbox:
        slow = sandbox.faults.delay(1.0, path="/api.xro/2.0/Contacts", times=None)
        clients = [Xero(sandbox) for _ in range(3)]
        statuses = []
        threads = [threading.Thread(target=lambda c=c: statuses.append(c.get("/Contacts").status_code))
                   for c in clients[:2]]
        for thread in threads:
            thread.start()
        while slow.fired < 2:  # both slow calls admitted and in progress
            time.sleep(0.01)
        refused = clients[2].get("/Organisation")
        for thread in threads:
            thread.join()
        assert statuses == [200, 200]
        assert refused.status_code == 429 and refused.headers["X-Rate-Limit-Problem"] == "concurrent"
        assert clients[2].get("/Organisation").status_code == 200


def test_request_log_counts_calls(sandbox, xero):
    xero.get("/Organisation")
    xero.get("/Contacts")
    assert sandbox.request_log.count("GET", "/api.xro/2.0/") == 2
    entry = sandbox.request_log.entries()[-1]
    assert (entry.method, entry.path, entry.status, entry.tenant_id) == (
        "GET", "/api.xro/2.0/Contacts", 200, sandbox.tenant_id)
