"""Signing a standard Xero app in: authorization code with PKCE on a loopback redirect.

`start_sign_in` makes the authorize URL (S256 code challenge, random state); the browser sends
the user to Xero and back to the local listener; `finish_sign_in` checks the state, exchanges
the code (with the verifier) for tokens and saves them. Choosing the organisations comes after,
from `GET /connections`, and `remember_organisations` stores the choice with the sign-in.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field, replace

import httpx

from sync.xero.auth import CONNECT_AGAIN, store_key
from sync.xero.callback import Redirect
from sync.xero.clock import Clock, SystemClock
from sync.xero.errors import XeroAuthError, XeroConfigError
from sync.xero.oauth import oauth_client, token_call
from sync.xero.settings import XeroSettings
from sync.xero.tokens import Token, TokenStore


@dataclass(frozen=True)
class SignIn:
    """One sign-in attempt: where to send the user, and what to check when they come back."""

    url: str
    state: str = field(repr=False)
    code_verifier: str = field(repr=False)


def start_sign_in(settings: XeroSettings) -> SignIn:
    code_verifier = secrets.token_urlsafe(64)
    state = secrets.token_urlsafe(24)
    url, _ = oauth_client(settings).create_authorization_url(
        settings.authorize_url, state=state, code_verifier=code_verifier
    )
    return SignIn(url, state, code_verifier)


def finish_sign_in(
    settings: XeroSettings,
    sign_in: SignIn,
    redirect: Redirect,
    store: TokenStore,
    *,
    transport: httpx.BaseTransport | None = None,
    clock: Clock | None = None,
) -> Token:
    """Check the redirect, exchange its code for tokens, and save them (before any use).

    The organisations chosen at an earlier sign-in stay chosen until `remember_organisations`.
    """
    params = redirect.params
    if "error" in params:
        raise XeroAuthError(f"Xero did not sign recon in ({params['error']}); {CONNECT_AGAIN}")
    if not secrets.compare_digest(params.get("state", ""), sign_in.state):
        raise XeroAuthError(f"The answer from Xero's sign-in page did not match this attempt; {CONNECT_AGAIN}")
    if not params.get("code"):
        raise XeroAuthError(f"Xero's sign-in page sent no authorization code; {CONNECT_AGAIN}")
    now = (clock or SystemClock()).time()
    client = oauth_client(settings, transport)
    answer = token_call(
        settings,
        lambda: client.fetch_token(
            settings.token_url,
            grant_type="authorization_code",
            code=params["code"],
            code_verifier=sign_in.code_verifier,
        ),
        connect_again=CONNECT_AGAIN,
    )
    previous = store.load(store_key(settings))
    token = Token.from_response(answer, now, tenant_ids=previous.tenant_ids if previous else ())
    if not token.refresh_token:
        raise XeroConfigError("Xero sent no refresh token; add offline_access to XERO_SCOPES and run `recon connect` again.")
    _save(store, store_key(settings), token)
    return token


def remember_organisations(settings: XeroSettings, store: TokenStore, tenant_ids: list[str]) -> None:
    """Keep the chosen organisations with the saved sign-in (tenant ids are not secret)."""
    key = store_key(settings)
    saved = store.load(key)
    if saved is None:
        raise XeroAuthError(f"There is no saved Xero sign-in for this app; {CONNECT_AGAIN}")
    _save(store, key, replace(saved, tenant_ids=tuple(tenant_ids)))


def _save(store: TokenStore, key: str, token: Token) -> None:
    try:
        store.save(key, token)
    except Exception as error:
        raise XeroConfigError(f"Could not save the Xero sign-in in {store!r} ({type(error).__name__}: {error}).") from None
