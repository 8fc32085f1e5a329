"""`find_problems`: every reason one organisation's back-sync would fail or go wrong."""

from __future__ import annotations

import duckdb

from recon.check.findings import Problem, Window
from recon.config import Config
from recon.problems.contacts import contact_problems
from recon.problems.currency import currency_problems
from recon.problems.lock_dates import lock_date_problems
from recon.problems.mapping import mapping_problems
from recon.problems.money_before_window import money_before_window_problems
from recon.problems.money_outside_window import money_outside_window_problems
from recon.problems.numbers import number_problems
from recon.problems.organisation import read_business, read_organisation
from recon.problems.overdrawn import overdrawn_problems
from recon.problems.scope import Scope
from recon.problems.tax_rounding import tax_rounding_problems
from recon.problems.voided_links import voided_link_problems


def find_problems(
    con: duckdb.DuckDBPyConnection,
    *,
    config: Config,
    pm_snapshot: int,
    xero_snapshot: int,
    tenant_id: str,
    window: Window,
) -> list[Problem]:
    """The problems of pushing Pet Manager snapshot `pm_snapshot` (the locations recon.toml gives
    organisation `tenant_id`, the records the window holds) into Xero snapshot `xero_snapshot`:
    blocking ones first, in the order a person would fix them."""
    scope = Scope.of(config, pm_snapshot, xero_snapshot, tenant_id, window)
    organisation = read_organisation(con, scope)
    problems = [
        *currency_problems(read_business(con, scope), organisation, tenant_id),
        *mapping_problems(con, config, scope),
        *lock_date_problems(con, scope, organisation),
        *contact_problems(con, scope),
        *number_problems(con, scope),
        *tax_rounding_problems(con, config, scope),
        *overdrawn_problems(con, scope),
        *money_outside_window_problems(con, scope),
        *money_before_window_problems(con, scope),
        *voided_link_problems(con, scope),
    ]
    return sorted(problems, key=lambda p: not p.blocking)
