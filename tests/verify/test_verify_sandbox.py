"""Verification after a real push: the sample business planned as `recon sync` plans it, pushed into
the local Xero sandbox over HTTP by the pusher, a fresh Xero snapshot taken into the workspace; the
verification finds every record once with Pet Manager's amounts, on the right documents (the
failing cases are in test_verify.py, on hand-made snapshots)."""

from __future__ import annotations

import pytest

pytest.importorskip("sync.push")  # the pusher is built beside this test

from tests.push.push_world import SANDBOX, client_of, sample_plan, sample_state  # noqa: E402

from recon.snapshot.run import take_snapshots  # noqa: E402
from recon.status import sync_status  # noqa: E402
from recon.syncplan import to_outbox_writes  # noqa: E402
from recon.syncrecord import record_plan  # noqa: E402
from recon.verify import verify  # noqa: E402
from recon.workspace import Workspace  # noqa: E402
from sync.outbox import Outbox  # noqa: E402
from sync.push import push  # noqa: E402
from sync.sandbox import Sandbox  # noqa: E402


def test_a_real_push_into_the_sandbox_verifies_clean(sample_export, tmp_path):
    plan = sample_plan(sample_export, tmp_path)
    ws = Workspace(tmp_path / "workspace")
    tenant = ws.config().organisations[0].tenant_id
    with Sandbox.start(sample_state(), SANDBOX) as sb, client_of(sb, tmp_path) as xero:
        assert sb.tenant_id == tenant
        con = ws.connect()
        try:
            record_plan(con, plan, tenant_id=tenant, window_from=plan_start(ws), window_to=None, on_duplicate="refuse")
            Outbox(con).add_plan(plan.hash, to_outbox_writes(plan), tenant_id=tenant)
            assert push(xero, Outbox(con)).finished
        finally:
            con.close()
        take_snapshots(ws, petmanager=False, xero=True, client_for=lambda _: client_of(sb, tmp_path))
        result = verify(ws, plan.hash, tenant)
        assert result.findings == []
        assert result.unchecked == {}
        assert result.total_checked == len(plan.writes)
        assert {"invoice", "payment", "credit_note_allocation", "overpayment", "overpayment_allocation", "refund",
                "stripe_fee_bill", "stripe_fee_payment", "payout", "contact_group_member"} <= set(result.checked)
        assert not sync_status(ws, tenant).needs_a_person


def plan_start(ws: Workspace):
    return ws.config().start_date
