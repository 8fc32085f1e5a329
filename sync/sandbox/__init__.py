"""A local Xero sandbox: a real HTTP server that behaves like Xero's identity service and
Accounting API closely enough that passing against it means something.

    with Sandbox.start() as xero:
        httpx.post(f"{xero.base_url}/connect/token", auth=(xero.client_id, xero.client_secret),
                   data={"grant_type": "client_credentials"})
"""

from sync.sandbox.config import SandboxConfig
from sync.sandbox.server import Sandbox

__all__ = ["Sandbox", "SandboxConfig"]
