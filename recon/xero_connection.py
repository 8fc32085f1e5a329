"""How recon commands get a Xero client: the connection settings come from the environment
(XERO_CLIENT_ID, XERO_CLIENT_SECRET, XERO_BASE_URL, ...), the organisation from recon.toml."""

from __future__ import annotations

from sync.xero.client import XeroClient
from sync.xero.settings import XeroSettings


def client_factory(settings: XeroSettings | None = None):
    """A function tenant id -> XeroClient, sharing one settings object (read once)."""
    settings = settings or XeroSettings.from_env()

    def client_for(tenant_id: str) -> XeroClient:
        return XeroClient(settings, tenant_id=tenant_id)

    return client_for

