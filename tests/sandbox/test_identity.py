"""Identity: client credentials, authorization code with PKCE, refresh rotation with grace,
expiry, revocation, /connections."""

from __future__ import annotations

import base64
import hashlib
import secrets
from urllib.parse import parse_qs, urlsplit

import httpx

from xerohttp import API, client_credentials_token, start_with

REDIRECT = "http://localhost:8400/callback"


def pkce_pair() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


def authorize(sandbox, challenge: str, redirect_uri: str = REDIRECT) -> httpx.Response:
    return httpx.get(f"{sandbox.base_url}/identity/connect/authorize", params={
        "response_type": "code", "client_id": sandbox.client_id, "redirect_uri": redirect_uri,
        "scope": "openid profile email accounting.transactions offline_access", "state": "xyz",
        "code_challenge": challenge, "code_challenge_method": "S256"})


def code_flow(sandbox) -> dict:
    verifier, challenge = pkce_pair()
    location = authorize(sandbox, challenge).headers["location"]
    code = parse_qs(urlsplit(location).query)["code"][0]
    response = httpx.post(f"{sandbox.base_url}/connect/token", data={
        "grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT, "code_verifier": verifier,
        "client_id": sandbox.client_id})
    assert response.status_code == 200, response.text
    return response.json()


def refresh(sandbox, refresh_token: str) -> httpx.Response:
    return httpx.post(f"{sandbox.base_url}/connect/token", auth=(sandbox.client_id, sandbox.client_secret),
                      data={"grant_type": "refresh_token", "refresh_token": refresh_token})


def organisation(sandbox, token: str) -> httpx.Response:
    return httpx.get(f"{sandbox.base_url}{API}/Organisation",
                     headers={"Authorization": f"Bearer {token}", "xero-tenant-id": sandbox.tenant_id,
                              "Accept": "application/json"})


def test_client_credentials_token_reads_the_organisation(sandbox):
    response = httpx.post(f"{sandbox.base_url}/connect/token", auth=(sandbox.client_id, sandbox.client_secret),
                          data={"grant_type": "client_credentials"})
    token = response.json()
    assert token["token_type"] == "Bearer" and token["expires_in"] == 1800 and "refresh_token" not in token
    org = organisation(sandbox, token["access_token"])
    assert org.status_code == 200
    assert org.json()["Organisations"][0]["Name"] == "Demo Company (AU)"


def test_wrong_secret_is_invalid_client(sandbox):
    response = httpx.post(f"{sandbox.base_url}/connect/token", auth=(sandbox.client_id, "wrong"),
                          data={"grant_type": "client_credentials"})
    assert response.status_code == 400
    assert response.json() == {"error": "invalid_client"}


def test_unknown_grant_type(sandbox):
    response = httpx.post(f"{sandbox.base_url}/connect/token", auth=(sandbox.client_id, sandbox.client_secret),
                          data={"grant_type": "password"})
    assert response.json() == {"error": "unsupported_grant_type"}


def test_authorize_redirects_with_code_and_state(sandbox):
    response = authorize(sandbox, pkce_pair()[1])
    assert response.status_code == 302
    location = urlsplit(response.headers["location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == REDIRECT
    query = parse_qs(location.query)
    assert query["state"] == ["xyz"] and query["code"][0]


def test_authorize_refuses_a_non_loopback_redirect(sandbox):
    assert authorize(sandbox, pkce_pair()[1], "https://evil.example.com/cb").status_code == 400


def test_code_exchange_checks_the_pkce_verifier(sandbox):
    _, challenge = pkce_pair()
    location = authorize(sandbox, challenge).headers["location"]
    code = parse_qs(urlsplit(location).query)["code"][0]
    response = httpx.post(f"{sandbox.base_url}/connect/token", data={
        "grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT,
        "code_verifier": "not-the-verifier", "client_id": sandbox.client_id})
    assert response.status_code == 400 and response.json() == {"error": "invalid_grant"}


def test_code_flow_gives_tokens_and_the_code_is_single_use(sandbox):
    verifier, challenge = pkce_pair()
    code = parse_qs(urlsplit(authorize(sandbox, challenge).headers["location"]).query)["code"][0]
    form = {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT, "code_verifier": verifier,
            "client_id": sandbox.client_id}
    first = httpx.post(f"{sandbox.base_url}/connect/token", data=form)
    tokens = first.json()
    assert {"access_token", "refresh_token", "id_token", "expires_in"} <= set(tokens)
    assert organisation(sandbox, tokens["access_token"]).status_code == 200
    assert httpx.post(f"{sandbox.base_url}/connect/token", data=form).json() == {"error": "invalid_grant"}


def test_refresh_rotates_and_the_old_token_has_a_grace_period(sandbox):
    tokens = code_flow(sandbox)
    first = refresh(sandbox, tokens["refresh_token"])
    assert first.status_code == 200
    rotated = first.json()["refresh_token"]
    assert rotated != tokens["refresh_token"]
    assert refresh(sandbox, tokens["refresh_token"]).status_code == 200  # within the grace period
    sandbox.clock.advance(31 * 60)
    assert refresh(sandbox, tokens["refresh_token"]).json() == {"error": "invalid_grant"}
    assert refresh(sandbox, rotated).status_code == 200  # never used: still good


def test_access_token_expires_after_thirty_minutes(sandbox):
    token = client_credentials_token(sandbox)
    sandbox.clock.advance(1801)
    response = organisation(sandbox, token)
    assert response.status_code == 401
    problem = response.json()
    assert problem["Title"] == "Unauthorized" and problem["Detail"].startswith("TokenExpired: token expired at")


def test_clock_moves_over_http_too(sandbox):
    token = client_credentials_token(sandbox)
    moved = httpx.post(f"{sandbox.base_url}/_sandbox/clock", json={"advance": 1801})
    assert moved.status_code == 200
    assert organisation(sandbox, token).status_code == 401


def test_token_lifetime_is_configurable():
    with start_with(access_token_seconds=60) as sandbox:
        response = httpx.post(f"{sandbox.base_url}/connect/token", auth=(sandbox.client_id, sandbox.client_secret),
                              data={"grant_type": "client_credentials"})
        assert response.json()["expires_in"] == 60


def test_unknown_token_and_missing_tenant(sandbox):
    assert organisation(sandbox, "nonsense").status_code == 401
    token = client_credentials_token(sandbox)
    response = httpx.get(f"{sandbox.base_url}{API}/Organisation", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 403 and response.json()["Title"] == "Forbidden"


def test_revocation_ends_refresh_access_and_connection(sandbox):
    tokens = code_flow(sandbox)
    response = httpx.post(f"{sandbox.base_url}/connect/revocation", auth=(sandbox.client_id, sandbox.client_secret),
                          data={"token": tokens["refresh_token"]})
    assert response.status_code == 200
    assert refresh(sandbox, tokens["refresh_token"]).json() == {"error": "invalid_grant"}
    assert organisation(sandbox, tokens["access_token"]).status_code == 401


def test_connections_list_and_delete(sandbox):
    token = client_credentials_token(sandbox)
    headers = {"Authorization": f"Bearer {token}"}
    connections = httpx.get(f"{sandbox.base_url}/connections", headers=headers).json()
    assert [c["tenantId"] for c in connections] == sandbox.tenant_ids
    assert set(connections[0]) == {"id", "authEventId", "tenantId", "tenantType", "tenantName", "createdDateUtc",
                                   "updatedDateUtc"}
    assert connections[0]["tenantType"] == "ORGANISATION"
    deleted = httpx.delete(f"{sandbox.base_url}/connections/{connections[0]['id']}", headers=headers)
    assert deleted.status_code == 204
    assert httpx.get(f"{sandbox.base_url}/connections", headers=headers).json() == []
    assert organisation(sandbox, token).status_code == 403
