"""A sandbox state document from records read out of a real Xero organisation (a snapshot).

`state_from_records(records, tenant_id)` takes each entity's records exactly as Xero returned
them (raw JSON, as `recon snapshot` keeps them in `xero_records.raw`) and returns the state file
document (docs/architecture.md, "Sandbox state file") that makes a sandbox behave like that
organisation: every ID, number, status, date, allocation, payment link and lock date is kept,
so numbers already taken stay taken (a voided invoice keeps its number), lock dates are enforced,
and the bank accounts, tax rates, tracking categories and contact groups are the organisation's.

One generated client (client id and secret) is allowed the organisation; nothing of the real
organisation's credentials is involved.
"""

from __future__ import annotations

import copy
import secrets

from sync.sandbox.state import FORMAT, LOAD_ORDER

# What a snapshot holds that is not one of the sandbox's collections.
ORGANISATION = "Organisation"


def state_from_records(records: dict[str, list[dict]], tenant_id: str, *, client_id: str | None = None,
                       client_secret: str | None = None) -> dict:
    """The state document for one organisation. `records` maps an entity name ("Organisation",
    "Invoices", ...) to its records as Xero wrote them; unknown entities are refused so that
    nothing a snapshot holds is silently left out."""
    unknown = sorted(set(records) - set(LOAD_ORDER) - {ORGANISATION})
    if unknown:
        raise ValueError(f"the sandbox cannot hold these Xero entities: {', '.join(unknown)}")
    organisations = records.get(ORGANISATION) or []
    if len(organisations) != 1:
        raise ValueError(f"expected one Organisation record, found {len(organisations)}")
    organisation = copy.deepcopy(organisations[0])
    name = organisation.get("Name") or "Organisation"
    collections = {entity: copy.deepcopy(records.get(entity, [])) for entity in LOAD_ORDER}
    _complete_group_membership(collections["ContactGroups"], collections["Contacts"])
    return {
        "format": FORMAT,
        "clients": [{
            "client_id": client_id or secrets.token_hex(16).upper(),
            "client_secret": client_secret or secrets.token_urlsafe(36),
            "tenant_ids": [str(tenant_id)],
        }],
        "organisations": [{"tenant_id": str(tenant_id), "tenant_name": name, "Organisation": organisation,
                           **collections}],
    }


def _complete_group_membership(groups: list[dict], contacts: list[dict]) -> None:
    """Xero lists a group's members only when one group is read by ID, and a contact's groups only
    on some reads: join both directions so the sandbox knows every member either way."""
    by_id = {str(group["ContactGroupID"]).lower(): group for group in groups}
    for group in groups:
        group.setdefault("Contacts", [])
    for contact in contacts:
        for membership in contact.get("ContactGroups") or []:
            group = by_id.get(str(membership.get("ContactGroupID", "")).lower())
            if group is not None and all(str(m["ContactID"]).lower() != str(contact["ContactID"]).lower()
                                         for m in group["Contacts"]):
                group["Contacts"].append({"ContactID": contact["ContactID"], "Name": contact.get("Name", "")})
    contacts_by_id = {str(contact["ContactID"]).lower(): contact for contact in contacts}
    for group in groups:
        for member in group["Contacts"]:
            contact = contacts_by_id.get(str(member["ContactID"]).lower())
            if contact is None:
                continue
            memberships = contact.setdefault("ContactGroups", [])
            if all(str(m.get("ContactGroupID", "")).lower() != str(group["ContactGroupID"]).lower()
                   for m in memberships):
                memberships.append({"ContactGroupID": group["ContactGroupID"], "Name": group.get("Name", ""),
                                    "Status": group.get("Status", "ACTIVE")})
