"""Step 2 mapping faults (unmapped codes, accounts of the wrong kind, tax types the organisation
does not have or cannot use on sales), from recon.mapping's own check, as blocking problems."""

from __future__ import annotations

import duckdb

from recon.check.findings import Problem
from recon.config import Config
from recon.mapping.check import check_mapping
from recon.mapping.facts import read_chart, read_petmanager_codes
from recon.problems.scope import Scope

# check_mapping compares recon.toml's currency with Xero's; currency.py reports the same fault from
# the snapshot's business.json, so it is not said twice.
_REPORTED_ELSEWHERE = {"business.currency"}


def mapping_problems(con: duckdb.DuckDBPyConnection, config: Config, scope: Scope) -> list[Problem]:
    codes = read_petmanager_codes(con, scope.pm_snapshot)
    chart = read_chart(con, scope.tenant_id, scope.xero_snapshot)
    return [
        Problem("mapping", True, f"{fault.column} in recon.toml: {fault.message}. Correct the mapping before the sync.",
                tenant_id=scope.tenant_id)
        for fault in check_mapping(config, codes, [chart])
        if fault.column not in _REPORTED_ELSEWHERE
    ]
