"""Money the sync would push beyond what its document allows: credit notes and overpayments
allocated and refunded beyond the credit left, invoices paid and credited beyond what is due.
Xero refuses the record that overdraws. When the sync pushes the document too, Pet Manager's own
figures do not add up and the sync must not start (blocking). When the document is already in
Xero, the money is usually already there as well (a duplicate the matcher finds): the sync can
hold the record and report it (not blocking)."""

from __future__ import annotations

import duckdb

from recon.check.findings import Problem
from recon.problems.scope import Scope
from recon.problems.sql import fetch
from recon.problems.wording import money, record

DUPLICATE_ADVICE = "If some of them are already in Xero, link them as duplicates; otherwise correct them in Pet Manager."


def overdrawn_problems(con: duckdb.DuckDBPyConnection, scope: Scope) -> list[Problem]:
    params = scope.params()
    problems = []
    for row in fetch(con, "credit_overdrawn", params):
        source = record(row.source_type, row.source_number)
        spent = row.allocated + row.refunded
        uses = f"{money(row.allocated)} allocated and {money(row.refunded)} refunded in the window"
        if row.pushed:
            message = (f"{source} holds {money(row.left)} of credit but the sync would push {uses}, "
                       f"{money(spent - row.left)} more than it holds: Xero would refuse what overdraws it. "
                       f"Correct the allocations or refunds in Pet Manager.")
        else:
            message = (f"{source} has {money(row.left)} of credit left in Xero but the sync would push {uses}, "
                       f"{money(spent - row.left)} more: Xero would refuse what overdraws it. {DUPLICATE_ADVICE}")
        problems.append(Problem("over_allocation", row.pushed, message, record_kind=row.source_type,
                                petmanager_id=row.source_id, xero_id=row.xero_id, tenant_id=scope.tenant_id))
    for row in fetch(con, "invoice_overpaid", params):
        invoice = record("invoice", row.invoice_number)
        received = row.paid + row.credited
        uses = f"{money(row.paid)} in payments and {money(row.credited)} in credits in the window"
        if row.pushed:
            message = (f"{invoice} totals {money(row.due)} but the sync would push {uses}, "
                       f"{money(received - row.due)} more than its total: Xero refuses a payment larger than the "
                       f"amount due. Correct the payments or allocations in Pet Manager.")
        else:
            message = (f"{invoice} has {money(row.due)} due in Xero ({row.xero_status}) but the sync would push {uses}, "
                       f"{money(received - row.due)} more: Xero refuses a payment larger than the amount due. "
                       f"{DUPLICATE_ADVICE}")
        problems.append(Problem("overpaid_invoice", row.pushed, message, record_kind="invoice",
                                petmanager_id=row.invoice_id, xero_id=row.xero_id, tenant_id=scope.tenant_id))
    return problems
