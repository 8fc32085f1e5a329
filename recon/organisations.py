"""Which Xero organisations a workspace works with, when recon.toml does not say yet.

After `recon connect` (which remembers the organisations chosen) or with a custom connection
(which reaches exactly one), the first command that needs Xero writes the organisation into
recon.toml, with every location of the business, so the workspace says what it syncs to.
"""

from __future__ import annotations

import tomlkit

from recon.config import Config, load_document, save_document
from recon.errors import BadInput, Located
from recon.petmanager.business import read_business
from recon.petmanager.problems import Problems
from recon.workspace import Workspace
from sync.xero.client import XeroClient
from sync.xero.settings import XeroSettings


def adopt_connected_organisation(ws: Workspace, settings: XeroSettings) -> Config:
    """The workspace's config, with the connected organisation written in when none was configured."""
    config = ws.config()
    if config.organisations:
        return config
    with XeroClient(settings) as client:
        tenant_id = client.tenant_id  # the one chosen at `recon connect`, else the only connection
        name = next((c.get("tenantName", "") for c in client.connections() if c.get("tenantId") == tenant_id), "")
    problems = Problems()
    business = read_business(config.export / "business.json", problems) if config.export else None
    if business is None:
        raise BadInput([Located(str(ws.config_path), None, "petmanager.export",
                                "cannot read the export's business.json to assign its locations")])
    doc = load_document(ws.root)
    organisations = tomlkit.aot()
    organisations.append(tomlkit.item({"tenant_id": tenant_id, "name": name,
                                       "locations": [loc.location_id for loc in business.locations]}))
    doc["organisations"] = organisations
    save_document(ws.root, doc)
    return ws.config()
