"""Where Xero is and who we are to it, read once from the environment.

Defaults are the real Xero. Tests and the local sandbox point all three URLs at one loopback
server. Plain `http://` is accepted only for loopback addresses, so a typo can never send a
token over the network in clear text.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from sync.xero.errors import XeroConfigError

# Xero's granular scopes (required for apps created from 2 March 2026, available to older apps
# from April 2026). Apps still on the broad scopes set
# XERO_SCOPES="offline_access accounting.transactions accounting.contacts accounting.settings".
DEFAULT_SCOPES = (
    "offline_access",
    "accounting.invoices",
    "accounting.payments",
    "accounting.banktransactions",
    "accounting.contacts",
    "accounting.settings",
)
DEFAULT_REDIRECT_URI = "http://127.0.0.1:8765/callback"


@dataclass(frozen=True)
class XeroSettings:
    client_id: str
    client_secret: str | None = field(default=None, repr=False)
    base_url: str = "https://api.xero.com"
    identity_url: str = "https://identity.xero.com"
    login_url: str = "https://login.xero.com"
    scopes: tuple[str, ...] = DEFAULT_SCOPES
    redirect_uri: str = DEFAULT_REDIRECT_URI

    def __post_init__(self) -> None:
        if not self.client_id:
            raise XeroConfigError("XERO_CLIENT_ID is not set; copy the client id of your Xero app into it.")
        for name, url in (
            ("XERO_BASE_URL", self.base_url),
            ("XERO_IDENTITY_URL", self.identity_url),
            ("XERO_LOGIN_URL", self.login_url),
        ):
            check_url(name, url)
        check_url("XERO_REDIRECT_URI", self.redirect_uri)
        if urlsplit(self.redirect_uri).scheme != "http" or not is_loopback(urlsplit(self.redirect_uri).hostname):
            raise XeroConfigError(
                f"XERO_REDIRECT_URI must be an http:// address on this computer (like {DEFAULT_REDIRECT_URI}), "
                f"not {self.redirect_uri}."
            )

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> XeroSettings:
        env = os.environ if environ is None else environ
        scopes = env.get("XERO_SCOPES", "").split()
        return cls(
            client_id=env.get("XERO_CLIENT_ID", "").strip(),
            client_secret=env.get("XERO_CLIENT_SECRET", "").strip() or None,
            base_url=_strip(env.get("XERO_BASE_URL")) or cls.base_url,
            identity_url=_strip(env.get("XERO_IDENTITY_URL")) or cls.identity_url,
            login_url=_strip(env.get("XERO_LOGIN_URL")) or cls.login_url,
            scopes=tuple(scopes) or DEFAULT_SCOPES,
            redirect_uri=env.get("XERO_REDIRECT_URI", "").strip() or DEFAULT_REDIRECT_URI,
        )

    @property
    def accounting_url(self) -> str:
        return f"{self.base_url}/api.xro/2.0"

    @property
    def connections_url(self) -> str:
        return f"{self.base_url}/connections"

    @property
    def token_url(self) -> str:
        return f"{self.identity_url}/connect/token"

    @property
    def revocation_url(self) -> str:
        return f"{self.identity_url}/connect/revocation"

    @property
    def authorize_url(self) -> str:
        return f"{self.login_url}/identity/connect/authorize"

    def require_secret(self) -> str:
        """The client secret, which a custom connection (client credentials) cannot do without."""
        if not self.client_secret:
            raise XeroConfigError(
                "XERO_CLIENT_SECRET is not set; a Xero custom connection needs the app's client secret "
                "(a standard app signs in with `recon connect` first)."
            )
        return self.client_secret


def check_url(name: str, url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise XeroConfigError(f"{name} must be an https:// address, not {url!r}.")
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise XeroConfigError(
            f"{name} uses plain http:// to {parts.hostname}; only https:// is allowed except to this computer."
        )


def is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _strip(url: str | None) -> str:
    return (url or "").strip().rstrip("/")
