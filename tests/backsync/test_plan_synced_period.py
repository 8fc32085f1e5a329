"""Over the period Pet Manager has synced itself (the demo's Xero holds everything from 2025-07-01),
the plan writes nothing: no invoice, payment, refund or Stripe payout is sent a second time."""

import datetime as dt

from recon.check.findings import Window
from recon.check.run import run_check
from recon.syncplan import build_plan
from recon.workspace import Workspace

SYNCED = Window(dt.date(2025, 7, 1), None)


def test_nothing_pet_manager_already_synced_is_planned_again(workspace):
    ws = Workspace(workspace)
    plan = build_plan(ws, SYNCED, run_check(ws, SYNCED), on_duplicate="skip")
    assert [write.natural_key for write in plan.writes] == []
    linked = {left.kind for left in plan.linked}
    assert {"invoice", "payment", "payout"} <= linked
    payouts = [left for left in plan.linked if left.kind == "payout"]
    assert all(left.reason.startswith("already in Xero: transfer") for left in payouts)
