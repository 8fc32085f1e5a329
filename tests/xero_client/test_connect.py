"""The authorization-code flow with PKCE and the loopback redirect listener."""

import base64
import hashlib
import socket
import threading
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from sync.xero import FileTokenStore, XeroAuthError, XeroConfigError
from sync.xero.auth import store_key
from sync.xero.callback import CallbackListener, Redirect
from sync.xero.connect import finish_sign_in, remember_organisations, start_sign_in
from xero_client.fakes import FakeXero, settings, token_answer


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_authorize_url_carries_pkce_s256_state_and_scopes():
    sign_in = start_sign_in(settings())
    url = urlsplit(sign_in.url)
    query = {name: values[0] for name, values in parse_qs(url.query).items()}
    assert f"{url.scheme}://{url.netloc}{url.path}" == "https://login.xero.com/identity/connect/authorize"
    assert query["response_type"] == "code" and query["client_id"] == "recon-test-client"
    assert query["redirect_uri"] == "http://127.0.0.1:8765/callback"
    assert query["state"] == sign_in.state
    assert query["code_challenge_method"] == "S256"
    challenge = base64.urlsafe_b64encode(hashlib.sha256(sign_in.code_verifier.encode()).digest()).rstrip(b"=").decode()
    assert query["code_challenge"] == challenge
    assert query["scope"].split() == list(settings().scopes)
    assert 43 <= len(sign_in.code_verifier) <= 128
    assert sign_in.code_verifier not in repr(sign_in)


def test_listener_receives_one_redirect():
    uri = f"http://127.0.0.1:{free_port()}/callback"
    with CallbackListener(uri) as listener:
        threading.Thread(target=lambda: httpx.get(f"{uri}?code=abc&state=xyz")).start()
        redirect = listener.wait(5)
        assert httpx.get(f"{uri}?code=again").status_code == 404
    assert redirect.params == {"code": "abc", "state": "xyz"}
    assert "abc" not in repr(redirect)


def test_listener_times_out_with_one_sentence():
    with CallbackListener(f"http://127.0.0.1:{free_port()}/cb") as listener:
        with pytest.raises(XeroAuthError, match="recon connect"):
            listener.wait(0.05)


def test_a_busy_port_is_a_configuration_error():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(XeroConfigError, match="XERO_REDIRECT_URI"):
            CallbackListener(f"http://127.0.0.1:{port}/callback")


def test_the_code_is_exchanged_with_the_verifier_and_saved(tmp_path):
    fake = FakeXero().on("POST", "/connect/token", token_answer("a1", refresh="r1"))
    store = FileTokenStore(tmp_path / "tokens.json")
    sign_in = start_sign_in(settings())
    token = finish_sign_in(settings(), sign_in, Redirect({"code": "the-code", "state": sign_in.state}), store,
                           transport=fake.transport())
    (request,) = fake.calls("POST", "/connect/token")
    sent = {name: values[0] for name, values in parse_qs(request.content.decode()).items()}
    assert sent["grant_type"] == "authorization_code" and sent["code"] == "the-code"
    assert sent["code_verifier"] == sign_in.code_verifier
    assert sent["redirect_uri"] == "http://127.0.0.1:8765/callback"
    assert store.load(store_key(settings())) == token and token.refresh_token == "r1"
    remember_organisations(settings(), store, ["t-1", "t-2"])
    assert store.load(store_key(settings())).tenant_ids == ("t-1", "t-2")


@pytest.mark.parametrize("params,message", [
    ({"code": "c", "state": "forged"}, "did not match"),
    ({"error": "access_denied", "state": "s"}, "access_denied"),
])
def test_bad_redirects_are_refused(tmp_path, params, message):
    sign_in = start_sign_in(settings())
    with pytest.raises(XeroAuthError, match=message):
        finish_sign_in(settings(), sign_in, Redirect(params), FileTokenStore(tmp_path / "t.json"))


def test_no_refresh_token_means_offline_access_is_missing(tmp_path):
    fake = FakeXero().on("POST", "/connect/token", token_answer("a1"))
    sign_in = start_sign_in(settings())
    with pytest.raises(XeroConfigError, match="offline_access"):
        finish_sign_in(settings(), sign_in, Redirect({"code": "c", "state": sign_in.state}),
                       FileTokenStore(tmp_path / "t.json"), transport=fake.transport())
