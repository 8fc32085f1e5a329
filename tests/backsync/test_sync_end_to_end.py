"""`recon sync` from the command line on the sample business, against the local Xero sandbox over
HTTP: the dry run and its plan hash, the push, the verification and the post-sync report, a rerun
that sends nothing, the typed confirmation, and a sync the day's limit cut short, finished by the
next run without asking again."""

import re
import types

import duckdb
from typer.testing import CliRunner

from backsync_env import sandbox_env
from recon.cli import app
from sample_world import START, sample_workspace
from sync.sandbox import Sandbox, SandboxConfig
from tests.push.push_world import SANDBOX, client_of, sample_state

ACCOUNTING = "/api.xro/2.0/"


def run(args, env, input=None):
    result = CliRunner().invoke(app, args, env=env, input=input)
    assert "Traceback" not in result.output, result.output
    return result


def writes(sandbox) -> int:
    return sum(1 for entry in sandbox.request_log.entries()
               if entry.method in ("PUT", "POST", "DELETE") and entry.path.startswith(ACCOUNTING))


def outbox_states(workspace) -> dict[str, int]:
    con = duckdb.connect(str(workspace / "recon.duckdb"), read_only=True)
    try:
        return dict(con.execute("SELECT state, count(*) FROM outbox GROUP BY state").fetchall())
    finally:
        con.close()


def test_dry_run_then_the_reviewed_plan_is_pushed_verified_and_reported(tmp_path):
    with Sandbox.start(sample_state(), SANDBOX) as sandbox:
        workspace = sample_workspace(tmp_path, sandbox)
        env = sandbox_env(sandbox)

        dry = run(["sync", "-w", str(workspace), "--from", str(START), "--dry-run"], env)
        assert dry.exit_code == 0, dry.output
        assert writes(sandbox) == 0
        plan_hash = re.search(r"--plan ([0-9a-f]{64}) --yes", dry.output).group(1)
        assert "This cannot be undone." in (workspace / "reports").joinpath(
            re.search(r"pre-sync report: .*/(check-\d+\.html)", dry.output).group(1)).read_text(encoding="utf-8")

        pushed = run(["sync", "-w", str(workspace), "--from", str(START), "--plan", plan_hash, "--yes"], env)
        assert pushed.exit_code == 0, pushed.output
        assert "verified: every pushed record is in Xero once, totals exact" in pushed.output
        report = re.search(r"post-sync report: (\S+)", pushed.output).group(1)
        assert "INV10011" in open(report, encoding="utf-8").read()
        states = outbox_states(workspace)
        assert set(states) == {"done"} and states["done"] > 0
        sent = writes(sandbox)
        assert sent > 0

        again = run(["sync", "-w", str(workspace), "--yes"], env)  # the start date was recorded
        assert again.exit_code == 0, again.output
        assert "nothing to write" in again.output
        assert writes(sandbox) == sent, "a second run writes nothing"


def test_a_changed_plan_is_refused(tmp_path):
    with Sandbox.start(sample_state(), SANDBOX) as sandbox:
        workspace = sample_workspace(tmp_path, sandbox)
        result = run(["sync", "-w", str(workspace), "--from", str(START), "--plan", "0" * 64, "--yes"],
                     sandbox_env(sandbox))
        assert result.exit_code == 1
        assert "the plan changed since it was reviewed" in result.output
        assert writes(sandbox) == 0


def test_the_organisation_name_must_be_typed(tmp_path):
    with Sandbox.start(sample_state(), SANDBOX) as sandbox:
        workspace = sample_workspace(tmp_path, sandbox)
        env = sandbox_env(sandbox)
        wrong = run(["sync", "-w", str(workspace), "--from", str(START)], env, input="Some Other Org\n")
        assert wrong.exit_code == 1 and "not confirmed: nothing was written" in wrong.output
        assert writes(sandbox) == 0
        name = re.search(r"Type the Xero organisation's name \((.+?)\) to write", wrong.output).group(1)
        right = run(["sync", "-w", str(workspace), "--from", str(START)], env, input=f"{name}\n")
        assert right.exit_code == 0, right.output
        assert set(outbox_states(workspace)) == {"done"}


def test_a_sync_stopped_by_the_day_limit_is_finished_by_the_next_run_without_asking(tmp_path):
    limited = SandboxConfig(minute_limit=SANDBOX.minute_limit, day_limit=60)
    with Sandbox.start(sample_state(), limited) as sandbox:
        workspace = sample_workspace(tmp_path, sandbox)
        env = sandbox_env(sandbox)
        with client_of(sandbox, tmp_path) as xero:  # spend the day's budget down to 8 calls
            while sandbox.request_log.count(None, ACCOUNTING) < limited.day_limit - 8:
                xero.read("Organisation")
        first = run(["sync", "-w", str(workspace), "--from", str(START), "--yes"], env)
        assert first.exit_code == 3, first.output
        assert "stopped: day limit reached" in first.output and "it can resume after" in first.output
        assert "planned" in outbox_states(workspace)

        sandbox.clock.advance(limited.day_seconds)
        second = run(["sync", "-w", str(workspace)], env, input="")  # no --yes: it must not ask
        assert second.exit_code == 0, second.output
        assert "finishing plan" in second.output
        assert set(outbox_states(workspace)) == {"done"}


def test_watch_syncs_what_is_new_again_and_again_until_stopped(tmp_path, monkeypatch):
    import recon.commands.sync as sync_command

    naps = []

    def nap(seconds):
        naps.append(seconds)
        if len(naps) == 2:
            raise KeyboardInterrupt  # Ctrl-C during the second wait

    monkeypatch.setattr(sync_command, "time", types.SimpleNamespace(sleep=nap))  # this command's waits only
    with Sandbox.start(sample_state(), SANDBOX) as sandbox:
        workspace = sample_workspace(tmp_path, sandbox)
        env = sandbox_env(sandbox)
        unconfirmed = run(["sync", "-w", str(workspace), "--from", str(START), "--watch", "--every", "60"], env,
                          input="\n")
        assert "not confirmed: nothing was written" in unconfirmed.output and writes(sandbox) == 0
        naps.clear()
        first = run(["sync", "-w", str(workspace), "--from", str(START), "--yes"], env)
        assert first.exit_code == 0, first.output
        sent = writes(sandbox)
        watched = run(["sync", "-w", str(workspace), "--watch", "--every", "60"], env)
        assert watched.exit_code == 0, watched.output
        assert naps == [60, 60] and watched.output.count("nothing to write") == 2
        assert "stopped watching" in watched.output
        assert writes(sandbox) == sent
