"""The guard of `recon sync`: nothing reaches Xero before the check, the report and an explicit yes.
Each test runs the real command against the local Xero sandbox over HTTP and counts the writes it
received (none, in every case here)."""

import datetime as dt
import re

from typer.testing import CliRunner

from backsync_env import sandbox_env
from recon.cli import app
from recon.config import read_config
from sync.sandbox import Sandbox

WINDOW = ["--from", "2025-01-01", "--to", "2025-06-30"]


def run(args, env):
    result = CliRunner().invoke(app, args, env=env)
    assert "Traceback" not in result.output, result.output
    return result


def writes(sandbox) -> int:
    return sum(1 for entry in sandbox.request_log.entries() if entry.method in ("PUT", "POST", "DELETE")
               and "/api.xro/" in entry.path)


def test_undecided_duplicates_refuse_and_write_nothing(workspace, small_demo):
    with Sandbox.start(state=small_demo.sandbox_state) as sandbox:
        result = run(["sync", "-w", str(workspace), *WINDOW, "--yes"], sandbox_env(sandbox))
        assert result.exit_code == 1
        assert "suspected duplicate(s) (likely or certain) have no decision yet" in result.output
        assert "recon resolve" in result.output
        assert "pre-sync report:" in result.output
        assert writes(sandbox) == 0


def test_blocking_problems_refuse_even_with_duplicates_skipped(workspace, small_demo):
    with Sandbox.start(state=small_demo.sandbox_state) as sandbox:
        result = run(["sync", "-w", str(workspace), *WINDOW, "--yes", "--on-duplicate", "skip"], sandbox_env(sandbox))
        assert result.exit_code == 1
        assert "blocking problem(s) stand" in result.output
        assert writes(sandbox) == 0


def test_start_date_in_the_future_is_recorded_and_nothing_moves(workspace, small_demo):
    later = dt.date.today() + dt.timedelta(days=30)
    with Sandbox.start(state=small_demo.sandbox_state) as sandbox:
        result = run(["sync", "-w", str(workspace), "--from", later.isoformat(), "--yes"], sandbox_env(sandbox))
        assert result.exit_code == 0, result.output
        assert "in the future: recorded; nothing moves until then" in result.output
        assert writes(sandbox) == 0
    assert read_config(workspace).start_date == later


def test_start_on_or_before_the_lock_date_is_refused(workspace, xero_state):
    xero_state["organisations"][0]["Organisation"]["PeriodLockDate"] = "2025-03-31"
    with Sandbox.start(state=xero_state) as sandbox:
        env = sandbox_env(sandbox)
        assert run(["snapshot", "-w", str(workspace), "--xero"], env).exit_code == 0
        result = run(["sync", "-w", str(workspace), "--from", "2025-03-31", "--yes", "--on-duplicate", "skip"], env)
        assert result.exit_code == 1
        assert "on or before Xero's period lock date 2025-03-31" in result.output
        assert "start on 2025-04-01 or later" in result.output
        assert writes(sandbox) == 0


def test_bad_options_are_bad_input(workspace, small_demo):
    with Sandbox.start(state=small_demo.sandbox_state) as sandbox:
        env = sandbox_env(sandbox)
        backwards = run(["sync", "-w", str(workspace), "--from", "2025-06-30", "--to", "2025-01-01"], env)
        assert backwards.exit_code == 2 and "--to" in backwards.output
        unknown = run(["sync", "-w", str(workspace), *WINDOW, "--on-duplicate", "push"], env)
        assert unknown.exit_code == 2 and "--on-duplicate" in unknown.output
        assert writes(sandbox) == 0


def test_no_start_date_anywhere_is_bad_input(workspace, small_demo):
    text = (workspace / "recon.toml").read_text(encoding="utf-8")
    (workspace / "recon.toml").write_text("\n".join(line for line in text.splitlines()
                                                    if not line.startswith("start_date")), encoding="utf-8")
    with Sandbox.start(state=small_demo.sandbox_state) as sandbox:
        result = run(["sync", "-w", str(workspace)], sandbox_env(sandbox))
        assert result.exit_code == 2
        assert "give --from DATE" in result.output


def test_on_problem_hold_leaves_out_the_documents_a_blocking_problem_names_and_says_so(workspace, small_demo):
    with Sandbox.start(state=small_demo.sandbox_state) as sandbox:
        env = sandbox_env(sandbox)
        refused = run(["sync", "-w", str(workspace), *WINDOW, "--dry-run", "--on-duplicate", "skip"], env)
        assert refused.exit_code == 1 and "blocking problem(s) stand" in refused.output
        held = run(["sync", "-w", str(workspace), *WINDOW, "--dry-run", "--on-duplicate", "skip",
                    "--on-problem", "hold"], env)
        assert held.exit_code == 0, held.output
        assert "--on-duplicate skip --on-problem hold --plan " in held.output  # the hint repeats the choices
        report = re.search(r"pre-sync report: (\S+)", held.output).group(1)
        text = open(report, encoding="utf-8").read()
        assert text.count("held by --on-problem hold: ") >= 1
        assert "Xero would refuse the push" in text  # the problem's own words travel with the hold
        assert writes(sandbox) == 0
