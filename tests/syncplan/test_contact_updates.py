"""Pet Manager is the master of its own contacts: a contact it made, changed in Xero, is planned to be
overwritten with Pet Manager's details (one `contact_update` per contact, the fields that differ in
words, in the plan and the pre-sync report); an unchanged one, a twin typed by hand and decided the
same, or an update an earlier plan pushed, never."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest

from recon.check.report import write_check_report
from recon.demo.pipeline import run_demo
from recon.resolve import Decision, record_decisions
from recon.syncplan import build_plan, to_outbox_writes
from recon.workspace import Workspace
from reports.plan import plan_section
from sync.outbox import Outbox
from sync.payloads.contact_compare import differences

OVERWRITTEN = "changed in Xero, overwritten with Pet Manager's details"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """A small demo business as the check left it: Pet Manager's own contacts of its synced period in Xero."""
    return run_demo(tmp_path_factory.mktemp("contact_updates") / "demo", seed=7, size=0.1, say=lambda _: None)


@pytest.fixture
def ws(demo, tmp_path) -> Workspace:
    return Workspace(shutil.copytree(demo.workspace, tmp_path / "workspace"))


def plan_of(ws, demo):
    return build_plan(ws, demo.check.window, demo.check, on_duplicate="skip")


def own_contacts(plan) -> list[tuple[int, str]]:
    """(customer id, Xero id) of the contacts the plan uses that Xero holds by Pet Manager's ContactNumber."""
    return [(left.petmanager_id, left.xero_id) for left in plan.linked
            if left.kind == "contact" and left.reason.startswith("already in Xero: ContactNumber")]


def xero_contact(ws, demo, contact_id: str) -> dict:
    con = ws.connect()
    try:
        (raw,) = con.execute("SELECT CAST(raw AS VARCHAR) FROM xero_records WHERE snapshot_id = ? "
                             "AND entity = 'Contacts' AND record_id = ?", [snapshot(demo), contact_id]).fetchone()
    finally:
        con.close()
    return json.loads(raw)


def edit_contact(ws, demo, contact_id: str, **fields) -> None:
    """Change a contact in the latest Xero snapshot, as if someone had edited it in Xero before it was taken."""
    con = ws.connect()
    try:
        con.execute("UPDATE xero_records SET raw = json_merge_patch(raw, ?) WHERE snapshot_id = ? "
                    "AND entity = 'Contacts' AND record_id = ?", [json.dumps(fields), snapshot(demo), contact_id])
        if "Name" in fields:
            con.execute("UPDATE xero_contacts SET name = ? WHERE snapshot_id = ? AND contact_id = ?",
                        [fields["Name"], snapshot(demo), contact_id])
    finally:
        con.close()


def snapshot(demo) -> int:
    (xero_snapshot,) = demo.check.xero_snapshots.values()
    return xero_snapshot


def test_pet_managers_own_contacts_unchanged_in_xero_are_not_written(ws, demo):
    plan = plan_of(ws, demo)
    assert len(own_contacts(plan)) >= 5, "the demo's synced period has Pet Manager's own contacts"
    assert [write for write in plan.writes if write.kind == "contact_update"] == []
    assert plan.overwritten == [] and plan.summary()["overwritten"] == 0


def test_a_contact_renamed_in_xero_is_overwritten_with_the_fields_that_differ(ws, demo):
    customer_id, contact_id = own_contacts(plan_of(ws, demo))[0]
    before = xero_contact(ws, demo, contact_id)
    edit_contact(ws, demo, contact_id, Name="Renamed By Hand",
                 EmailAddress=f"  {before['EmailAddress'].upper()} ")  # spaces and case: the same email
    plan = plan_of(ws, demo)
    updates = [write for write in plan.writes if write.kind == "contact_update"]
    assert len(updates) == 1
    update = updates[0]
    assert (update.petmanager_id, update.method, update.entity, update.depends_on) == (customer_id, "POST",
                                                                                      "Contacts", ())
    assert update.payload["ContactID"] == contact_id
    assert update.payload["Name"] == before["Name"] and update.payload["ContactNumber"] == str(customer_id)
    assert update.natural_key.startswith(f"CN{customer_id} update ") and len(update.natural_key.split()[-1]) == 8
    assert [write.kind for write in plan.writes].index("contact_update") < \
        [write.kind for write in plan.writes].index("invoice")
    (left,) = plan.overwritten
    assert (left.kind, left.petmanager_id, left.xero_id) == ("contact_update", customer_id, contact_id)
    assert left.reason == f"{OVERWRITTEN}: name 'Renamed By Hand' in Xero, '{before['Name']}' in Pet Manager"
    assert plan.summary()["overwritten"] == 1 and plan.summary()["kinds"]["contact_update"]["count"] == 1

    section = plan_section(plan)
    assert section.overwritten_words == "1 contact changed in Xero will be overwritten with Pet Manager's details"
    html = write_check_report(ws, demo.check, plan=plan).html.read_text(encoding="utf-8")
    assert "1 contact changed in Xero will be overwritten with Pet Manager&#39;s details" in html
    assert "name &#39;Renamed By Hand&#39; in Xero" in html


def test_the_same_difference_keeps_its_key_and_is_not_planned_once_pushed_an_edit_again_is(ws, demo):
    customer_id, contact_id = own_contacts(plan_of(ws, demo))[1]
    edit_contact(ws, demo, contact_id, Name="Typed Over")
    first = plan_of(ws, demo)
    (update,) = [write for write in first.writes if write.kind == "contact_update"]
    assert [w.natural_key for w in plan_of(ws, demo).writes if w.kind == "contact_update"] == [update.natural_key]

    con = ws.connect()
    try:  # an earlier sync pushed that update
        Outbox(con).add_plan(first.hash, to_outbox_writes(first), tenant_id=demo.check.links[0].tenant_id)
        con.execute("UPDATE outbox SET state = 'done', xero_id = ? WHERE natural_key = ?",
                    [contact_id, update.natural_key])
    finally:
        con.close()
    again = plan_of(ws, demo)
    assert [w for w in again.writes if w.kind == "contact_update"] == [] and again.overwritten == []

    edit_contact(ws, demo, contact_id, EmailAddress="typed.over@example.com")  # edited in Xero again
    changed = plan_of(ws, demo)
    (newer,) = [write for write in changed.writes if write.kind == "contact_update"]
    assert newer.natural_key != update.natural_key and newer.payload == update.payload
    assert [field.split(" '")[0] for field in changed.overwritten[0].reason.split(": ", 1)[1].split("; ")] == \
        ["name", "email"]


def test_a_name_another_contact_holds_now_is_held_not_sent(ws, demo):
    (customer_id, contact_id), (_, other_id) = own_contacts(plan_of(ws, demo))[:2]
    name = xero_contact(ws, demo, contact_id)["Name"]
    edit_contact(ws, demo, contact_id, Name="Moved Aside")
    edit_contact(ws, demo, other_id, Name=name)
    plan = plan_of(ws, demo)
    assert customer_id not in [write.petmanager_id for write in plan.writes if write.kind == "contact_update"]
    (held,) = [left for left in plan.held if left.kind == "contact_update" and left.petmanager_id == customer_id]
    assert f"Xero contact {other_id} holds that name" in held.reason


def test_a_hand_typed_twin_decided_the_same_is_never_overwritten(ws, demo):
    twins = [d for d in demo.check.duplicates if d.kind == "contact" and d.tier in ("certain", "likely")]
    assert twins
    record_decisions(ws, [Decision.on(d, "same", by="test", why="typed by hand", run_id=demo.check.run_id,
                                      at=dt.datetime.now(dt.timezone.utc)) for d in twins])
    plan = plan_of(ws, demo)
    decided = {left.petmanager_id: left.xero_id for left in plan.linked
               if left.kind == "contact" and left.reason.startswith("decided the same record")}
    assert decided, "a decided twin is the contact the plan's records use"
    assert all(differences({"Name": "x"}, xero_contact(ws, demo, xero_id)) for xero_id in decided.values())
    assert not {write.petmanager_id for write in plan.writes if write.kind == "contact_update"} & set(decided)
    assert not {left.petmanager_id for left in plan.overwritten} & set(decided)


def test_differences_read_fields_as_people_do():
    payload = {"Name": "Jane Smith CN17", "FirstName": "Jane", "EmailAddress": "jane@example.com",
               "Phones": [{"PhoneType": "MOBILE", "PhoneNumber": "0412 345 678"},
                          {"PhoneType": "DEFAULT", "PhoneNumber": "02 9999 1234"}],
               "Addresses": [{"AddressType": "STREET", "AddressLine1": "9 Windsor Rd", "City": "Rouse Hill",
                              "Region": "NSW", "PostalCode": "2155", "Country": "AU"}]}
    same = {"Name": " Jane  Smith CN17", "FirstName": "Jane", "LastName": "Typed in Xero only",
            "EmailAddress": "JANE@example.com ",
            "Phones": [{"PhoneType": "MOBILE", "PhoneNumber": "0412345678"},
                       {"PhoneType": "DEFAULT", "PhoneCountryCode": "61", "PhoneAreaCode": "02",
                        "PhoneNumber": "9999-1234"}],
            "Addresses": [{"AddressType": "STREET"},
                          {"AddressType": "POBOX", "AddressLine1": "9 Windsor Rd", "City": "Rouse Hill",
                           "Region": "NSW", "PostalCode": "2155", "Country": "Australia"}]}
    assert differences(payload, same) == []
    other = {**same, "Name": "Jane Smyth", "Phones": [{"PhoneType": "MOBILE", "PhoneNumber": "0412 345 679"}],
             "Addresses": [{"AddressType": "STREET", "AddressLine1": "1 Other St", "City": "Rouse Hill",
                            "Region": "NSW", "PostalCode": "2155"}]}
    assert differences(payload, other) == [
        ("name", "'Jane Smyth' in Xero, 'Jane Smith CN17' in Pet Manager"),
        ("mobile", "'0412 345 679' in Xero, '0412 345 678' in Pet Manager"),
        ("phone", "none in Xero, '02 9999 1234' in Pet Manager"),
        ("address",
         "'1 Other St, Rouse Hill, NSW, 2155' in Xero, '9 Windsor Rd, Rouse Hill, NSW, 2155' in Pet Manager"),
    ]
