"""Xero's identity service: the token endpoint (client credentials, authorization code with
PKCE, refresh with rotation), the authorize page (auto-consent), revocation and /connections.

Access tokens are JWT-shaped (clients may read `exp`) but opaque to the sandbox: it looks
them up. Refresh tokens rotate on every use; the one just replaced stays valid for a grace
period (30 minutes), as Xero's do."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urlencode, urlsplit

from sync.sandbox.clock import Clock
from sync.sandbox.config import SandboxConfig
from sync.sandbox.state import SandboxState

LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1", "[::1]")


class OAuthError(Exception):
    """A token endpoint failure: `{"error": code}` with an HTTP status."""

    def __init__(self, code: str, status: int = 400) -> None:
        super().__init__(code)
        self.code = code
        self.status = status


class Unauthorized(Exception):
    """An API call without a valid token (401) or without access to the organisation (403)."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail

    def body(self) -> dict:
        return {"Type": None, "Title": "Unauthorized" if self.status == 401 else "Forbidden",
                "Status": self.status, "Detail": self.detail, "Instance": str(uuid.uuid4()), "Extensions": {}}


@dataclass
class AccessToken:
    client_id: str
    auth_event_id: str
    expires_at: float
    revoked: bool = False


@dataclass
class RefreshToken:
    client_id: str
    auth_event_id: str
    scope: str
    expires_at: float
    replaced_at: float | None = None
    revoked: bool = False


@dataclass
class AuthorizationCode:
    client_id: str
    redirect_uri: str
    scope: str
    challenge: str | None
    challenge_method: str
    expires_at: float


@dataclass
class Connection:
    id: str
    tenant_id: str
    auth_event_id: str
    created: datetime
    updated: datetime


@dataclass
class Identity:
    state: SandboxState
    config: SandboxConfig
    clock: Clock
    access_tokens: dict[str, AccessToken] = field(default_factory=dict)
    refresh_tokens: dict[str, RefreshToken] = field(default_factory=dict)
    codes: dict[str, AuthorizationCode] = field(default_factory=dict)
    connections: dict[str, dict[str, Connection]] = field(default_factory=dict)  # client_id -> id -> connection

    def __post_init__(self) -> None:
        for client in self.state.clients.values():
            self._connect(client.client_id, str(uuid.uuid4()))

    # -- token endpoint ------------------------------------------------------------------
    def token(self, form: dict[str, str], basic: tuple[str, str] | None) -> dict:
        grant_type = form.get("grant_type", "")
        if grant_type == "client_credentials":
            client_id = self._authenticate(form, basic, secret_required=True)
            event = str(uuid.uuid4())
            return self._issue(client_id, event, form.get("scope", "accounting.transactions accounting.settings "
                                                                    "accounting.contacts"), refresh=False)
        if grant_type == "authorization_code":
            return self._redeem_code(form, basic)
        if grant_type == "refresh_token":
            return self._refresh(form, basic)
        raise OAuthError("unsupported_grant_type")

    def _authenticate(self, form: dict[str, str], basic, secret_required: bool) -> str:
        client_id, secret = basic if basic else (form.get("client_id", ""), form.get("client_secret"))
        client = self.state.clients.get(client_id)
        if client is None or (secret is None and secret_required) or (
                secret is not None and not secrets.compare_digest(secret, client.client_secret)):
            raise OAuthError("invalid_client")
        return client_id

    def _redeem_code(self, form: dict[str, str], basic) -> dict:
        code = self.codes.pop(form.get("code", ""), None)
        verifier = form.get("code_verifier")
        client_id = self._authenticate(form, basic, secret_required=code is not None and code.challenge is None)
        if code is None or code.client_id != client_id or code.expires_at < self.clock.time():
            raise OAuthError("invalid_grant")
        if form.get("redirect_uri", code.redirect_uri) != code.redirect_uri:
            raise OAuthError("invalid_grant")
        if code.challenge is not None and not _pkce_matches(verifier, code.challenge, code.challenge_method):
            raise OAuthError("invalid_grant")
        event = str(uuid.uuid4())
        self._connect(client_id, event)
        return self._issue(client_id, event, code.scope, refresh="offline_access" in code.scope.split())

    def _refresh(self, form: dict[str, str], basic) -> dict:
        token = self.refresh_tokens.get(form.get("refresh_token", ""))
        client_id = self._authenticate(form, basic, secret_required=False)
        now = self.clock.time()
        if token is None or token.revoked or token.client_id != client_id or token.expires_at < now:
            raise OAuthError("invalid_grant")
        if token.replaced_at is not None and token.replaced_at + self.config.refresh_grace_seconds < now:
            raise OAuthError("invalid_grant")
        if token.replaced_at is None:
            token.replaced_at = now
        return self._issue(client_id, token.auth_event_id, token.scope, refresh=True)

    def _issue(self, client_id: str, event: str, scope: str, refresh: bool) -> dict:
        now = self.clock.time()
        expires_at = now + self.config.access_token_seconds
        access = _jwt({"nbf": int(now), "exp": int(expires_at), "iss": "https://identity.xero.com",
                       "aud": "https://identity.xero.com/resources", "client_id": client_id,
                       "auth_time": int(now), "jti": uuid.uuid4().hex, "authentication_event_id": event,
                       "scope": scope.split()})
        self.access_tokens[access] = AccessToken(client_id, event, expires_at)
        body = {"access_token": access, "expires_in": int(self.config.access_token_seconds),
                "token_type": "Bearer", "scope": scope}
        if refresh:
            refresh_token = secrets.token_hex(32)
            self.refresh_tokens[refresh_token] = RefreshToken(client_id, event, scope,
                                                              now + self.config.refresh_token_seconds)
            body["refresh_token"] = refresh_token
        if "openid" in scope.split():
            body["id_token"] = _jwt({"nbf": int(now), "exp": int(now) + 300, "iss": "https://identity.xero.com",
                                     "aud": client_id, "sub": uuid.uuid4().hex, "auth_time": int(now)})
        return body

    # -- authorize and revocation --------------------------------------------------------
    def authorize(self, params: dict[str, str]) -> str:
        """Consent on the user's behalf and return the redirect URL carrying the code."""
        client_id = params.get("client_id", "")
        redirect_uri = params.get("redirect_uri", "")
        if client_id not in self.state.clients:
            raise OAuthError("unauthorized_client")
        if params.get("response_type") != "code":
            raise OAuthError("unsupported_response_type")
        split = urlsplit(redirect_uri)
        if split.scheme not in ("http", "https") or split.hostname not in LOOPBACK_HOSTS:
            raise OAuthError("invalid_request")
        method = params.get("code_challenge_method", "plain")
        if method not in ("plain", "S256"):
            raise OAuthError("invalid_request")
        code = secrets.token_urlsafe(32)
        scope = params.get("scope", "")
        self.codes[code] = AuthorizationCode(client_id, redirect_uri, scope, params.get("code_challenge"), method,
                                             self.clock.time() + self.config.authorization_code_seconds)
        query = {"code": code, "scope": scope, "session_state": secrets.token_hex(8)}
        if "state" in params:
            query["state"] = params["state"]
        return redirect_uri + ("&" if split.query else "?") + urlencode(query)

    def revoke(self, form: dict[str, str], basic) -> None:
        client_id = self._authenticate(form, basic, secret_required=False)
        token = self.refresh_tokens.get(form.get("token", ""))
        if token is None or token.client_id != client_id:
            return  # RFC 7009: unknown tokens are not an error
        for other in self.refresh_tokens.values():
            if other.auth_event_id == token.auth_event_id:
                other.revoked = True
        for access in self.access_tokens.values():
            if access.auth_event_id == token.auth_event_id:
                access.revoked = True
        connections = self.connections.get(client_id, {})
        for connection_id in [c.id for c in connections.values() if c.auth_event_id == token.auth_event_id]:
            del connections[connection_id]

    # -- API access ----------------------------------------------------------------------
    def check(self, authorization: str | None) -> AccessToken:
        """The access token behind an `Authorization: Bearer` header, or Unauthorized."""
        if not authorization or not authorization.startswith("Bearer "):
            raise Unauthorized(401, "AuthenticationUnsuccessful")
        token = self.access_tokens.get(authorization[len("Bearer "):].strip())
        if token is None or token.revoked:
            raise Unauthorized(401, "AuthenticationUnsuccessful")
        if token.expires_at <= self.clock.time():
            expired = datetime.fromtimestamp(token.expires_at, tz=timezone.utc).strftime("%m/%d/%Y %H:%M:%S")
            raise Unauthorized(401, f"TokenExpired: token expired at {expired}")
        return token

    def check_tenant(self, token: AccessToken, tenant_id: str | None) -> str:
        """The organisation a call is for, if the token's client is connected to it."""
        if not tenant_id:
            raise Unauthorized(403, "AuthenticationUnsuccessful")
        tenant_id = tenant_id.strip().lower()
        if all(c.tenant_id.lower() != tenant_id for c in self.connections.get(token.client_id, {}).values()):
            raise Unauthorized(403, "AuthenticationUnsuccessful")
        return next(t for t in self.state.organisations if t.lower() == tenant_id)

    def list_connections(self, token: AccessToken, auth_event_id: str | None = None) -> list[dict]:
        return [
            {"id": c.id, "authEventId": c.auth_event_id, "tenantId": c.tenant_id, "tenantType": "ORGANISATION",
             "tenantName": self.state.organisations[c.tenant_id].tenant_name,
             "createdDateUtc": _connection_time(c.created), "updatedDateUtc": _connection_time(c.updated)}
            for c in self.connections.get(token.client_id, {}).values()
            if auth_event_id is None or c.auth_event_id == auth_event_id
        ]

    def delete_connection(self, token: AccessToken, connection_id: str) -> bool:
        return self.connections.get(token.client_id, {}).pop(connection_id, None) is not None

    def _connect(self, client_id: str, event: str) -> None:
        """Connect a client to each of its organisations (consent), keeping existing connection IDs."""
        now = self.clock.now()
        connections = self.connections.setdefault(client_id, {})
        by_tenant = {c.tenant_id: c for c in connections.values()}
        for tenant_id in self.state.clients[client_id].tenant_ids:
            if tenant_id not in self.state.organisations:
                continue
            existing = by_tenant.get(tenant_id)
            if existing is None:
                connection = Connection(str(uuid.uuid4()), tenant_id, event, now, now)
                connections[connection.id] = connection
            else:
                existing.auth_event_id = event
                existing.updated = now


def _pkce_matches(verifier: str | None, challenge: str, method: str) -> bool:
    if not verifier:
        return False
    if method == "S256":
        digest = hashlib.sha256(verifier.encode()).digest()
        return secrets.compare_digest(base64.urlsafe_b64encode(digest).rstrip(b"=").decode(), challenge)
    return secrets.compare_digest(verifier, challenge)


def _jwt(payload: dict) -> str:
    def part(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    header = {"alg": "RS256", "kid": "sandbox", "typ": "JWT"}
    return ".".join([part(json.dumps(header).encode()), part(json.dumps(payload).encode()),
                     part(secrets.token_bytes(32))])


def _connection_time(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%f") + "0"  # Xero writes 7 fractional digits
