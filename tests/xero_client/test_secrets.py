"""Secrets never reach logs or reprs."""

import logging

import httpx

from sync.xero import FileTokenStore
from sync.xero.auth import store_key
from sync.xero.tokens import Token
from xero_client.fakes import CLIENT_SECRET, FakeClock, FakeXero, api, make_client, settings, token_answer, xero_json

ACCESS = "eyJhbGciOi-access-token-secret"
REFRESH = "refresh-token-secret-1234"
NEW_REFRESH = "refresh-token-secret-5678"


def test_no_secret_in_logs_or_reprs(tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    store = FileTokenStore(tmp_path / "tokens.json")
    store.save(store_key(settings()), Token("expired-access-secret", 0.0, REFRESH))
    fake = FakeXero().on("POST", "/connect/token", token_answer(ACCESS, refresh=NEW_REFRESH))
    fake.on("GET", api("Accounts"), [httpx.Response(503, text="busy"), xero_json({"Accounts": []})])
    fake.on("PUT", api("Contacts"), xero_json({"Contacts": [{"Name": "A", "StatusAttributeString": "OK"}]}))
    clock = FakeClock()
    with make_client(fake, tmp_path, clock, token_store=store) as xero:
        list(xero.iter_records("Accounts"))
        xero.write("Contacts", [{"Name": "A"}], idempotency_key="k")
        shown = repr(xero) + repr(xero._tokens) + repr(store) + repr(store.load(store_key(settings())))
    logged = caplog.text + shown
    assert "Accounts" in caplog.text, "the test did log something"
    for secret in (ACCESS, REFRESH, NEW_REFRESH, CLIENT_SECRET, "expired-access-secret"):
        assert secret not in logged
