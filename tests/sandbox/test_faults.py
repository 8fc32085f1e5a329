"""Fault injection: status codes (JSON and plain text), 429 storms, latency, and commit then
drop — the case that makes a naive retry create a duplicate. Also the HTTP admin endpoint."""

from __future__ import annotations

import time

import httpx
import pytest
from xerohttp import Xero, body, invoice, start_with


def test_status_fault_with_a_xero_json_body(sandbox, xero):
    sandbox.faults.fail(500, times=1)
    failed = xero.get("/Organisation")
    assert failed.status_code == 500 and body(failed)["Status"] == 500
    assert xero.get("/Organisation").status_code == 200


def test_plain_text_503_matching_method_and_path(sandbox, xero):
    sandbox.faults.fail(503, text="Service Unavailable", method="PUT", path="/api.xro/2.0/Invoices", times=2)
    assert xero.get("/Invoices").status_code == 200
    failed = xero.put("/Invoices", invoice())
    assert failed.status_code == 503 and failed.text == "Service Unavailable"
    assert failed.headers["content-type"].startswith("text/plain")
    assert xero.put("/Invoices", invoice()).status_code == 503
    assert xero.put("/Invoices", invoice()).status_code == 200
    assert len(body(xero.get("/Invoices"))["Invoices"]) == 1  # the failed writes wrote nothing


def test_rate_limit_storm(sandbox, xero):
    sandbox.faults.rate_limit(times=3, retry_after=2)
    answers = [xero.get("/Organisation") for _ in range(4)]
    assert [a.status_code for a in answers] == [429, 429, 429, 200]
    assert answers[0].headers["Retry-After"] == "2" and answers[0].headers["X-Rate-Limit-Problem"] == "minute"


def test_latency(sandbox, xero):
    sandbox.faults.delay(0.3)
    started = time.perf_counter()
    assert xero.get("/Organisation").status_code == 200
    assert time.perf_counter() - started >= 0.3


def test_commit_then_drop_makes_a_naive_retry_duplicate(sandbox, xero):
    sandbox.faults.drop_after_commit(method="PUT", path="/api.xro/2.0/Invoices")
    with pytest.raises(httpx.RemoteProtocolError):
        xero.put("/Invoices", {"Invoices": [invoice(Type="ACCPAY", InvoiceNumber="BILL-1")]})
    assert xero.put("/Invoices", {"Invoices": [invoice(Type="ACCPAY", InvoiceNumber="BILL-1")]}).status_code == 200
    assert len(body(xero.get("/Invoices"))["Invoices"]) == 2  # the write happened twice


def test_commit_then_drop_with_an_idempotency_key_is_safe(sandbox, xero):
    sandbox.faults.drop_after_commit(method="PUT")
    key = {"Idempotency-Key": "bill-1"}
    element = {"Invoices": [invoice(Type="ACCPAY", InvoiceNumber="BILL-1")]}
    with pytest.raises(httpx.RemoteProtocolError):
        xero.put("/Invoices", element, headers=key)
    retried = xero.put("/Invoices", element, headers=key)
    assert retried.status_code == 200
    assert len(body(xero.get("/Invoices"))["Invoices"]) == 1


def test_probability_faults_are_seeded():
    def pattern() -> list[int]:
        with start_with(seed=7) as sandbox:
            sandbox.faults.fail(503, text="Service Unavailable", probability=0.5, times=None)
            xero = Xero(sandbox)
            return [xero.get("/Organisation").status_code for _ in range(12)]

    first = pattern()
    assert first == pattern()
    assert set(first) == {200, 503}


def test_http_admin_endpoint(sandbox, xero):
    admin = httpx.Client(base_url=sandbox.base_url)
    created = admin.post("/_sandbox/faults", json={"kind": "status", "status": 502, "text": "Bad Gateway"})
    assert created.status_code == 201 and created.json()["kind"] == "status"
    assert [f["status"] for f in admin.get("/_sandbox/faults").json()] == [502]
    assert xero.get("/Organisation").status_code == 502
    admin.post("/_sandbox/faults", json={"kind": "latency", "seconds": 5, "times": None})
    assert admin.delete("/_sandbox/faults").status_code == 204
    assert xero.get("/Organisation").status_code == 200
    assert admin.post("/_sandbox/faults", json={"kind": "meteor"}).status_code == 400
    log = admin.get("/_sandbox/requests").json()
    assert {"method": "GET", "path": "/api.xro/2.0/Organisation", "status": 502,
            "tenant_id": sandbox.tenant_id} in log
