"""Documents whose total, as Xero computes it (tax per line, see xero_tax.py), misses Pet
Manager's total. The sync lands the exact total with a rounding line to the mapped rounding
account; without that account it cannot, so the problem blocks."""

from __future__ import annotations

import duckdb

from recon.check.findings import Problem
from recon.config import Config
from recon.problems.scope import Scope
from recon.problems.sql import fetch
from recon.problems.wording import money, record, signed


def tax_rounding_problems(con: duckdb.DuckDBPyConnection, config: Config, scope: Scope) -> list[Problem]:
    tax = config.mapping.tax
    rounding = config.mapping.accounts.get("rounding")
    params = {**scope.params(), "tax_codes": list(tax), "tax_types": list(tax.values())}
    problems = []
    for row in fetch(con, "tax_rounding", params):
        adjustment = signed(row.total - row.xero_total)
        found = (f"{record(row.document_kind, row.document_number)} of {row.document_date} totals {money(row.total)} "
                 f"in Pet Manager but Xero, taxing each line, would total {money(row.xero_total)}")
        if rounding:
            message = f"{found}: it needs a rounding adjustment of {adjustment} to account {rounding}."
        else:
            message = (f"{found}: it needs a rounding adjustment of {adjustment}, but no rounding account is "
                       f"mapped. Set mapping.accounts.rounding in recon.toml.")
        problems.append(Problem("tax_rounding", not rounding, message, record_kind=row.document_kind,
                                petmanager_id=row.document_id, tenant_id=scope.tenant_id))
    return problems
