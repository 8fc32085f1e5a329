"""Sign-in: client credentials, and refresh tokens that rotate, are saved before use and never raced."""

import threading
import time
from urllib.parse import parse_qs

import httpx
import pytest

from sync.xero import FileTokenStore, Token, XeroAuthError, XeroConfigError, XeroUnavailable
from sync.xero.auth import ClientCredentials, RefreshingTokens, store_key, token_source
from sync.xero.clock import SystemClock
from xero_client.fakes import CLIENT_SECRET, FakeClock, FakeXero, api, make_client, settings, token_answer, xero_json


def form(request: httpx.Request) -> dict[str, str]:
    return {name: values[0] for name, values in parse_qs(request.content.decode()).items()}


def saved_sign_in(store, *, refresh="refresh-1", access="old-access", expires_at=0.0, tenants=()):
    store.save(store_key(settings()), Token(access, expires_at, refresh, "offline_access", tenants))


def test_client_credentials_are_fetched_once_and_reused(tmp_path):
    fake = FakeXero().on("GET", api("Accounts"), xero_json({"Accounts": []}))
    with make_client(fake, tmp_path) as xero:
        list(xero.iter_records("Accounts"))
        list(xero.iter_records("Accounts"))
    (token_request,) = fake.calls("POST", "/connect/token")
    assert form(token_request) == {"grant_type": "client_credentials"}
    assert token_request.headers["Authorization"].startswith("Basic ")
    assert fake.calls("GET", api("Accounts"))[0].headers["Authorization"] == "Bearer access-token-1"


def test_client_credentials_are_fetched_again_when_they_expire(tmp_path):
    clock = FakeClock()
    fake = FakeXero().on("GET", api("Accounts"), xero_json({"Accounts": []}))
    with make_client(fake, tmp_path, clock) as xero:
        list(xero.iter_records("Accounts"))
        clock.sleep(1800)
        list(xero.iter_records("Accounts"))
    assert len(fake.calls("POST", "/connect/token")) == 2


def test_custom_connection_without_secret_names_the_variable(tmp_path):
    with pytest.raises(XeroConfigError, match="XERO_CLIENT_SECRET"):
        token_source(settings().__class__(client_id="x"), FileTokenStore(tmp_path / "t.json"))


def test_wrong_client_secret_is_a_configuration_error(tmp_path):
    fake = FakeXero().on("POST", "/connect/token", httpx.Response(400, json={"error": "invalid_client"}))
    with make_client(fake, tmp_path) as xero:
        with pytest.raises(XeroConfigError, match="XERO_CLIENT_ID/XERO_CLIENT_SECRET") as caught:
            list(xero.iter_records("Accounts"))
    assert caught.value.exit_code == 2


def test_token_endpoint_unreachable_is_unavailable(tmp_path):
    fake = FakeXero().on("POST", "/connect/token", httpx.ConnectError("no route"))
    with make_client(fake, tmp_path) as xero:
        with pytest.raises(XeroUnavailable, match="sign-in server"):
            list(xero.iter_records("Accounts"))
    assert len(fake.calls("POST", "/connect/token")) == 4


def test_refresh_rotates_and_saves_before_use(tmp_path):
    store = FileTokenStore(tmp_path / "tokens.json")
    saved_sign_in(store, tenants=("t-1",))
    order = []
    original_save = store.save
    store.save = lambda key, token: (order.append("saved"), original_save(key, token))
    fake = FakeXero().on("POST", "/connect/token", lambda request: (
        order.append("refreshed"), token_answer("new-access", refresh="refresh-2"))[1])
    fake.on("GET", api("Accounts"), lambda request: (order.append("used"), xero_json({"Accounts": []}))[1])
    with make_client(fake, tmp_path, token_store=store, tenant_id=None) as xero:
        list(xero.iter_records("Accounts"))
        assert xero.tenant_id == "t-1"
    assert order == ["refreshed", "saved", "used"]
    assert form(fake.calls("POST", "/connect/token")[0])["refresh_token"] == "refresh-1"
    rotated = store.load(store_key(settings()))
    assert (rotated.refresh_token, rotated.access_token, rotated.tenant_ids) == ("refresh-2", "new-access", ("t-1",))


def test_a_failed_save_drops_the_new_token_and_keeps_the_old(tmp_path):
    store = FileTokenStore(tmp_path / "tokens.json")
    saved_sign_in(store)

    def broken_save(key, token):
        raise OSError("disk full")

    store.save = broken_save
    fake = FakeXero().on("POST", "/connect/token", token_answer("new-access", refresh="refresh-2"))
    with make_client(fake, tmp_path, token_store=store) as xero:
        with pytest.raises(XeroAuthError, match="30 minutes"):
            list(xero.iter_records("Accounts"))
    assert fake.calls("GET", api("Accounts")) == []
    assert store.load(store_key(settings())).refresh_token == "refresh-1"


def test_a_lost_refresh_answer_is_retried_with_the_same_refresh_token(tmp_path):
    store = FileTokenStore(tmp_path / "tokens.json")
    saved_sign_in(store)
    fake = FakeXero().on("POST", "/connect/token", [httpx.ReadTimeout("lost"), token_answer("a2", refresh="refresh-2")])
    fake.on("GET", api("Accounts"), xero_json({"Accounts": []}))
    with make_client(fake, tmp_path, token_store=store) as xero:
        list(xero.iter_records("Accounts"))
    assert [form(r)["refresh_token"] for r in fake.calls("POST", "/connect/token")] == ["refresh-1", "refresh-1"]


def test_a_revoked_sign_in_says_run_recon_connect(tmp_path):
    store = FileTokenStore(tmp_path / "tokens.json")
    saved_sign_in(store)
    fake = FakeXero().on("POST", "/connect/token", httpx.Response(400, json={"error": "invalid_grant"}))
    with make_client(fake, tmp_path, token_store=store) as xero:
        with pytest.raises(XeroAuthError, match="recon connect"):
            list(xero.iter_records("Accounts"))


def test_a_fresh_saved_token_is_used_without_refreshing(tmp_path):
    store = FileTokenStore(tmp_path / "tokens.json")
    clock = FakeClock()
    saved_sign_in(store, access="still-good", expires_at=clock.wall + 900)
    fake = FakeXero().on("GET", api("Accounts"), xero_json({"Accounts": []}))
    with make_client(fake, tmp_path, clock, token_store=store) as xero:
        list(xero.iter_records("Accounts"))
    assert fake.calls("POST", "/connect/token") == []
    assert fake.calls("GET", api("Accounts"))[0].headers["Authorization"] == "Bearer still-good"


def test_two_processes_never_refresh_at_once(tmp_path):
    """Two token sources (as two processes would) share the store and the lock file: one refresh only."""
    store = FileTokenStore(tmp_path / "tokens.json")
    saved_sign_in(store)
    served = []

    def refresh(request):
        time.sleep(0.2)
        served.append(form(request)["refresh_token"])
        return token_answer(f"access-{len(served)}", refresh=f"refresh-{len(served) + 1}")

    transport = FakeXero().on("POST", "/connect/token", refresh).transport()
    sources = [RefreshingTokens(settings(), store, transport=transport, clock=SystemClock(), lock_dir=tmp_path)
               for _ in range(2)]
    results = []
    threads = [threading.Thread(target=lambda s=s: results.append(s.access_token())) for s in sources]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert served == ["refresh-1"]
    assert results == ["access-1", "access-1"]


def test_a_401_after_another_process_refreshed_picks_up_its_token(tmp_path):
    store = FileTokenStore(tmp_path / "tokens.json")
    clock = FakeClock()
    saved_sign_in(store, access="mine", expires_at=clock.wall + 900)
    fake = FakeXero().on("GET", api("Accounts"), lambda request: xero_json({"Accounts": []})
                         if request.headers["Authorization"] == "Bearer theirs"
                         else xero_json({"Title": "Unauthorized", "Status": 401}, status=401))
    with make_client(fake, tmp_path, clock, token_store=store) as xero:
        saved_sign_in(store, access="theirs", refresh="refresh-9", expires_at=clock.wall + 1800)
        list(xero.iter_records("Accounts"))
    assert fake.calls("POST", "/connect/token") == []


def test_sources_are_chosen_by_what_is_saved(tmp_path):
    store = FileTokenStore(tmp_path / "tokens.json")
    assert isinstance(token_source(settings(), store), ClientCredentials)
    saved_sign_in(store)
    assert isinstance(token_source(settings(), store, lock_dir=tmp_path), RefreshingTokens)
    assert CLIENT_SECRET not in repr(token_source(settings(), store, lock_dir=tmp_path))
