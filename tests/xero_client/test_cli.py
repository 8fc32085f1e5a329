"""`recon connect` and `recon connections`: bad configuration is one sentence and exit 2 or 3."""

import socket

import keyring.core
import pytest
import typer
from keyring.backends import fail
from typer.testing import CliRunner

from recon.commands.connect import register


@pytest.fixture
def app(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())
    for name in ("XERO_CLIENT_ID", "XERO_CLIENT_SECRET", "XERO_BASE_URL", "XERO_IDENTITY_URL", "XERO_LOGIN_URL",
                 "XERO_SCOPES", "XERO_REDIRECT_URI"):
        monkeypatch.delenv(name, raising=False)
    app = typer.Typer()
    register(app)
    return app


def run(app, args, env):
    result = CliRunner().invoke(app, args, env=env)
    assert "Traceback" not in result.output
    return result


@pytest.mark.parametrize("command", [["connect", "--no-browser"], ["connections"]])
def test_missing_client_id(app, command):
    result = run(app, command, {})
    assert result.exit_code == 2
    assert "XERO_CLIENT_ID is not set" in result.output


def test_plain_http_to_another_host(app):
    result = run(app, ["connections"], {"XERO_CLIENT_ID": "id", "XERO_CLIENT_SECRET": "s",
                                         "XERO_IDENTITY_URL": "http://identity.example.com"})
    assert result.exit_code == 2
    assert "XERO_IDENTITY_URL uses plain http://" in result.output


def test_custom_connection_without_secret(app):
    result = run(app, ["connections"], {"XERO_CLIENT_ID": "id"})
    assert result.exit_code == 2
    assert "XERO_CLIENT_SECRET is not set" in result.output


def test_nothing_listening_is_exit_3(app):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = run(app, ["connections"], {"XERO_CLIENT_ID": "id", "XERO_CLIENT_SECRET": "s",
                                         "XERO_IDENTITY_URL": f"http://127.0.0.1:{port}",
                                         "XERO_BASE_URL": f"http://127.0.0.1:{port}"})
    assert result.exit_code == 3
    assert result.output.strip().count("\n") == 0
    assert "Could not reach" in result.output


ORGS = [{"tenantId": "t-1", "tenantName": "Kennels North"}, {"tenantId": "t-2", "tenantName": "Kennels South"},
        {"tenantId": "t-3", "tenantName": "Cattery"}]


@pytest.mark.parametrize("answer,chosen", [("1,3", ["t-1", "t-3"]), ("all", ["t-1", "t-2", "t-3"]), (" 2 ", ["t-2"])])
def test_several_organisations_are_picked_by_number(monkeypatch, answer, chosen):
    from recon.commands import connect as command

    monkeypatch.setattr(command.typer, "prompt", lambda text: answer)
    assert [org["tenantId"] for org in command._choose(ORGS, [])] == chosen


def test_a_bad_pick_is_a_usage_error(monkeypatch):
    from recon.commands import connect as command

    monkeypatch.setattr(command.typer, "prompt", lambda text: "4")
    with pytest.raises(typer.BadParameter):
        command._choose(ORGS, [])
    assert command._choose(ORGS, ["t-2"]) == [ORGS[1]]
