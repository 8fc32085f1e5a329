"""Every customer becomes a Xero contact named `first last CN<id>` (or `company CN<id>`) with
ContactNumber `<id>` (Step 3 sends every customer, so every customer is checked). Xero keeps
active contact names unique and finds a contact by its ContactNumber, so:

- an active contact holding the name under another (or no) number makes the push fail;
- a contact holding the number under a name without this customer's `CN<id>` would be overwritten
  with this customer; one whose name still ends in `CN<id>` is this customer renamed in Xero, and
  the sync renames it back (Pet Manager is the master);
- an archived contact does not hold its name: the sync creates a second, active contact beside it;
  and when it is this customer's own contact, Xero refuses documents for it until it is restored.
"""

from __future__ import annotations

import duckdb

from recon.check.findings import Problem
from recon.problems.scope import Scope
from recon.problems.sql import fetch


def contact_problems(con: duckdb.DuckDBPyConnection, scope: Scope) -> list[Problem]:
    problems = []
    for row in fetch(con, "contact_collisions", scope.params()):
        kind, blocking, message = _describe(row)
        problems.append(Problem(kind, blocking, message, record_kind="contact", petmanager_id=row.customer_id,
                                xero_id=row.contact_id, tenant_id=scope.tenant_id))
    return problems


def _describe(row) -> tuple[str, bool, str]:
    customer = f"customer {row.customer_id} ('{row.contact_name}')"
    number = f"contact number {row.xero_contact_number}" if row.xero_contact_number else "no contact number"
    if row.collision == "name_taken":
        return "contact_name_collision", True, (
            f"{customer}: Xero's active contact '{row.name}' already has that name, with {number}, and Xero "
            f"contact names are unique, so the push would fail. If it is this customer, link it as a duplicate; "
            f"otherwise rename or archive that Xero contact.")
    if row.collision == "number_taken" and row.name.lower().endswith(f" cn{row.customer_id}"):
        return "contact_renamed", False, (
            f"{customer}: Xero's contact with contact number {row.customer_id} is named '{row.name}'; the sync "
            f"renames it to '{row.contact_name}' (Pet Manager is the master). Change the name in Pet Manager if "
            f"Xero's is the right one.")
    if row.collision == "number_taken":
        return "contact_number_collision", True, (
            f"{customer}: Xero's contact '{row.name}' already has contact number {row.customer_id}, and Xero finds "
            f"contacts by their number, so the sync would overwrite that contact with this customer. If it is this "
            f"customer, link it as a duplicate; otherwise its contact number must be cleared (only possible "
            f"through the API) before the sync.")
    if row.xero_contact_number == str(row.customer_id):
        return "contact_archived", False, (
            f"{customer}: its Xero contact '{row.name}' is archived, and Xero refuses invoices, credit notes and "
            f"payments for an archived contact. Restore it in Xero before the sync, or this customer's documents "
            f"fail and are reported.")
    return "contact_archived", False, (
        f"{customer}: Xero has an archived contact '{row.name}' with {number}. Archived contacts do not hold "
        f"their name, so the sync creates a second, active '{row.contact_name}' beside it. If it is this customer, "
        f"restore it and link it as a duplicate instead.")
