"""Access tokens for API calls: client credentials (custom connection) or a rotating refresh token.

Custom connections get a fresh token from client credentials whenever the last one is about to
expire; nothing is stored. Standard apps (after `recon connect`) keep a refresh token that Xero
replaces on every use. The rules for that:

- only one process refreshes at a time (a file lock), and it re-reads the store under the lock,
  since another process may already have refreshed;
- the new token is saved before its access token is used; if the save fails, the new token is
  dropped and the saved (old) refresh token still works for Xero's 30-minute grace period;
- a refresh whose answer was lost is retried with the same old refresh token (also the grace).
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import Protocol

import httpx
from filelock import FileLock, Timeout
from tenacity import Retrying, retry_if_exception_type, stop_after_attempt, wait_exponential

from sync.xero.clock import Clock, SystemClock
from sync.xero.errors import XeroAuthError, XeroUnavailable
from sync.xero.oauth import oauth_client, token_call
from sync.xero.settings import XeroSettings
from sync.xero.tokens import Token, TokenStore, config_dir

CONNECT_AGAIN = "run `recon connect` to sign in to Xero again."
LOCK_TIMEOUT_SECONDS = 120.0


class TokenSource(Protocol):
    def access_token(self) -> str: ...

    def invalidate(self, rejected: str) -> None:
        """Xero answered 401 to `rejected`: get another token before the next call."""


def store_key(settings: XeroSettings) -> str:
    """One saved sign-in per app and identity server (the sandbox never overwrites the real one)."""
    return f"{settings.identity_url}|{settings.client_id}"


def token_source(
    settings: XeroSettings,
    store: TokenStore,
    *,
    transport: httpx.BaseTransport | None = None,
    clock: Clock | None = None,
    lock_dir: Path | None = None,
) -> TokenSource:
    """The saved sign-in when `recon connect` made one, else client credentials."""
    clock = clock or SystemClock()
    saved = store.load(store_key(settings))
    if saved is not None and saved.refresh_token:
        return RefreshingTokens(settings, store, transport=transport, clock=clock, lock_dir=lock_dir)
    return ClientCredentials(settings, transport=transport, clock=clock)


class ClientCredentials:
    """A Xero custom connection: client id and secret buy a 30-minute token, kept in memory only."""

    def __init__(self, settings: XeroSettings, *, transport=None, clock: Clock):
        settings.require_secret()
        self._settings = settings
        self._oauth = oauth_client(settings, transport, with_scopes=False)
        self._clock = clock
        self._token: Token | None = None
        self._lock = threading.Lock()

    def access_token(self) -> str:
        with self._lock:
            if self._token is None or not self._token.is_fresh(self._clock.time()):
                now = self._clock.time()
                answer = _with_retries(
                    lambda: token_call(
                        self._settings,
                        lambda: self._oauth.fetch_token(self._settings.token_url, grant_type="client_credentials"),
                        connect_again="check that the app is a custom connection and is connected.",
                    ),
                    self._clock,
                    self._settings.token_url,
                )
                self._token = Token.from_response(answer, now)
            return self._token.access_token

    def invalidate(self, rejected: str) -> None:
        with self._lock:
            if self._token is not None and self._token.access_token == rejected:
                self._token = None

    def __repr__(self) -> str:
        return f"ClientCredentials(client_id={self._settings.client_id!r})"


class RefreshingTokens:
    """A standard app's saved sign-in, refreshed under a file lock and saved before use."""

    def __init__(self, settings: XeroSettings, store: TokenStore, *, transport=None, clock: Clock, lock_dir=None):
        self._settings = settings
        self._store = store
        self._key = store_key(settings)
        self._oauth = oauth_client(settings, transport, with_scopes=False)  # a refresh keeps the granted scopes
        self._clock = clock
        digest = hashlib.sha256(self._key.encode()).hexdigest()[:16]
        self._lock_path = Path(lock_dir or config_dir()) / f"xero-refresh-{digest}.lock"
        self._token: Token | None = None
        self._rejected: str | None = None
        self._lock = threading.Lock()

    @property
    def tenant_ids(self) -> tuple[str, ...]:
        saved = self._token or self._store.load(self._key)
        return saved.tenant_ids if saved else ()

    def access_token(self) -> str:
        with self._lock:
            if self._token is None or not self._token.is_fresh(self._clock.time()):
                self._token = self._fresh_token()
            return self._token.access_token

    def invalidate(self, rejected: str) -> None:
        with self._lock:
            if self._token is not None and self._token.access_token == rejected:
                self._token = None
                self._rejected = rejected

    def _fresh_token(self) -> Token:
        self._lock_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            with FileLock(self._lock_path, timeout=LOCK_TIMEOUT_SECONDS):
                saved = self._store.load(self._key)
                if saved is None or not saved.refresh_token:
                    raise XeroAuthError(f"There is no saved Xero sign-in for this app; {CONNECT_AGAIN}")
                usable = saved.is_fresh(self._clock.time()) and saved.access_token != self._rejected
                return saved if usable else self._refresh(saved)
        except Timeout:
            raise XeroUnavailable(
                "Another recon process has been refreshing the Xero sign-in for two minutes; try again."
            ) from None

    def _refresh(self, saved: Token) -> Token:
        now = self._clock.time()
        answer = _with_retries(
            lambda: token_call(
                self._settings,
                lambda: self._oauth.refresh_token(self._settings.token_url, refresh_token=saved.refresh_token),
                connect_again=CONNECT_AGAIN,
            ),
            self._clock,
            self._settings.token_url,
        )
        token = Token.from_response(answer, now, tenant_ids=saved.tenant_ids)
        if not token.refresh_token:
            token = Token(token.access_token, token.expires_at, saved.refresh_token, token.scope, saved.tenant_ids)
        try:
            self._store.save(self._key, token)
        except Exception as error:
            raise XeroAuthError(
                f"Could not save the new Xero token ({type(error).__name__}), so it was not used; the saved sign-in "
                f"stays valid for 30 minutes: fix the token store and run again, or run `recon connect`."
            ) from None
        self._rejected = None
        return token

    def __repr__(self) -> str:
        return f"RefreshingTokens(client_id={self._settings.client_id!r})"


def _with_retries(call, clock: Clock, url: str) -> dict:
    """Retry a token call on network failures only; refresh tokens stay valid for retries (grace)."""
    retrying = Retrying(
        retry=retry_if_exception_type(httpx.TransportError),
        stop=stop_after_attempt(4),
        wait=wait_exponential(multiplier=0.5, max=10),
        sleep=clock.sleep,
        reraise=True,
    )
    try:
        return retrying(call)
    except httpx.TransportError as error:
        raise XeroUnavailable(
            f"Could not reach Xero's sign-in server at {url} ({type(error).__name__}); check XERO_IDENTITY_URL "
            f"and the network, then try again."
        ) from None
