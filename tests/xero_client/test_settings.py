"""Settings from the environment; http only to loopback."""

import pytest

from sync.xero import XeroConfigError, XeroSettings
from sync.xero.settings import DEFAULT_SCOPES


def test_defaults_are_the_real_xero():
    settings = XeroSettings.from_env({"XERO_CLIENT_ID": "id", "XERO_CLIENT_SECRET": "secret"})
    assert settings.accounting_url == "https://api.xero.com/api.xro/2.0"
    assert settings.connections_url == "https://api.xero.com/connections"
    assert settings.token_url == "https://identity.xero.com/connect/token"
    assert settings.revocation_url == "https://identity.xero.com/connect/revocation"
    assert settings.authorize_url == "https://login.xero.com/identity/connect/authorize"
    assert settings.scopes == DEFAULT_SCOPES and "offline_access" in settings.scopes


def test_one_loopback_server_for_everything():
    env = {"XERO_CLIENT_ID": "id", "XERO_BASE_URL": "http://127.0.0.1:8123/", "XERO_IDENTITY_URL": "http://127.0.0.1:8123",
           "XERO_LOGIN_URL": "http://localhost:8123", "XERO_SCOPES": "offline_access accounting.transactions"}
    settings = XeroSettings.from_env(env)
    assert settings.accounting_url == "http://127.0.0.1:8123/api.xro/2.0"
    assert settings.authorize_url == "http://localhost:8123/identity/connect/authorize"
    assert settings.scopes == ("offline_access", "accounting.transactions")
    assert settings.client_secret is None


@pytest.mark.parametrize("url", ["http://127.0.0.1", "http://127.8.9.10:81", "http://[::1]:8080", "http://localhost"])
def test_plain_http_to_loopback_is_fine(url):
    assert XeroSettings(client_id="id", base_url=url).base_url == url


@pytest.mark.parametrize("variable", ["XERO_BASE_URL", "XERO_IDENTITY_URL", "XERO_LOGIN_URL"])
@pytest.mark.parametrize("url", ["http://api.xero.com", "http://10.0.0.5:8080", "http://127.0.0.1.example.com"])
def test_plain_http_elsewhere_is_refused(variable, url):
    with pytest.raises(XeroConfigError, match=variable) as caught:
        XeroSettings.from_env({"XERO_CLIENT_ID": "id", variable: url})
    assert caught.value.exit_code == 2


def test_not_a_url():
    with pytest.raises(XeroConfigError, match="XERO_BASE_URL must be an https:// address"):
        XeroSettings.from_env({"XERO_CLIENT_ID": "id", "XERO_BASE_URL": "api.xero.com"})


def test_missing_client_id_is_one_sentence_naming_the_variable():
    with pytest.raises(XeroConfigError) as caught:
        XeroSettings.from_env({"XERO_CLIENT_SECRET": "s"})
    assert str(caught.value).startswith("XERO_CLIENT_ID is not set")
    assert str(caught.value).count(".") == 1


def test_redirect_must_come_back_to_this_computer():
    with pytest.raises(XeroConfigError, match="XERO_REDIRECT_URI"):
        XeroSettings.from_env({"XERO_CLIENT_ID": "id", "XERO_REDIRECT_URI": "https://example.com/callback"})


def test_secret_never_in_repr():
    settings = XeroSettings(client_id="id", client_secret="very-secret")
    assert "very-secret" not in repr(settings)
    assert settings.require_secret() == "very-secret"
    with pytest.raises(XeroConfigError, match="XERO_CLIENT_SECRET"):
        XeroSettings(client_id="id").require_secret()
