"""Documents already in Xero (same number, contact and total: a link, so the sync leaves them) but
VOIDED there while live in Pet Manager: Xero holds none of their money and takes no payment or
allocation against them. Not blocking: the sync can go on and report them."""

from __future__ import annotations

import duckdb

from recon.check.findings import Problem
from recon.problems.scope import Scope
from recon.problems.sql import fetch
from recon.problems.wording import money, record


def voided_link_problems(con: duckdb.DuckDBPyConnection, scope: Scope) -> list[Problem]:
    return [
        Problem(
            "voided_in_xero", False,
            f"{record(row.document_kind, row.document_number)} of {row.document_date} ({money(row.total)}) is {row.status} "
            f"in Pet Manager but its copy {row.xero_number} in Xero is VOIDED. The sync leaves it there, so Xero holds "
            f"none of its {money(row.total)} and takes no payment or allocation against it: void it in Pet Manager too, "
            f"or enter it again in Xero under another number.",
            record_kind=row.document_kind, petmanager_id=row.document_id, xero_id=row.xero_id, tenant_id=scope.tenant_id,
        )
        for row in fetch(con, "voided_links", scope.params())
    ]
