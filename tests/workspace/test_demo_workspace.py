"""A generated business through the real pieces: sandbox over HTTP, client, snapshots, Step 2 mapping."""

from __future__ import annotations

import json

import duckdb
import pytest
import tomlkit
from typer.testing import CliRunner

from recon.cli import app
from recon.demo import generate_demo
from sync.sandbox import Sandbox

runner = CliRunner()


@pytest.fixture(scope="module")
def demo_workspace(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    data = generate_demo(out / "data", seed=11, size=0.3)
    with Sandbox.start(state=data.xero_state) as sandbox:
        env = {"XERO_CLIENT_ID": sandbox.client_id, "XERO_CLIENT_SECRET": sandbox.client_secret,
               "XERO_BASE_URL": sandbox.base_url, "XERO_IDENTITY_URL": sandbox.base_url,
               "XERO_LOGIN_URL": sandbox.base_url}
        ws = out / "ws"
        args = ["init", str(ws), "--export", str(data.petmanager), "--tenant-id", sandbox.tenant_id,
                "--invoice-prefix", "INV", "--credit-note-prefix", "", "--start-date", "2025-01-01"]
        assert runner.invoke(app, args).exit_code == 0
        first = runner.invoke(app, ["snapshot", "-w", str(ws)], env=env)
        second = runner.invoke(app, ["snapshot", "--xero", "-w", str(ws)], env=env)
        mapped = runner.invoke(app, ["map", "-w", str(ws)], env=env)
        requests = sandbox.request_log.entries()
        yield {"ws": ws, "data": data, "first": first, "second": second, "mapped": mapped, "requests": requests}


def test_snapshots_take_both_sides_and_the_second_is_incremental(demo_workspace):
    assert demo_workspace["first"].exit_code == 0, demo_workspace["first"].output
    assert demo_workspace["second"].exit_code == 0, demo_workspace["second"].output
    con = duckdb.connect(str(demo_workspace["ws"] / "recon.duckdb"), read_only=True)
    modes = con.execute("SELECT side, mode FROM snapshots ORDER BY snapshot_id").fetchall()
    assert modes == [("petmanager", "full"), ("xero", "full"), ("xero", "incremental")]
    state = json.loads(demo_workspace["data"].xero_state.read_text())["organisations"][0]
    # Both Xero snapshots are complete: every invoice of the organisation, exactly once each.
    counts = con.execute("SELECT snapshot_id, count(*), count(DISTINCT invoice_id) FROM xero_invoices GROUP BY 1 ORDER BY 1").fetchall()
    assert counts == [(2, len(state["Invoices"]), len(state["Invoices"])), (3, len(state["Invoices"]), len(state["Invoices"]))]
    # Nothing changed in between: the incremental read costs one request per entity.
    requests = con.execute("SELECT sum(requests) FROM xero_watermarks WHERE snapshot_id = 3").fetchone()[0]
    assert requests == 12
    # Money arrived exactly: Xero's totals in the workspace equal the organisation's, to the cent.
    total = con.execute("SELECT sum(total) FROM xero_invoices WHERE snapshot_id = 3").fetchone()[0]
    from decimal import Decimal
    assert total == sum(Decimal(str(i["Total"])) for i in state["Invoices"])


def test_mapping_suggestions_are_the_ones_an_accountant_would_pick(demo_workspace):
    assert demo_workspace["mapped"].exit_code == 0, demo_workspace["mapped"].output
    truth = json.loads(demo_workspace["data"].truth.read_text())["mapping"]
    mapping = tomlkit.parse((demo_workspace["ws"] / "recon.toml").read_text()).unwrap()["mapping"]
    assert mapping["items"] == truth["item_codes"]
    assert mapping["area_types"] == truth["area_types"]
    assert mapping["tax"] == truth["tax_codes"]
    assert mapping["payment_methods"] == truth["payment_methods"]
    assert mapping["accounts"]["stripe_clearing"] == truth["stripe"]["clearing_account"]
    assert mapping["accounts"]["stripe_fees"] == truth["stripe"]["fee_account"]
    assert mapping["accounts"]["rounding"] == truth["rounding_account"]
    assert "mapping ready" in demo_workspace["mapped"].output
    check = runner.invoke(app, ["map", "--check", "-w", str(demo_workspace["ws"])])
    assert check.exit_code == 0, check.output


def test_a_broken_mapping_lists_every_fault_and_exits_1(demo_workspace, tmp_path):
    import shutil

    ws = tmp_path / "ws"
    shutil.copytree(demo_workspace["ws"], ws)
    doc = tomlkit.parse((ws / "recon.toml").read_text())
    doc["mapping"]["items"]["DAYCARE"] = "208"          # archived
    doc["mapping"]["tax"]["GST"] = "INPUT"               # not for sales
    doc["mapping"]["payment_methods"]["eftpos"] = "404"  # an expense, not a bank
    del doc["mapping"]["accounts"]["rounding"]
    del doc["numbering"]["invoice_prefix"]
    (ws / "recon.toml").write_text(tomlkit.dumps(doc))
    result = runner.invoke(app, ["map", "--check", "-w", str(ws)])
    assert result.exit_code == 1
    for fault in ("mapping.items.DAYCARE: account 208 'Puppy Preschool (old)' is archived",
                  "mapping.tax.GST: tax type INPUT",
                  "mapping.payment_methods.eftpos: account 404 'Bank Fees' is EXPENSE",
                  "mapping.accounts.rounding: no account set for rounding",
                  "numbering.invoice_prefix: missing"):
        assert fault in result.output
