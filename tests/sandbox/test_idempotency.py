"""Idempotency-Key: the same key and body replays the first response; another body is refused;
the key lasts only the window (6 minutes by default)."""

from __future__ import annotations

from xerohttp import Xero, body, client_credentials_token, invoice, start_with


def test_same_key_same_body_replays_the_first_response(xero):
    key = {"Idempotency-Key": "push-1"}
    first = xero.put("/Invoices", {"Invoices": [invoice()]}, headers=key)
    second = xero.put("/Invoices", {"Invoices": [invoice()]}, headers=key)
    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    assert len(body(xero.get("/Invoices"))["Invoices"]) == 1


def test_a_failed_write_is_replayed_too(xero):
    bad = invoice()
    bad["LineItems"][0]["AccountCode"] = "999"
    key = {"Idempotency-Key": "push-2"}
    first = xero.put("/Invoices", bad, headers=key)
    assert first.status_code == 400
    assert xero.put("/Invoices", bad, headers=key).content == first.content


def test_same_key_other_body_is_refused(xero):
    key = {"Idempotency-Key": "push-3"}
    assert xero.put("/Invoices", invoice(), headers=key).status_code == 200
    other = xero.put("/Invoices", invoice(amounts=("99.00",)), headers=key)
    assert other.status_code == 400
    assert "Idempotency-Key" in body(other)["Detail"]
    assert len(body(xero.get("/Invoices"))["Invoices"]) == 1


def test_keys_expire_after_the_window():
    with start_with(idempotency_seconds=60) as sandbox:
        xero = Xero(sandbox)
        key = {"Idempotency-Key": "push-4"}
        xero.put("/Invoices", invoice(), headers=key)
        sandbox.clock.advance(61)
        xero.token = client_credentials_token(sandbox)  # the old one expired too
        assert xero.put("/Invoices", invoice(), headers=key).status_code == 200
        assert len(body(xero.get("/Invoices"))["Invoices"]) == 2


def test_keys_are_limited_to_128_characters(xero):
    assert xero.put("/Invoices", invoice(), headers={"Idempotency-Key": "k" * 129}).status_code == 400
