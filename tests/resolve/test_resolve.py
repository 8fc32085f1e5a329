"""`recon resolve` on a small demo business whose bookkeeper typed some of Pet Manager's records
into Xero by hand: the check found them; the accountant decides each one."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from recon.check.findings import TIERS
from recon.check.report import write_check_report
from recon.resolve import current_decisions, decision_history, latest_run, suspects, unresolved
from recon.workspace import Workspace


def read(ws: Workspace, what):
    con = ws.connect()
    try:
        return what(con)
    finally:
        con.close()


def the_suspects(ws: Workspace, tiers=TIERS):
    return read(ws, lambda con: suspects(con, latest_run(con), tiers))


def pair_text(d) -> str:
    return f"{d.kind}:{d.petmanager_id}:{d.xero_id}"


def rows_of(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as source:
        return list(csv.DictReader(source))


def write_rows(path: Path, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_the_demo_has_suspects_in_every_tier_the_tests_need(ws):
    tiers = {d.tier for d in the_suspects(ws)}
    assert {"certain", "likely"} <= tiers


def test_nothing_decided_yet_exits_1_and_says_how_many_remain(recon, ws):
    result = recon("resolve")
    assert result.exit_code == 1, result.output
    waiting = len(the_suspects(ws, ("certain", "likely")))
    assert f"{waiting} certain or likely suspected duplicate(s) still undecided" in result.output


def test_bulk_by_tier_decides_every_undecided_one_of_that_tier(recon, ws):
    certain = the_suspects(ws, ("certain",))
    result = recon("resolve", "--all-tier", "certain", "--as", "same", "--why", "typed by hand in July",
                   "--by", "alice")
    assert result.exit_code == 1, result.output  # the likely ones remain
    assert f"recorded {len(certain)} decision(s)" in result.output
    decisions = read(ws, current_decisions)
    assert len(decisions) == len(certain)
    for d in certain:
        decided = decisions[d.tenant_id, d.kind, d.petmanager_id, d.xero_id]
        assert (decided.decision, decided.decided_by, decided.why) == ("same", "alice", "typed by hand in July")
        assert decided.check_run_id == 1 and decided.decided_at.utcoffset().total_seconds() == 0

    result = recon("resolve", "--all-tier", "likely", "--all-tier", "certain", "--as", "different")
    assert result.exit_code == 0, result.output
    assert "every certain and likely suspected duplicate is decided" in result.output
    decisions = read(ws, current_decisions)
    assert {decisions[d.tenant_id, d.kind, d.petmanager_id, d.xero_id].decision for d in certain} == {"same"}


def test_bulk_by_tier_of_one_kind(recon, ws):
    result = recon("resolve", "--all-tier", "likely", "--kind", "invoice", "--as", "same")
    assert result.exit_code == 1, result.output
    decided = read(ws, current_decisions)
    assert decided and {kind for _, kind, _, _ in decided} == {"invoice"}


def test_one_pair_then_changed_keeps_the_history(recon, ws):
    d = the_suspects(ws)[0]
    assert recon("resolve", "--pair", pair_text(d), "--as", "different", "--why", "two dogs, two stays").exit_code == 1
    result = recon("resolve", "--pair", pair_text(d), "--as", "same", "--why", "one stay after all", "--by", "bob")
    assert "recorded 1 decision(s): the same record: link it, never push it" in result.output
    history = read(ws, decision_history)
    assert [(h.decision, h.why) for h in history] == [("different", "two dogs, two stays"),
                                                      ("same", "one stay after all")]
    current = read(ws, current_decisions)[d.tenant_id, d.kind, d.petmanager_id, d.xero_id]
    assert (current.decision, current.decided_by) == ("same", "bob")


def test_an_unknown_pair_is_refused_and_nothing_written(recon, ws):
    d = the_suspects(ws)[0]
    result = recon("resolve", "--pair", pair_text(d), "--pair", "invoice:999999:nope", "--as", "same")
    assert result.exit_code == 2
    assert "command line, column --pair: 'invoice:999999:nope' is not KIND:PM_ID:XERO_ID" in result.output
    assert read(ws, decision_history) == []


@pytest.mark.parametrize("args, message", [
    (["--all-tier", "certain"], "say --as same"),
    (["--all-tier", "sure", "--as", "same"], "'sure' is not a tier"),
    (["--pair", "x:1:y", "--as", "maybe"], "say --as same"),
    (["--as", "same"], "goes with --all-tier or --pair"),
    (["--all"], "goes with --export-csv or --list"),
    (["--list", "--export-csv", "x.csv"], "at a time"),
    (["--kind", "bill", "--list"], "'bill' is not a kind"),
])
def test_bad_usage_exits_2(recon, args, message):
    result = recon("resolve", *args)
    assert result.exit_code == 2
    assert message in result.output


def test_no_workspace_exits_2(app, tmp_path):
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, ["resolve", "-w", str(tmp_path)])
    assert result.exit_code == 2 and "not a recon workspace" in result.output


def test_csv_round_trip(recon, ws, tmp_path):
    # one decision already made, with a why a spreadsheet would read as a formula
    first = the_suspects(ws)[0]
    recon("resolve", "--pair", pair_text(first), "--as", "same", "--why", "=both typed on 3 July")
    sheet = tmp_path / "to-decide.csv"
    result = recon("resolve", "--export-csv", str(sheet))
    assert result.exit_code == 1, result.output
    undecided = rows_of(sheet)
    assert len(undecided) == len(the_suspects(ws)) - 1
    assert all(row["Decision"] == "" and row["Why"] == "" for row in undecided)

    everything = tmp_path / "all.csv"
    recon("resolve", "--export-csv", str(everything), "--all")
    rows = rows_of(everything)
    assert rows[0]["Xero id"] == first.xero_id and rows[0]["Decision"] == "same"
    assert rows[0]["Why"] == "'=both typed on 3 July"  # neutralised against spreadsheet formulas
    result = recon("resolve", "--from-csv", str(everything))  # as written: nothing changes
    assert f"recorded 0 decision(s) from {everything}; 1 unchanged" in result.output
    assert len(read(ws, decision_history)) == 1

    # the accountant decides every certain and likely one, and leaves the possible ones empty
    for row in undecided:
        if row["Tier"] in ("certain", "likely"):
            same = row["Kind"] != "payment"
            row["Decision"], row["Why"] = ("Same", "checked the bank feed") if same else ("different", "")
    write_rows(sheet, undecided)
    result = recon("resolve", "--from-csv", str(sheet), "--by", "carol")
    assert result.exit_code == 0, result.output
    filled = [row for row in undecided if row["Decision"]]
    assert f"recorded {len(filled)} decision(s)" in result.output
    decisions = read(ws, current_decisions)
    assert decisions[first.tenant_id, first.kind, first.petmanager_id, first.xero_id].why == "=both typed on 3 July"
    for row in filled:
        decided = [d for (_, kind, pm, xero), d in decisions.items()
                   if (kind, str(pm), xero) == (row["Kind"], row["Pet Manager id"], row["Xero id"])]
        assert [(d.decision, d.decided_by, d.why) for d in decided] == [(row["Decision"].lower(), "carol", row["Why"])]


def test_csv_with_bad_rows_is_refused_with_every_location_and_nothing_written(recon, ws, tmp_path):
    sheet = tmp_path / "to-decide.csv"
    recon("resolve", "--export-csv", str(sheet))
    rows = rows_of(sheet)
    rows[0]["Decision"] = "same"  # good
    rows[1]["Decision"] = "maybe"
    rows[2]["Decision"], rows[2]["Xero id"] = "different", "00000000-0000-0000-0000-000000000000"
    rows[3]["Decision"], rows[3]["Pet Manager id"] = "same", "ten"
    rows.append(dict(rows[0], Decision="different"))  # the first pair again, decided otherwise
    write_rows(sheet, rows)
    result = recon("resolve", "--from-csv", str(sheet))
    assert result.exit_code == 2
    assert "refused: 4 problem(s) in the input; nothing was written." in result.output
    assert f"{sheet}, row 3, column Decision: 'maybe' is not a decision" in result.output
    assert f"{sheet}, row 4, column Xero id: " in result.output and "is not a suspected duplicate" in result.output
    assert f"{sheet}, row 5, column Pet Manager id: 'ten' is not a Pet Manager id" in result.output
    assert f"{sheet}, row {len(rows) + 1}, column Decision: the same pair is decided same on row 2" in result.output
    assert read(ws, decision_history) == []


def test_csv_without_a_decision_column_is_refused(recon, ws, tmp_path):
    sheet = tmp_path / "plain.csv"
    sheet.write_text("Kind,Pet Manager id,Xero id\ninvoice,1,x\n", encoding="utf-8")
    result = recon("resolve", "--from-csv", str(sheet))
    assert result.exit_code == 2
    assert f"{sheet}, row 1: no Decision column" in result.output


def test_interactive_walks_best_tier_first_and_records_each_answer(recon, ws):
    walked = read(ws, lambda con: unresolved(con, latest_run(con), TIERS))
    result = recon("resolve", "--interactive", "--by", "dana",
                   input="same\nsame invoice, typed twice\nskip\nperhaps\ndifferent\n\nquit\n")
    assert result.exit_code == 1, result.output
    assert f"[1/{len(walked)}] {walked[0].tier} " in result.output
    assert walked[0].reasons[0] in result.output
    assert "is not one of 'same', 'different', 'skip', 'quit'" in result.output  # "perhaps" asked again
    assert "decided 2, skipped 1" in result.output
    history = read(ws, decision_history)
    assert [(h.xero_id, h.decision, h.why, h.decided_by) for h in history] == [
        (walked[0].xero_id, "same", "same invoice, typed twice", "dana"), (walked[2].xero_id, "different", "", "dana")]


def test_list_shows_time_who_and_why(recon, ws):
    assert "no decisions yet" in recon("resolve", "--list").output
    d = the_suspects(ws)[0]
    recon("resolve", "--pair", pair_text(d), "--as", "different", "--by", "erin")
    recon("resolve", "--pair", pair_text(d), "--as", "same", "--why", "same booking", "--by", "erin")
    current = recon("resolve", "--list").output.splitlines()
    assert [line for line in current if d.xero_id in line] == [
        line for line in current if "UTC  erin  same" in line and line.endswith("(check 1) — same booking")]
    assert len(recon("resolve", "--list", "--all").output.splitlines()) == len(current) + 1


def test_decisions_hold_for_a_later_check_run(recon, ws, demo):
    assert recon("resolve", "--all-tier", "certain", "--all-tier", "likely", "--as", "same").exit_code == 0
    window = demo.check.window
    result = recon("check", "--from", window.start.isoformat(), "--to", window.end.isoformat())
    assert result.exit_code == 1, result.output
    assert read(ws, latest_run) == 2
    assert read(ws, lambda con: unresolved(con, 2)) == []
    result = recon("resolve")
    assert result.exit_code == 0 and "check 2: every certain and likely" in result.output


def test_the_regenerated_report_shows_each_decision(recon, ws, demo):
    d = the_suspects(ws, ("certain",))[0]
    recon("resolve", "--pair", pair_text(d), "--as", "same", "--why", "<b>typed</b> by hand", "--by", "frank")
    paths = write_check_report(ws, demo.check)
    html = paths.html.read_text(encoding="utf-8")
    assert html.count("The same record: linked, never pushed") == 1
    assert "by <bdi>frank</bdi>" in html and "&lt;b&gt;typed&lt;/b&gt; by hand" in html
    rows = {row["Xero id"]: row for row in rows_of(paths.csv)}
    assert (rows[d.xero_id]["Decision"], rows[d.xero_id]["Decided by"]) == ("same", "frank")
    assert sum(1 for row in rows.values() if row["Decision"]) == 1


def test_as_a_subprocess(ws):
    command = [sys.executable, "-m", "recon", "resolve", "-w", str(ws.root)]
    out = subprocess.run([*command, "--all-tier", "certain", "--all-tier", "likely", "--as", "same", "--by", "gus"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    out = subprocess.run([*command, "--list"], capture_output=True, text=True)
    assert out.returncode == 0 and "UTC  gus  same" in out.stdout
