"""Pet Manager is the master of its own contacts, against the local Xero sandbox over HTTP: the sample
business is synced, a contact is renamed in Xero, and the next `recon sync` reports it, overwrites it
with Pet Manager's name exactly once (an answer lost on the way is looked up by the contact's fields,
not sent blindly), verifies it, and the one after writes nothing."""

from __future__ import annotations

import re
import shutil

import duckdb
import pytest
from push_world import SANDBOX, client_of, sample_state, settings_of
from typer.testing import CliRunner

from recon.cli import app
from recon.snapshot.run import take_snapshots
from recon.workspace import Workspace
from recon.xero_connection import client_factory
from sync.sandbox import Sandbox
from tests.backsync.backsync_env import sandbox_env
from tests.backsync.sample_world import START, sample_workspace

ACCOUNTING = "/api.xro/2.0/"
CONTACTS = f"{ACCOUNTING}Contacts"
# Renamed keeping Pet Manager's `CN<id>`: the check reports it as this customer renamed in Xero (a name
# without it is a blocking ContactNumber collision until the accountant decides whose contact it is).
RENAMED = "Renamed In Xero CN{}"


@pytest.fixture(scope="module")
def synced(tmp_path_factory):
    """The sample business synced into the sandbox: (the workspace, the sandbox's state file)."""
    folder = tmp_path_factory.mktemp("synced")
    with Sandbox.start(sample_state(), SANDBOX) as sandbox:
        workspace = sample_workspace(folder, sandbox)
        result = run(["sync", "-w", str(workspace), "--from", str(START), "--yes"], sandbox_env(sandbox))
        assert result.exit_code == 0, result.output
        sandbox.dump(folder / "xero.json")
    return workspace, folder / "xero.json"


@pytest.fixture
def world(synced, tmp_path):
    """A private copy of the synced workspace and a sandbox started from the synced books."""
    workspace, state = synced
    copy = shutil.copytree(workspace, tmp_path / "workspace")
    with Sandbox.start(state, SANDBOX) as sandbox:
        yield copy, sandbox


def run(args, env):
    result = CliRunner().invoke(app, args, env=env)
    assert "Traceback" not in result.output, result.output
    return result


def pushed_contact(workspace) -> tuple[str, str, str]:
    """(ContactID, Pet Manager's name, the name it is given in Xero) of the first customer contact recon pushed."""
    con = duckdb.connect(str(workspace / "recon.duckdb"), read_only=True)
    try:
        contact_id, name, customer_id = con.execute(
            "SELECT xero_id, payload->>'Name', petmanager_id FROM outbox WHERE kind = 'contact' AND state = 'done' "
            "AND petmanager_id IS NOT NULL ORDER BY seq LIMIT 1").fetchone()
        return contact_id, name, RENAMED.format(customer_id)
    finally:
        con.close()


def update_rows(workspace) -> list[tuple[str, str, int]]:
    con = duckdb.connect(str(workspace / "recon.duckdb"), read_only=True)
    try:
        return con.execute("SELECT natural_key, state, attempts FROM outbox WHERE kind = 'contact_update' "
                           "ORDER BY outbox_id").fetchall()
    finally:
        con.close()


def rename_in_xero(sandbox, workspace, folder, contact_id: str, renamed: str) -> None:
    """Someone renames the contact in Xero; then a fresh Xero snapshot is taken."""
    with client_of(sandbox, folder) as xero:
        (result,) = xero.write("Contacts", [{"ContactID": contact_id, "Name": renamed}], method="POST",
                               idempotency_key="rename-by-hand")
        assert result.ok, result.errors
    take_snapshots(Workspace(workspace), petmanager=False, xero=True, client_for=client_factory(settings_of(sandbox)),
                   source=sandbox.base_url)


def name_in_xero(sandbox, folder, contact_id: str) -> str:
    with client_of(sandbox, folder) as xero:
        return xero.read(f"Contacts/{contact_id}")["Contacts"][0]["Name"]


def test_a_contact_renamed_in_xero_is_reported_then_overwritten_once(world, tmp_path):
    workspace, sandbox = world
    env = sandbox_env(sandbox)
    contact_id, name, renamed = pushed_contact(workspace)
    rename_in_xero(sandbox, workspace, tmp_path, contact_id, renamed)

    dry = run(["sync", "-w", str(workspace), "--dry-run"], env)
    assert dry.exit_code == 0, dry.output
    assert "contact updates" in dry.output, dry.output
    assert "1 contact changed in Xero will be overwritten with Pet Manager's details" in dry.output
    report = (workspace / "reports" / re.search(r"pre-sync report: .*/(check-\d+\.html)", dry.output).group(1))
    html = report.read_text(encoding="utf-8")
    assert "1 contact changed in Xero will be overwritten with Pet Manager&#39;s details" in html
    assert f"name &#39;{renamed}&#39; in Xero, &#39;{name}&#39; in Pet Manager" in html

    sandbox.request_log.clear()
    pushed = run(["sync", "-w", str(workspace), "--yes"], env)
    assert pushed.exit_code == 0, pushed.output
    assert "verified: every pushed record is in Xero once, totals exact" in pushed.output
    assert sandbox.request_log.count("POST", CONTACTS) == 1
    assert sandbox.request_log.count("PUT", ACCOUNTING) == 0, "nothing else is written"
    assert name_in_xero(sandbox, tmp_path, contact_id) == name
    assert [(state, attempts) for _, state, attempts in update_rows(workspace)] == [("done", 1)]

    sandbox.request_log.clear()
    again = run(["sync", "-w", str(workspace), "--yes"], env)
    assert again.exit_code == 0, again.output
    assert "nothing to write" in again.output
    assert sandbox.request_log.count("POST", ACCOUNTING) == 0


def test_an_update_whose_answer_is_lost_is_found_by_its_fields_and_not_sent_again(world, tmp_path):
    workspace, sandbox = world
    contact_id, name, renamed = pushed_contact(workspace)
    rename_in_xero(sandbox, workspace, tmp_path, contact_id, renamed)
    sandbox.request_log.clear()
    sandbox.faults.drop_after_commit(path=CONTACTS, method="POST", times=5)  # every try of the batch
    pushed = run(["sync", "-w", str(workspace), "--yes"], sandbox_env(sandbox))
    sandbox.faults.clear()
    assert pushed.exit_code == 0, pushed.output
    assert name_in_xero(sandbox, tmp_path, contact_id) == name
    (row,) = update_rows(workspace)
    assert row[1:] == ("done", 1), "found in Xero by its fields: not sent again"
    posts = sandbox.request_log.count("POST", CONTACTS)
    assert posts >= 2 and posts == sandbox.request_log.count("POST", ACCOUNTING), "the one update, retried with its key"


def test_an_update_xero_never_carried_out_is_sent_again_after_the_look_up(world, tmp_path):
    workspace, sandbox = world
    contact_id, name, renamed = pushed_contact(workspace)
    rename_in_xero(sandbox, workspace, tmp_path, contact_id, renamed)
    sandbox.faults.fail(503, path=CONTACTS, method="POST", times=5)
    first = run(["sync", "-w", str(workspace), "--yes"], sandbox_env(sandbox))
    sandbox.faults.clear()
    assert first.exit_code == 0, first.output
    assert name_in_xero(sandbox, tmp_path, contact_id) == name
    (row,) = update_rows(workspace)
    assert row[1:] == ("done", 2), "looked up, not found, sent again"
