"""The client over real HTTP against the local sandbox: sign-in, paging, writes, faults, limits.

The client is built exactly as for api.xero.com; only the three URLs point at the sandbox.
Every accounting request and response is also checked against Xero's OpenAPI spec when the
contract harness (tests/contract) is available.
"""

import uuid
from datetime import timedelta

import httpx
import pytest

from sync.xero import DayLimitReached, FileTokenStore, WriteOutcomeUnknown, XeroAuthError, XeroClient, XeroSettings
from sync.xero.callback import CallbackListener
from sync.xero.connect import finish_sign_in, remember_organisations, start_sign_in
from sync.xero.clock import SystemClock
from sync.xero.dates import parse_datetime
from sync.xero.limits import Limits, RateLimiter

sandbox = pytest.importorskip("sync.sandbox")
Sandbox, SandboxConfig = sandbox.Sandbox, sandbox.SandboxConfig

try:
    from contract.transport import ContractCheckingTransport
except ImportError:  # the harness is optional for these tests
    ContractCheckingTransport = None


def settings_for(sb, **overrides) -> XeroSettings:
    return XeroSettings(client_id=sb.client_id, client_secret=sb.client_secret, base_url=sb.base_url,
                        identity_url=sb.base_url, login_url=sb.base_url, **overrides)


@pytest.fixture
def checked():
    """A real HTTP transport, wrapped in the spec checker when there is one."""
    if ContractCheckingTransport is None:
        yield httpx.HTTPTransport()
        return
    transport = ContractCheckingTransport(httpx.HTTPTransport(), raise_at_once=False)
    yield transport
    transport.assert_clean()


def client_for(sb, tmp_path, transport=None, **kwargs) -> XeroClient:
    return XeroClient(settings_for(sb), token_store=FileTokenStore(tmp_path / "tokens.json"),
                      transport=transport, lock_dir=tmp_path, **kwargs)


def contacts(count: int, prefix: str = "Customer") -> list[dict]:
    return [{"ContactID": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{prefix}-{n}")), "Name": f"{prefix} {n:05d}",
             "ContactNumber": f"CN{n}", "EmailAddress": f"c{n}@example.com"} for n in range(count)]


def state_with(**records) -> dict:
    from sync.sandbox.defaults import default_state

    state = default_state()
    state["organisations"][0].update(records)
    return state


def test_custom_connection_signs_in_and_lists_its_organisation(tmp_path, checked):
    with Sandbox.start() as sb, client_for(sb, tmp_path, checked) as xero:
        (connection,) = xero.connections()
        assert connection["tenantId"] == sb.tenant_id
        assert xero.tenant_id == sb.tenant_id
        (organisation,) = xero.iter_records("Organisation")
        assert organisation["Name"]
        assert {a["Code"] for a in xero.iter_records("Accounts")} >= {"090", "200"}


def test_wrong_secret_is_one_sentence(tmp_path):
    with Sandbox.start() as sb:
        wrong = XeroSettings(client_id=sb.client_id, client_secret="wrong", base_url=sb.base_url,
                             identity_url=sb.base_url, login_url=sb.base_url)
        with XeroClient(wrong, token_store=FileTokenStore(tmp_path / "t.json"), lock_dir=tmp_path) as xero:
            with pytest.raises(Exception) as caught:
                xero.connections()
    assert "XERO_CLIENT_ID/XERO_CLIENT_SECRET" in str(caught.value)
    assert caught.value.exit_code == 2


def test_authorization_code_with_pkce_then_refresh_rotation(tmp_path, checked):
    with socket_port() as port, Sandbox.start() as sb:
        settings = settings_for(sb, redirect_uri=f"http://127.0.0.1:{port}/callback")
        store = FileTokenStore(tmp_path / "tokens.json")
        sign_in = start_sign_in(settings)
        with CallbackListener(settings.redirect_uri) as listener:
            httpx.get(sign_in.url, follow_redirects=True)  # the sandbox approves at once and redirects
            redirect = listener.wait(10)
        first = finish_sign_in(settings, sign_in, redirect, store)
        remember_organisations(settings, store, [sb.tenant_id])
        with XeroClient(settings, token_store=store, transport=checked, lock_dir=tmp_path) as xero:
            assert xero.tenant_id == sb.tenant_id
            assert list(xero.iter_records("Accounts"))
            sb.clock.advance(1900)  # the access token expires: 401, refresh, rotate, save, retry
            assert list(xero.iter_records("Accounts"))
        rotated = store.load(f"{settings.identity_url}|{settings.client_id}")
        assert rotated.refresh_token != first.refresh_token and rotated.tenant_ids == (sb.tenant_id,)


def test_a_revoked_sign_in_asks_to_connect_again(tmp_path):
    with socket_port() as port, Sandbox.start() as sb:
        settings = settings_for(sb, redirect_uri=f"http://127.0.0.1:{port}/callback")
        store = FileTokenStore(tmp_path / "tokens.json")
        sign_in = start_sign_in(settings)
        with CallbackListener(settings.redirect_uri) as listener:
            httpx.get(sign_in.url, follow_redirects=True)
            token = finish_sign_in(settings, sign_in, listener.wait(10), store)
        httpx.post(settings.revocation_url, auth=(sb.client_id, sb.client_secret),
                   data={"token": token.refresh_token}).raise_for_status()
        sb.clock.advance(1900)
        with XeroClient(settings, token_store=store, tenant_id=sb.tenant_id, lock_dir=tmp_path) as xero:
            with pytest.raises(XeroAuthError, match="recon connect"):
                list(xero.iter_records("Accounts"))


def test_paging_across_thousands(tmp_path, checked):
    with Sandbox.start(state_with(Contacts=contacts(2500))) as sb, client_for(sb, tmp_path, checked) as xero:
        pages = []
        found = list(xero.iter_records("Contacts", on_page=lambda page, count: pages.append(count)))
        assert len(found) == 2500 and len({c["ContactID"] for c in found}) == 2500
        assert pages == [1000, 1000, 500]
        assert sb.request_log.count("GET", "/api.xro/2.0/Contacts") == 3


def test_incremental_reads_return_only_what_changed(tmp_path, checked):
    with Sandbox.start(state_with(Contacts=contacts(30))) as sb, client_for(sb, tmp_path, checked) as xero:
        sb.clock.advance(120)
        since = sb.clock.now()
        sb.clock.advance(2)
        (result,) = xero.write("Contacts", [{"Name": "New Customer", "ContactNumber": "CN9001"}], idempotency_key="inc-1")
        assert result.ok
        changed = list(xero.iter_records("Contacts", modified_since=since))
        assert [c["Name"] for c in changed] == ["New Customer"]
        assert parse_datetime(changed[0]["UpdatedDateUTC"]) >= since - timedelta(seconds=1)


def test_batch_with_one_bad_element(tmp_path, checked):
    with Sandbox.start(state_with(Contacts=contacts(1))) as sb, client_for(sb, tmp_path, checked) as xero:
        batch = [{"Name": "Fresh One"}, {"Name": "Customer 00000"}, {"Name": "Fresh Two"}]
        results = xero.write("Contacts", batch, idempotency_key="bad-1")
        assert [r.ok for r in results] == [True, False, True]
        assert results[1].errors and "Customer 00000" in results[1].errors[0]
        assert results[0].record["ContactID"] and results[2].record["ContactID"]
        names = {c["Name"] for c in xero.iter_records("Contacts")}
        assert {"Fresh One", "Fresh Two"} <= names


def test_idempotent_replay_creates_nothing_twice(tmp_path, checked):
    with Sandbox.start() as sb, client_for(sb, tmp_path, checked) as xero:
        first = xero.write("Contacts", [{"Name": "Replay Me"}], idempotency_key="replay-1")
        again = xero.write("Contacts", [{"Name": "Replay Me"}], idempotency_key="replay-1")
        assert first[0].record["ContactID"] == again[0].record["ContactID"]
        assert [c["Name"] for c in xero.iter_records("Contacts")] == ["Replay Me"]


def test_a_429_storm_is_waited_out(tmp_path, checked):
    with Sandbox.start() as sb, client_for(sb, tmp_path, checked) as xero:
        sb.faults.rate_limit(times=3, retry_after=1, path="/api.xro/2.0/Accounts")
        assert list(xero.iter_records("Accounts"))
        assert sb.request_log.count("GET", "/api.xro/2.0/Accounts", status=429) == 3


def test_drop_after_commit_is_retried_with_the_same_key(tmp_path, checked):
    with Sandbox.start() as sb, client_for(sb, tmp_path, checked) as xero:
        sb.faults.drop_after_commit(method="PUT", path="/api.xro/2.0/Contacts", times=1)
        (result,) = xero.write("Contacts", [{"Name": "Dropped Once", "ContactNumber": "CN77"}], idempotency_key="drop-1")
        assert result.ok
        assert [c["Name"] for c in xero.iter_records("Contacts")] == ["Dropped Once"]


def test_a_write_that_keeps_dropping_is_unknown_and_found_by_natural_key(tmp_path):
    with Sandbox.start() as sb, client_for(sb, tmp_path, clock=QuickRetries()) as xero:
        sb.faults.drop_after_commit(method="PUT", path="/api.xro/2.0/Contacts", times=None)
        with pytest.raises(WriteOutcomeUnknown):
            xero.write("Contacts", [{"Name": "Maybe There", "ContactNumber": "CN88"}], idempotency_key="drop-2")
        sb.faults.clear()
        found = list(xero.iter_records("Contacts", where='ContactNumber=="CN88"'))
        assert [c["Name"] for c in found] == ["Maybe There"], "committed exactly once"


def test_pacing_keeps_clear_of_the_minute_limit(tmp_path, checked):
    config = SandboxConfig(minute_limit=6, minute_seconds=1.5)
    limiter = RateLimiter(SystemClock(), Limits(per_minute=6, window_seconds=1.5, margin_seconds=0.25))  # the sandbox's short minute
    with Sandbox.start(config=config) as sb, client_for(sb, tmp_path, checked, limiter=limiter) as xero:
        for _ in range(14):
            list(xero.iter_records("TaxRates"))
        assert sb.request_log.count("GET", "/api.xro/2.0/TaxRates") == 14
        assert sb.request_log.count(status=429) == 0


def test_the_day_budget_running_out_stops_cleanly(tmp_path):
    with Sandbox.start(config=SandboxConfig(day_limit=5)) as sb, client_for(sb, tmp_path) as xero:
        with pytest.raises(DayLimitReached) as caught:
            for _ in range(10):
                list(xero.iter_records("TaxRates"))
        assert caught.value.resume_at.tzinfo is not None
        sent = len(sb.request_log)
        with pytest.raises(DayLimitReached):
            list(xero.iter_records("Accounts"))
        assert len(sb.request_log) == sent, "nothing more is sent once the day is spent"


class QuickRetries(SystemClock):
    """Real time, but backoff between retries is 50 times shorter (nothing here is rate limited)."""

    def sleep(self, seconds: float) -> None:
        super().sleep(seconds / 50)


class socket_port:
    """A free loopback port for the redirect listener."""

    def __enter__(self) -> int:
        import socket

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            return sock.getsockname()[1]

    def __exit__(self, *exc_info) -> None:
        pass


def test_recon_connect_and_connections_commands(tmp_path, monkeypatch):
    import keyring.core
    import typer
    from keyring.backends import fail
    from typer.testing import CliRunner

    from recon.commands import connect as command

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())
    monkeypatch.setattr(command.webbrowser, "open", lambda url: httpx.get(url, follow_redirects=True))
    app = typer.Typer()
    command.register(app)
    with socket_port() as port, Sandbox.start() as sb:
        env = {"XERO_CLIENT_ID": sb.client_id, "XERO_CLIENT_SECRET": sb.client_secret, "XERO_BASE_URL": sb.base_url,
               "XERO_IDENTITY_URL": sb.base_url, "XERO_LOGIN_URL": sb.base_url,
               "XERO_REDIRECT_URI": f"http://127.0.0.1:{port}/callback"}
        connected = CliRunner().invoke(app, ["connect"], env=env)
        assert connected.exit_code == 0, connected.output
        assert f"Connected: Demo Company (AU) ({sb.tenant_id})" in connected.output
        listed = CliRunner().invoke(app, ["connections"], env=env)
        assert listed.exit_code == 0 and listed.output.startswith(f"* Demo Company (AU)  {sb.tenant_id}")
        wrong = CliRunner().invoke(app, ["connect", "--tenant", "not-a-tenant"], env=env)
        assert wrong.exit_code == 2 and "not connected to this sign-in" in wrong.output
    saved = (tmp_path / "recon" / "xero-tokens.json").read_text()
    assert sb.client_secret not in saved, "the token file holds tokens, not the client secret"
    assert sb.tenant_id in saved, "a failed re-connect keeps the organisations chosen before"
