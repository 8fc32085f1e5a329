"""The world the push tests run in: a plan of the sample business (or a small demo) made the way
`recon sync` makes it, a local Xero sandbox holding the organisation, a client over real HTTP,
and the check that Xero holds every pushed record exactly once with Pet Manager's totals."""

from __future__ import annotations

import datetime as dt
import shutil
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import duckdb
import tomlkit

from recon.check.findings import Window
from recon.check.run import run_check
from recon.init import create_workspace
from recon.mapping.run import map_codes
from recon.snapshot.run import take_snapshots
from recon.syncplan import Plan, build_plan, to_outbox_writes
from sync.outbox import Outbox
from sync.push_placeholders import resolve
from sync.sandbox import Sandbox, SandboxConfig
from sync.sandbox.defaults import default_state
from sync.xero import FileTokenStore, XeroClient, XeroSettings, parse_date
from sync.xero.clock import SystemClock
from sync.xero.limits import Limits, RateLimiter

CALLS_PER_MINUTE = 10_000  # Xero's 60 a minute would make every test wait; pacing has its own tests
SANDBOX = SandboxConfig(minute_limit=CALLS_PER_MINUTE)
START = dt.date(2024, 1, 1)
# Pet Manager's Step 2 for the sample business on the sandbox's default AU organisation.
MAPPING = {
    "items": {"BOARD-DOG": "200", "BOARD-CAT": "200", "DAYCARE": "200", "BATH": "200", "GROOM-NAIL": "200",
              "MEDS": "200", "RETAIL": "260", "ADJUST": "260"},
    "area_types": {"boarding": "200", "daycare": "200", "grooming": "200", "retail": "260"},
    "tax": {"GST": "OUTPUT", "GST_FREE": "EXEMPTOUTPUT", "NO_TAX": "BASEXCLUDED"},
    "payment_methods": {"cash": "090", "eftpos": "090", "credit_card": "090", "bank_transfer": "090",
                        "cheque": "090", "stripe": "630"},
    "accounts": {"stripe_clearing": "630", "stripe_payout_bank": "090", "stripe_fees": "404",
                 "platform_fees": "404", "overpayments": "610", "rounding": "860"},
}


class QuickRetries(SystemClock):
    """Real time, but the client's waits between retries (backoff, Retry-After) 50 times shorter."""

    def sleep(self, seconds: float) -> None:
        super().sleep(seconds / 50)


def settings_of(sb: Sandbox) -> XeroSettings:
    return XeroSettings(client_id=sb.client_id, client_secret=sb.client_secret, base_url=sb.base_url,
                        identity_url=sb.base_url, login_url=sb.base_url)


def client_of(sb: Sandbox, folder: Path, transport=None, **options) -> XeroClient:
    """A client for the sandbox's organisation: quick retries, Xero's pacing at a high limit."""
    clock = QuickRetries()
    return XeroClient(settings_of(sb), tenant_id=sb.tenant_id, token_store=FileTokenStore(folder / "tokens.json"),
                      lock_dir=folder, clock=clock, transport=transport,
                      limiter=RateLimiter(clock, Limits(per_minute=CALLS_PER_MINUTE)), **options)


def sample_state() -> dict:
    """The default organisation with Stripe clearing (630) as a bank account, as Pet Manager's setup
    makes it (a BankTransfer needs a bank account on both sides)."""
    state = default_state()
    for account in state["organisations"][0]["Accounts"]:
        if account["Code"] == MAPPING["accounts"]["stripe_clearing"]:
            account.update(Type="BANK", BankAccountType="BANK")
    return state


def sample_plan(export: Path, folder: Path) -> Plan:
    """The sample business's plan from 2024-01-01, made as `recon sync` makes it: workspace,
    snapshots of both sides (Xero: `sample_state()`), mapping, check, plan."""
    with Sandbox.start(sample_state(), SANDBOX) as sb:
        ws = mapped_workspace(folder, export, sb, lambda tenant: client_of(sb, folder))
        check = run_check(ws, Window(START, None))
        return build_plan(ws, check.window, check)


def mapped_workspace(folder: Path, export: Path, sb: Sandbox, client_for, start_date: dt.date | None = START):
    """A workspace of `export` in `folder/workspace` on `sb`'s organisation: both sides snapshotted
    (through `client_for`), the codes mapped as Pet Manager's Step 2 maps them (MAPPING)."""
    ws = create_workspace(folder / "workspace", export, tenant_ids=list(sb.tenant_ids), start_date=start_date,
                          invoice_prefix="INV", credit_note_prefix="")
    take_snapshots(ws, petmanager=True, xero=True, client_for=client_for, source=sb.base_url)
    map_codes(ws)
    document = tomlkit.parse(ws.config_path.read_text(encoding="utf-8"))
    for table, values in MAPPING.items():
        for code, account in values.items():
            document["mapping"][table][code] = account
    ws.config_path.write_text(tomlkit.dumps(document), encoding="utf-8")
    return ws


def new_outbox(path: Path, plan: Plan, tenant_id: str) -> None:
    """A DuckDB file at `path` holding the plan's outbox, nothing sent."""
    con = duckdb.connect(str(path))
    try:
        Outbox(con).add_plan(plan.hash, to_outbox_writes(plan), tenant_id=tenant_id)
    finally:
        con.close()


def copy_outbox(template: Path, path: Path) -> Path:
    shutil.copyfile(template, path)
    return path


@dataclass(frozen=True)
class Pushed:
    """What Xero holds of the plan's records, by natural key: how many, and the records."""

    counts: Counter
    records: dict[str, dict]


def in_xero(client: XeroClient) -> Pushed:
    """Every record of the plan's kinds Xero holds (deleted and voided ones left out), by natural key."""
    counts: Counter = Counter()
    records: dict[str, dict] = {}

    def seen(key: str, record: dict) -> None:
        counts[key] += 1
        records[key] = record

    contact_keys = {}
    for contact in client.iter_records("Contacts"):
        contact_keys[contact["ContactID"]] = f"CN{contact['ContactNumber']}" if contact.get("ContactNumber") \
            else contact["Name"]
        seen(contact_keys[contact["ContactID"]], contact)
    for group in client.iter_records("ContactGroups"):
        seen(f"GROUP:{group['Name']}", group)
        detail = client.read(f"ContactGroups/{group['ContactGroupID']}")["ContactGroups"][0]
        for member in detail.get("Contacts") or []:
            seen(f"{contact_keys[member['ContactID']]} in {group['Name']}", member)
    for invoice in client.iter_records("Invoices"):
        if invoice["Status"] not in ("DELETED", "VOIDED"):
            seen(invoice["InvoiceNumber"], invoice)
    for credit_note in client.iter_records("CreditNotes"):
        if credit_note["Status"] not in ("DELETED", "VOIDED"):
            seen(credit_note["CreditNoteNumber"], credit_note)
    for payment in client.iter_records("Payments"):
        if payment["Status"] != "DELETED" and payment.get("Reference"):
            key = payment["Reference"].split(" ")[0]
            seen(f"{key} payment" if key.startswith(("PM-FEE-", "PM-PFEE-")) else key, payment)
    for transaction in client.iter_records("BankTransactions", where='Type=="RECEIVE-OVERPAYMENT"'):
        if transaction["Status"] != "DELETED":
            seen(transaction["Reference"].split(" ")[0], transaction)
    for transfer in client.iter_records("BankTransfers"):
        seen(transfer["Reference"].split(" ")[0], transfer)
    return Pushed(counts, records)


def allocations_found(client: XeroClient, plan: Plan, ids: dict[str, str]) -> Counter:
    """How many allocations on its credit note or overpayment match each planned allocation (same
    invoice, amount and date)."""
    found: Counter = Counter()
    for write in plan.writes:
        if not write.kind.endswith("_allocation") or write.natural_key not in ids:
            continue
        collection, credit_id, _ = resolve(write.entity, ids).split("/")
        credit = client.read(f"{collection}/{credit_id}")[collection][0]
        invoice_id = resolve(write.payload, ids)["Invoice"]["InvoiceID"]
        found[write.natural_key] = sum(
            1 for allocation in credit.get("Allocations") or []
            if allocation["Invoice"]["InvoiceID"] == invoice_id and allocation["Amount"] == write.amount
            and parse_date(str(allocation["Date"])).isoformat() == write.payload["Date"])
    return found


def assert_exactly_once(client: XeroClient, plan: Plan, con: duckdb.DuckDBPyConnection,
                        failed_ok: frozenset[str] = frozenset(), any_failed_ok: bool = False) -> Pushed:
    """Every write of the plan done (but `failed_ok`, or any with `any_failed_ok`) and in Xero exactly
    once; every sales invoice, credit note, payment and transfer with Pet Manager's amount to the
    cent; each payment on the invoice the outbox made for it. A failed row must carry Xero's message."""
    rows = {key: (state, xero_id, error) for key, state, xero_id, error in con.execute(
        "SELECT natural_key, state, xero_id, error FROM outbox WHERE plan_hash = ?", [plan.hash]).fetchall()}
    pushed = in_xero(client)
    ids = {key: xero_id for key, (state, xero_id, _) in rows.items() if state == "done"}
    allocations = allocations_found(client, plan, ids)
    for write in plan.writes:
        state, xero_id, error = rows[write.natural_key]
        if write.natural_key in failed_ok:
            assert state in ("failed", "held"), (write.natural_key, state)
            assert pushed.counts[write.natural_key] == 0, write.natural_key
        if state in ("failed", "held") and (any_failed_ok or write.natural_key in failed_ok):
            assert error, write.natural_key
            continue
        assert state == "done", (write.natural_key, state, error)
        if write.kind.endswith("_allocation"):
            assert allocations[write.natural_key] == 1, (write.natural_key, allocations[write.natural_key])
            continue
        assert pushed.counts[write.natural_key] == 1, (write.natural_key, pushed.counts[write.natural_key])
        record = pushed.records[write.natural_key]
        if write.kind in ("invoice", "credit_note", "stripe_fee_bill"):
            assert record["Total"] == write.amount, write.natural_key
        if write.kind in ("payment", "refund", "stripe_fee_payment", "payout", "overpayment"):
            amount = record.get("Amount", record.get("Total"))
            assert Decimal(amount) == write.amount, write.natural_key
        if write.kind in ("payment", "stripe_fee_payment"):
            assert record["Invoice"]["InvoiceID"] == resolve(write.payload, ids)["Invoice"]["InvoiceID"], \
                write.natural_key
    extra = {write.natural_key: pushed.counts[write.natural_key] for write in plan.writes
             if pushed.counts[write.natural_key] > 1}
    assert not extra, f"in Xero more than once: {extra}"
    return pushed
