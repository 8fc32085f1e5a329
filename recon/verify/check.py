"""`verify`: after a push and a fresh Xero snapshot, is every record recon wrote in Xero exactly once,
with Pet Manager's amount to the cent, on the documents it was meant for?

For every `done` outbox row of the plan it looks the record up in the latest Xero snapshot of the
organisation by its natural key (ContactNumber or the supplier's Name, InvoiceNumber,
CreditNoteNumber, recon's key at the start of a Reference: `PM-PAY-8812`, `PM-OVP-5`, `PM-RFD-3`,
`PM-FEE-8812`, `PM-PO-4`) and by the Xero id the outbox recorded, then compares:

- present: a live record carries the key, and the recorded id is that record;
- once: no second live record carries the key;
- money: an invoice's or credit note's total, a payment's, refund's, overpayment's, fee's,
  allocation's or payout's amount equals Pet Manager's (latest Pet Manager snapshot) to the cent;
- place: a payment or fee payment is on the invoice (or bill) it was meant for, a refund on its
  credit note or overpayment, an allocation from the right credit to the right invoice. "Meant for"
  is read from the row's own payload: a literal Xero id (a linked record) or a placeholder
  `{InvoiceID:INV10452}` resolved to the id recon recorded for that key.

Contact groups are checked by name, a membership by the group's name among the contact's groups,
a contact update by the contact holding what was sent (recon/verify/contact_updates.py), a
document update or void by the document holding what was sent (recon/verify/document_updates.py).
Kinds it does not know are counted as unchecked, not failed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import duckdb

import queries
from recon.snapshot.latest import latest_petmanager, latest_xero
from recon.verify.contact_updates import KIND as CONTACT_UPDATE
from recon.verify.contact_updates import contact_update_problems
from recon.verify.document_updates import KINDS as DOCUMENT_UPDATES
from recon.verify.document_updates import document_update_problems
from recon.workspace import Workspace

KIND_QUERIES = ("contacts", "contact_groups", "invoices", "credit_notes", "payments", "overpayments", "allocations", "payouts")
WITHOUT_AMOUNT = ("contact", "contact_group", "contact_group_member")
PROBLEMS = ("missing", "not_live", "doubled", "other_record", "key_changed", "amount", "wrong_target", "wrong_source",
            "no_petmanager_record", "changed")


@dataclass(frozen=True)
class Finding:
    kind: str  # the outbox kind: invoice, payment, credit_note_allocation, ...
    petmanager_id: int | None
    xero_id: str | None  # the id the outbox recorded
    problem: str  # one of PROBLEMS
    words: str  # what is wrong, in a sentence

    def as_json(self) -> dict:
        return {"kind": self.kind, "petmanager_id": self.petmanager_id, "xero_id": self.xero_id,
                "problem": self.problem, "words": self.words}


@dataclass(frozen=True)
class Verification:
    plan_hash: str
    tenant_id: str
    xero_snapshot: int
    petmanager_snapshot: int
    checked: dict[str, int]  # done rows checked, per kind (plan order)
    unchecked: dict[str, int] = field(default_factory=dict)  # done rows of kinds verify does not check
    findings: list[Finding] = field(default_factory=list)  # in plan order

    @property
    def ok(self) -> bool:
        return not self.findings

    @property
    def total_checked(self) -> int:
        return sum(self.checked.values())

    def as_json(self) -> dict:
        return {"plan_hash": self.plan_hash, "tenant_id": self.tenant_id, "xero_snapshot": self.xero_snapshot,
                "petmanager_snapshot": self.petmanager_snapshot, "ok": self.ok, "checked": self.checked,
                "unchecked": self.unchecked, "findings": [finding.as_json() for finding in self.findings]}


def verify(ws: Workspace, plan_hash: str, tenant_id: str) -> Verification:
    """Check the done rows of plan `plan_hash` against the latest Xero snapshot of `tenant_id` (take a
    fresh one first) and the latest Pet Manager snapshot."""
    con = ws.connect()
    try:
        return verify_in(con, plan_hash, tenant_id)
    finally:
        con.close()


def verify_in(con: duckdb.DuckDBPyConnection, plan_hash: str, tenant_id: str) -> Verification:
    """`verify` on an open workspace connection."""
    con.execute(queries.load("outbox/schema"))
    con.execute(queries.load("xero/schema"))
    snapshots = {"xero_snapshot": latest_xero(con, tenant_id), "pm_snapshot": latest_petmanager(con)}
    con.execute(queries.load("verify/ids"), {"plan_hash": plan_hash, "xero_snapshot": snapshots["xero_snapshot"]})
    con.execute(queries.load("verify/done"), {"plan_hash": plan_hash, "pm_snapshot": snapshots["pm_snapshot"]})
    con.execute(queries.load("verify/labels"), {"xero_snapshot": snapshots["xero_snapshot"]})
    con.execute(queries.load("verify/seen"))
    for name in KIND_QUERIES:
        con.execute(queries.load(f"verify/{name}"), {"xero_snapshot": snapshots["xero_snapshot"]})
    updates = contact_update_problems(con, plan_hash, snapshots["xero_snapshot"])
    updates.update(document_update_problems(con, plan_hash, snapshots["xero_snapshot"], snapshots["pm_snapshot"]))
    cursor = con.execute(queries.load("verify/rows"))
    names = [column[0] for column in cursor.description]
    checked: dict[str, int] = {}
    unchecked: dict[str, int] = {}
    findings: list[Finding] = []
    for values in cursor.fetchall():
        row = dict(zip(names, values))
        if row["kind"] in (CONTACT_UPDATE, *DOCUMENT_UPDATES):  # field by field (contact_, document_updates.py)
            checked[row["kind"]] = checked.get(row["kind"], 0) + 1
            if row["natural_key"] in updates:
                problem, words = updates[row["natural_key"]]
                what = record_words(row["kind"], row["natural_key"], row["petmanager_id"])
                findings.append(Finding(row["kind"], row["petmanager_id"], row["xero_id"], problem, f"{what} {words}"))
            continue
        counts = checked if row["checked"] else unchecked
        counts[row["kind"]] = counts.get(row["kind"], 0) + 1
        if row["checked"]:
            findings.extend(findings_of(row))
    return Verification(plan_hash, tenant_id, snapshots["xero_snapshot"], snapshots["pm_snapshot"], checked,
                        unchecked, findings)


def findings_of(row: dict) -> list[Finding]:
    """What is wrong with one done row, from its verify/rows.sql row (nothing when all is well)."""
    what = record_words(row["kind"], row["key"], row["petmanager_id"])
    found = []

    def add(problem: str, words: str) -> None:
        found.append(Finding(row["kind"], row["petmanager_id"], row["xero_id"], problem, f"{what} {words}"))

    if row["kind"] == "contact_group_member" and not row["found"]:
        add("missing", "is not in Xero: the contact is not a member of that group")
        return found
    if not row["found"] and not row["matches"]:
        add("missing", f"is not in Xero: no live record carries {row['key']} and id {row['xero_id']} is not there")
        return found
    if row["found"] and not row["live"]:
        add("not_live", f"was created as {row['xero_id']}, which is now voided, deleted or archived in Xero")
    if row["matches"] > 1:
        add("doubled", f"is in Xero {row['matches']} times: recon wrote it once, so someone (or something) "
                       "added it again; void or delete the extra one in Xero")
    elif row["matches"] == 1 and not (row["found"] and row["live"] and row["found_key"] == row["key"]):
        add("other_record", f"is in Xero, but not as the record {row['xero_id']} recon recorded"
            + (f" (that one carries {row['found_key']})" if row["found"] and row["found_key"] != row["key"] else ""))
    if row["found"] and row["found_key"] != row["key"]:
        add("key_changed", f"was created as {row['xero_id']}, which now carries {row['found_key'] or 'no key'} in Xero "
                           f"instead of {row['key']}: someone changed it by hand")
    if row["found"]:
        _money_and_place(row, add)
    return found


def _money_and_place(row: dict, add) -> None:
    if row["kind"] not in WITHOUT_AMOUNT and row["expected"] is None:
        add("no_petmanager_record", "is not in the latest Pet Manager snapshot: its amount could not be compared")
    elif row["expected"] is not None and row["amount"] != row["expected"]:
        difference = abs(row["amount"] - row["expected"]) if row["amount"] is not None else None
        apart = f" ({difference} apart)" if difference is not None else ""
        add("amount", f"is {_amount(row['amount'])} in Xero but {_amount(row['expected'])} in Pet Manager{apart}")
    if row["expected_target"] is not None and row["target"] != row["expected_target"]:
        add("wrong_target", f"is on {row['target_label'] or 'no document'} in Xero, "
                            f"but was meant for {row['expected_target_label']}")
    if row["expected_source"] is not None and row["source"] != row["expected_source"]:
        add("wrong_source", f"uses the credit of {row['source_label'] or 'nothing'} in Xero, "
                            f"but was meant to use {row['expected_source_label']}")


def record_words(kind: str, key: str | None, petmanager_id: int | None) -> str:
    """`invoice INV10452 (Pet Manager 10452)`."""
    name = kind.replace("_", " ")
    pm = f" (Pet Manager {petmanager_id})" if petmanager_id is not None else ""
    return f"{name} {key}{pm}"


def _amount(value: Decimal | None) -> str:
    return "nothing" if value is None else f"{value:.2f}"
