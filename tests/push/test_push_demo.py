"""A small generated demo business (recon.demo), its duplicates decided, planned and pushed into
the demo's Xero organisation over real HTTP — cleanly, and again with 10 % 5xx answers and 5 % of
requests committed then dropped. Xero ends with every pushed record once and Pet Manager's totals;
what Xero refuses (the demo's traps: a number taken by a hand-typed invoice, a payment larger than
what is owing) fails with Xero's own message and its dependants are held, in both runs alike."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest
from push_world import SANDBOX, assert_exactly_once, client_of, new_outbox

from recon.demo.pipeline import run_demo
from recon.resolve import Decision, record_decisions
from recon.syncplan import build_plan
from recon.workspace import Workspace
from sync.outbox import Outbox
from sync.push import push
from sync.sandbox import Sandbox
from sync.xero import XeroUnavailable

DECIDED = {"certain": "same", "likely": "different"}  # the accountant's decision per tier


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """(the demo's outcome, its plan) with every likely or certain duplicate decided."""
    outcome = run_demo(tmp_path_factory.mktemp("demo") / "d", seed=5, size=0.1, say=lambda _: None)
    ws = Workspace(outcome.workspace)
    at = dt.datetime.now(dt.timezone.utc)
    record_decisions(ws, [Decision.on(d, DECIDED[d.tier], by="test", why="", run_id=outcome.check.run_id, at=at)
                          for d in outcome.check.duplicates if d.tier in DECIDED])
    return outcome, build_plan(ws, outcome.check.window, outcome.check)


def pushed(demo, tmp_path, *faults) -> tuple[dict, dict]:
    """Push the demo's plan into its organisation with `faults` armed, rerunning while Xero stays
    unavailable; check Xero; (state by natural key, error by natural key)."""
    outcome, plan = demo
    tmp_path.mkdir(exist_ok=True)
    path = tmp_path / "recon.duckdb"
    with Sandbox.start(outcome.sandbox_state, SANDBOX) as sb, client_of(sb, tmp_path) as xero:
        new_outbox(path, plan, sb.tenant_id)
        con = duckdb.connect(str(path))
        try:
            for arm in faults:
                arm(sb.faults)
            for _ in range(10):
                try:
                    result = push(xero, Outbox(con))
                except XeroUnavailable:
                    continue
                break
            sb.faults.clear()
            assert result.finished, result
            assert_exactly_once(xero, plan, con, any_failed_ok=True)
            rows = con.execute("SELECT natural_key, state, error FROM outbox").fetchall()
        finally:
            con.close()
    return {key: state for key, state, _ in rows}, {key: error for key, _, error in rows if error}


def test_the_demo_business_is_pushed_once_and_what_xero_refuses_is_reported(demo, tmp_path):
    _, plan = demo
    states, errors = pushed(demo, tmp_path)
    assert {"invoice", "payment", "stripe_fee_bill", "payout"} <= {write.kind for write in plan.writes}
    assert sum(state == "done" for state in states.values()) >= 0.9 * len(plan.writes)
    failed = {key for key, state in states.items() if state == "failed"}
    held = {key for key, state in states.items() if state == "held"}
    assert failed, "the demo's traps make Xero refuse a few records"
    assert {errors[key] for key in failed} >= {"Invoice # must be unique."}
    for key in held:
        assert errors[key].startswith("waits for ") and ", which failed: " in errors[key], errors[key]


def test_the_demo_business_under_5xx_and_dropped_connections_ends_the_same(demo, tmp_path):
    clean_states, _ = pushed(demo, tmp_path / "clean")
    states, _ = pushed(demo, tmp_path / "faulty",
                       lambda faults: faults.fail(503, times=None, probability=0.10),
                       lambda faults: faults.drop_after_commit(times=None, probability=0.05))
    assert states == clean_states
