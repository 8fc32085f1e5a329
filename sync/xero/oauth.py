"""The OAuth2 wire protocol, delegated to authlib's httpx client, with Xero's answers mapped to our errors.

authlib builds the authorize URL (PKCE S256) and talks to the token endpoint; this module only
chooses its settings and turns its failures into one clear sentence each.
"""

from __future__ import annotations

import warnings

import authlib.deprecate
import httpx

from sync.xero.errors import XeroAuthError, XeroConfigError, XeroError, XeroUnavailable
from sync.xero.settings import XeroSettings

with warnings.catch_warnings():
    # authlib prefers the `httpx2` package and warns when it falls back to httpx, which works.
    warnings.simplefilter("ignore", authlib.deprecate.AuthlibDeprecationWarning)
    from authlib.integrations.httpx_client import OAuth2Client, OAuthError

TOKEN_TIMEOUT = httpx.Timeout(30.0, connect=10.0)


def oauth_client(
    settings: XeroSettings, transport: httpx.BaseTransport | None = None, *, with_scopes: bool = True
) -> OAuth2Client:
    """authlib's client for Xero's identity server: Basic auth with a secret, PKCE-only without."""
    return OAuth2Client(
        client_id=settings.client_id,
        client_secret=settings.client_secret,
        token_endpoint_auth_method="client_secret_basic" if settings.client_secret else "none",
        scope=" ".join(settings.scopes) if with_scopes else None,
        redirect_uri=settings.redirect_uri,
        code_challenge_method="S256",
        transport=transport,
        timeout=TOKEN_TIMEOUT,
    )


def token_call(settings: XeroSettings, call, *, connect_again: str) -> dict:
    """Run one token endpoint call; `connect_again` says what to do when Xero refuses the grant."""
    try:
        return dict(call())
    except OAuthError as error:
        raise _oauth_error(settings, error.error, error.description, connect_again) from None
    except httpx.HTTPStatusError as error:
        status = error.response.status_code
        if status == 404:
            raise XeroConfigError(f"Nothing answers at {settings.token_url}; check XERO_IDENTITY_URL.") from None
        raise XeroUnavailable(f"Xero's token endpoint answered HTTP {status}; try again later.") from None
    except ValueError:
        raise XeroConfigError(
            f"{settings.token_url} did not answer like an OAuth2 token endpoint; check XERO_IDENTITY_URL."
        ) from None


def _oauth_error(settings: XeroSettings, code: str, description: str | None, connect_again: str) -> XeroError:
    detail = f" ({description})" if description else ""
    if code == "invalid_client":
        return XeroConfigError(
            f"Xero does not accept XERO_CLIENT_ID/XERO_CLIENT_SECRET{detail}; copy them again from the app's "
            f"page at developer.xero.com."
        )
    if code == "invalid_scope":
        return XeroConfigError(
            f"Xero refused the scopes {' '.join(settings.scopes)}{detail}; set XERO_SCOPES to the scopes your app has."
        )
    if code == "unauthorized_client":
        return XeroAuthError(
            f"This Xero app may not use that sign-in method{detail}; a custom connection needs client credentials, "
            f"a standard app needs `recon connect`."
        )
    if code == "invalid_grant":
        return XeroAuthError(f"Xero no longer accepts the saved sign-in{detail}; {connect_again}")
    return XeroAuthError(f"Xero refused the sign-in: {code}{detail}; {connect_again}")
