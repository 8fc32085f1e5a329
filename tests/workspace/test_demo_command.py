"""`recon demo` end to end, then `recon check --json` on its workspace: the stable interface."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from recon.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo") / "recon-demo"
    result = runner.invoke(app, ["demo", "--out", str(out), "--seed", "5", "--size", "0.3"])
    return out, result


def test_demo_runs_every_step_and_says_where_things_are(demo):
    out, result = demo
    assert result.exit_code == 0, result.output
    for step in ("recon init", "recon snapshot", "recon map", "recon check"):
        assert step in result.output
    assert "0 problem(s) left" in result.output  # the suggested mapping is complete
    html = out / "workspace" / "reports" / "check-1.html"
    assert html.exists() and f"report:    {html}" in result.output
    assert (out / "xero-sandbox-state.json").exists()
    # the guard, as a user would meet it: the back-sync refused until a person decides
    assert "--dry-run: refused, nothing written: " in result.output
    assert "records already in Xero are linked, never sent again" in result.output
    assert "recon rehearse -w" in result.output
    state = json.loads((out / "data" / "xero_state.json").read_text())
    secret = state["clients"][0]["client_secret"].encode()
    for path in (out / "workspace").rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert secret not in content and b"Bearer " not in content, f"a secret reached {path}"
    assert secret.decode() not in result.output


def test_check_json_is_the_documented_document_and_finds_the_typed_in_records(demo):
    out, _ = demo
    truth = json.loads((out / "data" / "truth.json").read_text())
    start, end = truth["window"]
    result = runner.invoke(app, ["check", "--from", start, "--to", end, "--json", "-w", str(out / "workspace")])
    assert result.exit_code == 1  # duplicates need a person
    doc = json.loads(result.output)
    assert set(doc) >= {"from", "duplicates", "problems", "summary"} and doc["from"] == start
    for finding in doc["duplicates"]:
        assert set(finding) == {"kind", "petmanager_id", "xero_id", "confidence", "tier", "reasons"}
        assert finding["kind"] in ("contact", "invoice", "credit_note", "payment", "overpayment")
        assert finding["tier"] in ("certain", "likely", "possible") and 0 <= finding["confidence"] <= 1
        assert finding["reasons"] and all(isinstance(r, str) for r in finding["reasons"])
    expected = {(d["kind"], d["petmanager_id"], d["xero_id"]) for d in truth["duplicates"]}
    found = {(d["kind"], d["petmanager_id"], d["xero_id"]) for d in doc["duplicates"] if d["tier"] != "possible"}
    certain = {(d["kind"], d["petmanager_id"], d["xero_id"]) for d in doc["duplicates"] if d["tier"] == "certain"}
    assert not certain - expected, "a false certain"
    assert len(found & expected) / len(found) >= 0.97  # precision
    assert len(found & expected) / len(expected) >= 0.95  # recall


@pytest.mark.browser
def test_the_demo_reports_open_cleanly_in_chromium(demo, open_report, tmp_path):
    out, _ = demo
    reports = sorted((out / "workspace" / "reports").glob("*.html"))
    assert {p.name.split("-")[0] for p in reports} == {"check", "snapshot"}
    for path in reports:
        page = open_report(path)
        assert page.console_problems == [] and page.page_errors == []
        assert page.requests == [] and page.dialogs == []
        assert "Paws &amp; Claws" not in page.page.inner_text("body")  # escaped once, not twice
        assert "Paws & Claws Pet Resort" in page.page.inner_text("body")
        page.screenshot(tmp_path / f"{path.stem}.png")
