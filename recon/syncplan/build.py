"""`build_plan`: every write the back-sync would make for one organisation and window, in dependency
order, each with its natural key, its exact payload and the natural keys it waits for.

References between records. A payload that needs the Xero id of a record Xero already holds (linked
by the check, or decided 'same') gets that id. A payload that needs the id of a record this plan
creates gets a placeholder `{<IdField>:<natural key>}` — `{ContactID:CN17}`, `{InvoiceID:INV10452}`,
`{CreditNoteID:CN-0213}`, `{OverpaymentID:PM-OVP-5}`, `{InvoiceID:PM-FEE-8812}` — wherever the id
goes (the payload's values or the entity path, as in `CreditNotes/{CreditNoteID:CN-0213}/Allocations`),
and that natural key is in the write's `depends_on`. The pusher replaces each placeholder with the id
Xero returned for the write with that natural key (for an overpayment, the OverpaymentID Xero made
from the BankTransaction).

Natural keys: contacts `CN<customer id>` (ContactNumber is the customer id), the suppliers by name
(`Stripe`, `Pet Manager`), invoices and credit notes their Xero number (prefix included), payments
`PM-PAY-<id>`, allocations `PM-ALC-<id>`, overpayments `PM-OVP-<id>`, refunds `PM-RFD-<id>`, fee
bills `PM-FEE-<payment id>` / `PM-PFEE-<payment id>` (the bill's InvoiceNumber) and their payments
`<bill key> payment` (Reference: the bill's key), payouts `PM-PO-<id>`, a contact group the
organisation lacks `GROUP:<name>`, a created contact's membership `<contact key> in <group name>`, an
update of Pet Manager's own contact changed in Xero `CN<id> update <8 hex>` (recon/syncplan/contact_updates.py),
an update or void of Pet Manager's own document changed in Pet Manager `INV10452 update <8 hex>`,
`INV10452 void` (recon/syncplan/document_updates.py).

Contact groups: every customer contact the plan creates goes into "Pet Manager Customers", the
suppliers it creates (Stripe, Pet Manager) into "Pet Manager Suppliers"; a group is created when
the organisation has none by that name. Contacts already in Xero are left in the groups they have.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import duckdb

import queries

from recon.check.findings import Window
from recon.check.run import CheckResult
from recon.config import Config, Organisation
from recon.errors import BadInput
from recon.syncplan.contact_updates import KIND as CONTACT_UPDATE
from recon.syncplan.contact_updates import OwnContacts, held_words
from recon.syncplan.document_updates import OwnDocuments
from recon.syncplan.in_xero import Candidates, payout_in_xero, refund_in_xero
from recon.syncplan.known import known_records
from recon.syncplan.plan import Left, Plan
from recon.syncplan.rows import export_rows, grouped
from recon.syncplan.write import KINDS, PlannedWrite, placeholder
from sync import payloads
from sync.payloads.stripe_fee import fee_key

MAPPING_TABLES = ("items", "area_types", "tax", "payment_methods", "accounts", "tracking")
ROUNDING_TAX_TYPES = ("BASEXCLUDED", "NONE")  # tax types that carry no tax, the first the organisation has
FEES = (("stripe_fee", "Stripe", "stripe_fees"), ("platform_fee", "Pet Manager", "platform_fees"))
GROUPS = {"customer": "Pet Manager Customers", "supplier": "Pet Manager Suppliers"}
CREDITS = {"credit_note": ("CreditNoteID", "CreditNotes", "credit note"),
           "overpayment": ("OverpaymentID", "Overpayments", "overpayment")}

Ref = tuple[str, tuple[str, ...]]  # the Xero id or its placeholder, and the natural keys it waits for


def build_plan(ws, window: Window, check_result: CheckResult, *, tenant_id: str | None = None,
               on_duplicate: str = "refuse", fee_tax_type: str = "INPUT",
               hold: dict[tuple[str, str], str] | None = None) -> Plan:
    """The plan for the organisation `tenant_id` (the only one when None). Refuses (DuplicatesUndecided)
    while likely or certain duplicates have no decision, unless `on_duplicate="skip"`.
    `fee_tax_type`: the TaxType of the Stripe and Pet Manager fee bills (their amounts include it).
    `hold`: (kind, Pet Manager id) -> why, for invoices, credit notes and overpayments not to write
    (`recon sync --on-problem hold`); what waits for them is held too, saying so."""
    config = ws.config()
    organisation = _organisation(config, tenant_id)
    con = ws.connect()
    try:
        known = known_records(con, check_result, organisation.tenant_id, on_duplicate)
        planner = _Planner(con, config, organisation, window, check_result, known, fee_tax_type)
        planner.hold = dict(hold or {})
    finally:
        con.close()
    return planner.plan()


def _organisation(config: Config, tenant_id: str | None) -> Organisation:
    if tenant_id is None:
        if len(config.organisations) != 1:
            raise BadInput(f"recon.toml has {len(config.organisations)} organisations: name the one to plan for")
        return config.organisations[0]
    for organisation in config.organisations:
        if organisation.tenant_id == tenant_id:
            return organisation
    raise BadInput(f"organisation {tenant_id} is not in recon.toml")


class _Planner:
    """Reads the window's records once, then plans kind by kind; each kind's writes refer only to
    records of earlier kinds."""

    def __init__(self, con: duckdb.DuckDBPyConnection, config: Config, organisation: Organisation, window: Window,
                 check: CheckResult, known: dict, fee_tax_type: str):
        snapshot = {"snapshot_id": check.pm_snapshot}
        window_params = {**snapshot, "locations": list(organisation.locations), "start": window.start,
                         "end": window.end}
        xero = {"xero_snapshot": check.xero_snapshots[organisation.tenant_id], "tenant_id": organisation.tenant_id}
        self.config = config
        self.window = window
        self.known = known
        self.hold: dict[tuple[str, str], str] = {}  # build_plan's `hold`
        con.execute(queries.load("outbox/schema"))
        self.pushed = dict(con.execute(queries.load("syncplan/pushed_keys"),
                                       {"tenant_id": organisation.tenant_id}).fetchall())
        self.fee_tax_type = fee_tax_type
        self.mapping = {name: dict(getattr(config.mapping, name)) for name in MAPPING_TABLES}
        self.tax_rates = {row["tax_type"]: Decimal(row["effective_rate"])
                          for row in export_rows(con, "tax_rates", xero)}
        self.rounding_tax_type = next((t for t in ROUNDING_TAX_TYPES if self.tax_rates.get(t) == 0), None)
        if self.rounding_tax_type is None:
            raise BadInput(f"the organisation has none of the tax rates {', '.join(ROUNDING_TAX_TYPES)} at 0%, "
                           "which the rounding line needs: take a fresh Xero snapshot or add one in Xero")
        self.locations = {row["location_id"]: row["name"] for row in export_rows(con, "locations", snapshot)}
        self.customers = {row["customer_id"]: row for row in export_rows(con, "customers", snapshot)}
        self.invoice_status = {row["invoice_id"]: row for row in export_rows(con, "invoice_status", snapshot)}
        self.suppliers = {row["name"]: row["contact_id"] for row in export_rows(
            con, "suppliers", {**xero, "names": [name for _, name, _ in FEES]})}
        # Xero id of a live document -> (what it is, what is still open on it, what that is called)
        self.open = {row["xero_id"]: (row["label"], Decimal(row["open"] or 0), row["what"])
                     for row in export_rows(con, "open_amounts", xero)}
        # Xero id of a live document -> (its contact's Xero id, the contact's name): allocations stay within one
        self.holder = {row["xero_id"]: (row["contact_id"], row["contact_name"])
                       for row in export_rows(con, "open_amounts", xero)}
        self.contact_of: dict[tuple[str, str], str] = {}  # (kind, Pet Manager id) -> contact id or placeholder
        self.transfers = Candidates(export_rows(con, "xero_transfers", xero), "bank_transfer_id")
        self.credit_payments = Candidates(export_rows(con, "xero_credit_payments", xero), "payment_id")
        self.own_contacts = OwnContacts(con, xero["xero_snapshot"], organisation.tenant_id)
        self.own_documents = OwnDocuments(con, xero["xero_snapshot"], organisation.tenant_id, check.links)
        self.overwritten: list[Left] = []
        self.groups = {row["name"]: row["contact_group_id"] for row in export_rows(
            con, "contact_groups", {**xero, "names": list(GROUPS.values())})}
        self.rows = {name: export_rows(con, name, window_params) for name in
                     ("invoices", "credit_notes", "payments", "overpayments", "allocations", "refunds", "payouts")}
        self.lines = {"invoice": grouped(export_rows(con, "invoice_lines", snapshot), "invoice_id"),
                      "credit_note": grouped(export_rows(con, "credit_note_lines", snapshot), "credit_note_id")}
        self.writes: dict[str, list[PlannedWrite]] = {kind: [] for kind in KINDS}
        self.refs: dict[tuple[str, str], Ref] = {}  # (kind, Pet Manager id) -> reference, once planned or linked
        self.keys: set[str] = set()
        self.skipped: list[Left] = []
        self.linked: list[Left] = []
        self.held: list[Left] = []

    def plan(self) -> Plan:
        self._documents("invoice", "invoices", "InvoiceID", "Invoices")
        self._documents("credit_note", "credit_notes", "CreditNoteID", "CreditNotes")
        self._document_updates()
        planned_payments = self._payments()
        self._allocations("credit_note")
        self._overpayments()
        self._allocations("overpayment")
        self._refunds()
        self._fees(planned_payments)
        self._payouts()
        self._contact_updates()
        self._group_members()
        ordered = [write for kind in KINDS for write in self.writes[kind]]
        writes = [replace(write, seq=seq) for seq, write in enumerate(ordered, start=1)]
        return Plan(writes, self.skipped, self.linked, self.held, overwritten=self.overwritten)

    # -- writing and referring

    def _add(self, kind: str, petmanager_id: int | None, key: str, entity: str, payload: dict,
             depends_on: tuple[str, ...], amount: Decimal | None, method: str = "PUT") -> None:
        if key in self.pushed:  # recon pushed it in an earlier run: in Xero already, never written twice
            if petmanager_id is not None:
                self.linked.append(Left(kind, petmanager_id, f"already in Xero: pushed by recon as {key}",
                                        self.pushed[key]))
            return
        if key in self.keys:
            raise BadInput(f"two records of the plan share the natural key {key}: the pusher could not tell them "
                           "apart; renumber one in Pet Manager")
        self.keys.add(key)
        self.writes[kind].append(PlannedWrite(0, kind, petmanager_id, key, entity, method, payload,
                                              tuple(sorted(set(depends_on))), amount))

    def _ref(self, id_field: str, key: str) -> Ref:
        """How later writes refer to the record with natural key `key`: its Xero id when recon pushed it
        in an earlier run, else the placeholder of its write in this plan (which they then wait for)."""
        if key in self.pushed:
            return self.pushed[key], ()
        return placeholder(id_field, key), (key,)

    def _exceeds(self, documents: tuple[Ref, ...], amount: Decimal, kind: str, petmanager_id: str) -> bool:
        """Holds a payment, allocation or refund that would take more from a document Xero already holds
        than is still open on it (due on an invoice, credit left on a credit note or overpayment): Xero
        refuses it. Otherwise counts it against what is open on each of `documents`."""
        in_xero = [xero_id for xero_id, waits in documents if not waits and xero_id in self.open]
        for xero_id in in_xero:  # a document the plan creates is covered by the check's own rules
            label, still_open, what = self.open[xero_id]
            if amount > still_open:
                self.held.append(Left(kind, int(petmanager_id), (
                    f"{kind.replace('_', ' ')} {petmanager_id} of {amount} is more than the {still_open} {what} "
                    f"on {label} in Xero: a payment or credit typed by hand is probably there already; check it in "
                    "Xero, then decide the duplicate with `recon resolve` or record the difference by hand")))
                return True
        for xero_id in in_xero:
            label, still_open, what = self.open[xero_id]
            self.open[xero_id] = label, still_open - amount, what
        return False

    def _other_contacts(self, credit: Ref, credit_key: tuple[str, str], invoice: Ref, row: dict, kind: str,
                        words: str) -> bool:
        """Holds an allocation whose credit and invoice belong to different contacts in Xero (a credit
        decided the same as one typed by hand on another contact, say): Xero allocates only within one."""
        def holder(ref: Ref, key: tuple[str, str]) -> str | None:
            xero_id, waits = ref
            if not waits and xero_id in self.holder:
                return self.holder[xero_id][0]
            return self.contact_of.get(key)

        credit_holder = holder(credit, credit_key)
        invoice_holder = holder(invoice, ("invoice", row["invoice_id"]))
        if credit_holder is None or invoice_holder is None or credit_holder == invoice_holder:
            return False
        names = {contact_id: name for contact_id, name in self.holder.values()}
        self.held.append(Left(kind, int(row["allocation_id"]), (
            f"allocation {row['allocation_id']}: the {words} {row['source_id']} and invoice "
            f"{self.invoice_status[row['invoice_id']]['invoice_number']} belong to different contacts in Xero "
            f"({names.get(credit_holder, 'a new contact')} and {names.get(invoice_holder, 'a new contact')}), and "
            "Xero allocates credit only within one contact: merge the contacts in Xero or correct the decision "
            "with `recon resolve`, or allocate it by hand")))
        return True

    def _linked(self, kind: str, petmanager_id: str) -> bool:
        """Whether Xero holds the record already; if so it is listed as linked and can be referred to."""
        known = self.known.get((kind, int(petmanager_id)))
        if known is None:
            return False
        xero_id, why = known
        self.linked.append(Left(kind, int(petmanager_id), why, xero_id))
        self.refs[kind, petmanager_id] = (xero_id, ())
        return True

    def _contact(self, customer_id: str) -> Ref:
        """The customer's contact, planned the first time a record needs it."""
        if ("contact", customer_id) not in self.refs and not self._linked("contact", customer_id):
            key = f"CN{customer_id}"
            self._add("contact", int(customer_id), key, "Contacts", payloads.contact(self.customers[customer_id]),
                      (), None)
            self.refs["contact", customer_id] = self._ref("ContactID", key)
        return self.refs["contact", customer_id]

    def _supplier(self, name: str) -> Ref:
        """The supplier's contact: Xero's when it has one by that name, else planned."""
        if name in self.suppliers:
            return self.suppliers[name], ()
        if ("supplier", name) not in self.refs:
            self._add("contact", None, name, "Contacts", {"Name": name}, (), None)
            self.refs["supplier", name] = self._ref("ContactID", name)
        return self.refs["supplier", name]

    def _account(self, method: str) -> str:
        if method not in self.mapping["payment_methods"]:
            raise BadInput(f"no Xero bank account mapped for payment method {method!r}: run `recon map`")
        return self.mapping["payment_methods"][method]

    def _in_the_way(self, row: dict, kind: str, id_column: str) -> bool:
        """Void (skipped) or already in Xero (linked): not written."""
        if row.get("status") == "void":
            self.skipped.append(Left(kind, int(row[id_column]), "void in Pet Manager: not synced"))
            return True
        if (kind, row[id_column]) in self.hold:
            self.held.append(Left(kind, int(row[id_column]), f"held by --on-problem hold: {self.hold[kind, row[id_column]]}"))
            return True
        return self._linked(kind, row[id_column])

    def _waits_for_credit(self, what: str, source_type: str, source_id: str) -> str:
        """Why `what` (an allocation or refund) waits: its credit note or overpayment is not written."""
        waits = f"{what} waits for {CREDITS[source_type][2]} {source_id}"
        if (source_type, source_id) in self.hold:
            return f"{waits}, which is held by --on-problem hold: record both by hand, or fix the problem and sync again"
        return f"{waits}, which is neither in the plan nor in Xero"

    def _waits_for_invoice(self, what: str, invoice_id: str) -> str:
        """Why `what` (e.g. "payment 8812") waits: its invoice is neither in the plan nor in Xero."""
        row = self.invoice_status[invoice_id]
        waits = f"{what} waits for invoice {row['invoice_number']}"
        if ("invoice", invoice_id) in self.hold:
            return f"{waits}, which is held by --on-problem hold: record both by hand, or fix the problem and sync again"
        if row["status"] in ("void", "draft"):
            return f"{waits}, which is {row['status']} in Pet Manager"
        if row["invoice_date"] < self.window.start.isoformat():
            return (f"{waits}, which is dated before the start date: move the start date back or record that "
                    f"{what.split()[0]} by hand")
        return f"{waits}, which is dated after the end date: move the end date on"

    # -- the kinds, in order

    def _documents(self, kind: str, rows: str, id_field: str, entity: str) -> None:
        prefix = (self.config.invoice_prefix if kind == "invoice" else self.config.credit_note_prefix) or ""
        build = payloads.invoice if kind == "invoice" else payloads.credit_note
        id_column, number_column = f"{kind}_id", f"{kind}_number"
        for row in self.rows[rows]:
            if self._in_the_way(row, kind, id_column):
                continue
            contact_id, depends_on = self._contact(row["customer_id"])
            self.contact_of[kind, row[id_column]] = contact_id
            key = prefix + row[number_column]
            payload = build(row, self.lines[kind].get(row[id_column], []), contact_id=contact_id, prefix=prefix,
                            mapping=self.mapping, tax_rates=self.tax_rates,
                            location_name=self.locations[row["location_id"]],
                            rounding_tax_type=self.rounding_tax_type)
            self._add(kind, int(row[id_column]), key, entity, payload, depends_on,
                      Decimal(row["total"]))
            self.refs[kind, row[id_column]] = self._ref(id_field, key)

    def _document_updates(self) -> None:
        """Pet Manager's own documents changed or voided in Pet Manager since they were synced: updated or
        voided in Xero (document_updates.py); later writes on an updated one wait for its update."""
        for kind, rows in (("invoice", "invoices"), ("credit_note", "credit_notes")):
            for row in self.rows[rows]:
                document = self.own_documents.document(kind, int(row[f"{kind}_id"]))
                if document is None:
                    continue
                payload = None if row["status"] == "void" else self._document_payload(kind, row, document)
                change = self.own_documents.change(kind, row, payload)
                if change is None or change.natural_key in self.pushed:  # equal, or sent by an earlier plan
                    continue
                if payload is None:  # not "void in Pet Manager: not synced": it was synced
                    self.skipped = [left for left in self.skipped
                                    if (left.kind, left.petmanager_id) != (kind, change.petmanager_id)]
                if change.held is not None:
                    self.held.append(Left(change.kind, change.petmanager_id, change.held, change.xero_id))
                    continue
                self._add(change.kind, change.petmanager_id, change.natural_key, change.entity, change.payload, (),
                          Decimal(row["total"]), method="POST")
                if payload is not None:
                    self.refs[kind, row[f"{kind}_id"]] = (change.xero_id, (change.natural_key,))
                    self.contact_of[kind, row[f"{kind}_id"]] = document["Contact"]["ContactID"]

    def _document_payload(self, kind: str, row: dict, document: dict) -> dict:
        """What recon sends for Pet Manager's document `row` now, on the contact Xero holds it on."""
        prefix = (self.config.invoice_prefix if kind == "invoice" else self.config.credit_note_prefix) or ""
        build = payloads.invoice if kind == "invoice" else payloads.credit_note
        return build(row, self.lines[kind].get(row[f"{kind}_id"], []), contact_id=document["Contact"]["ContactID"],
                     prefix=prefix, mapping=self.mapping, tax_rates=self.tax_rates,
                     location_name=self.locations[row["location_id"]], rounding_tax_type=self.rounding_tax_type)

    def _payments(self) -> list[dict]:
        """Plans the payments; returns the rows planned (their Stripe fees follow)."""
        planned = []
        for row in self.rows["payments"]:
            if self._in_the_way(row, "payment", "payment_id"):
                continue
            invoice = self.refs.get(("invoice", row["invoice_id"]))
            if invoice is None:
                self.held.append(Left("payment", int(row["payment_id"]),
                                      self._waits_for_invoice(f"payment {row['payment_id']}", row["invoice_id"])))
                continue
            invoice_id, depends_on = invoice
            if self._exceeds((invoice,), Decimal(row["amount"]), "payment", row["payment_id"]):
                continue
            key = f"PM-PAY-{row['payment_id']}"
            self._add("payment", int(row["payment_id"]), key, "Payments",
                      payloads.payment(row, invoice_id=invoice_id, account_code=self._account(row["method"])),
                      depends_on, Decimal(row["amount"]))
            planned.append(row)
        return planned

    def _allocations(self, source_type: str) -> None:
        id_field, path, words = CREDITS[source_type]
        kind = f"{source_type}_allocation"
        for row in self.rows["allocations"]:
            if row["source_type"] != source_type:
                continue
            credit = self.refs.get((source_type, row["source_id"]))
            invoice = self.refs.get(("invoice", row["invoice_id"]))
            what = f"allocation {row['allocation_id']}"
            if credit is None:
                self.held.append(Left(kind, int(row["allocation_id"]),
                                      self._waits_for_credit(what, source_type, row["source_id"])))
                continue
            if invoice is None:
                self.held.append(Left(kind, int(row["allocation_id"]),
                                      self._waits_for_invoice(what, row["invoice_id"])))
                continue
            if not credit[1] and not invoice[1]:
                self.linked.append(Left(kind, int(row["allocation_id"]), f"its {words} and invoice are both in "
                                        "Xero already: the allocation is left as Xero has it"))
                continue
            if self._other_contacts(credit, (source_type, row["source_id"]), invoice, row, kind, words):
                continue
            if self._exceeds((credit, invoice), Decimal(row["amount"]), kind, row["allocation_id"]):
                continue
            key = f"PM-ALC-{row['allocation_id']}"
            self._add(kind, int(row["allocation_id"]), key, f"{path}/{credit[0]}/Allocations",
                      payloads.allocation(row, invoice_id=invoice[0]), credit[1] + invoice[1], Decimal(row["amount"]))

    def _overpayments(self) -> None:
        for row in self.rows["overpayments"]:
            if self._in_the_way(row, "overpayment", "overpayment_id"):
                continue
            contact_id, depends_on = self._contact(row["customer_id"])
            self.contact_of["overpayment", row["overpayment_id"]] = contact_id
            key = f"PM-OVP-{row['overpayment_id']}"
            self._add("overpayment", int(row["overpayment_id"]), key, "BankTransactions",
                      payloads.overpayment(row, contact_id=contact_id, account_code=self._account(row["method"])),
                      depends_on, Decimal(row["amount"]))
            self.refs["overpayment", row["overpayment_id"]] = self._ref("OverpaymentID", key)

    def _refunds(self) -> None:
        for row in self.rows["refunds"]:
            credit = self.refs.get((row["source_type"], row["source_id"]))
            if credit is None:
                self.held.append(Left("refund", int(row["refund_id"]), self._waits_for_credit(
                    f"refund {row['refund_id']}", row["source_type"], row["source_id"])))
                continue
            found = None if credit[1] else refund_in_xero(row, credit[0], self.credit_payments)
            if found:
                self.linked.append(Left("refund", int(row["refund_id"]), f"already in Xero: {found[1]}", found[0]))
                continue
            if self._exceeds((credit,), Decimal(row["amount"]), "refund", row["refund_id"]):
                continue
            key = f"PM-RFD-{row['refund_id']}"
            self._add("refund", int(row["refund_id"]), key, "Payments",
                      payloads.refund(row, credit_id=credit[0], account_code=self._account(row["method"])),
                      credit[1], Decimal(row["amount"]))

    def _fees(self, payments: list[dict]) -> None:
        """A bill for each fee on a planned Stripe payment, and its payment from the clearing account."""
        accounts = self.mapping["accounts"]
        for row in payments:
            if row["method"] != "stripe":
                continue
            for fee, supplier, account in FEES:
                amount = Decimal(row[fee] or 0)
                if not amount:
                    continue
                contact_id, depends_on = self._supplier(supplier)
                key = fee_key(row, fee)
                self._add("stripe_fee_bill", int(row["payment_id"]), key, "Invoices",
                          payloads.stripe_fee_bill(row, fee=fee, contact_id=contact_id, account_code=accounts[account],
                                                   tax_type=self.fee_tax_type), depends_on, amount)
                bill_id, waits = self._ref("InvoiceID", key)
                self._add("stripe_fee_payment", int(row["payment_id"]), f"{key} payment", "Payments",
                          payloads.stripe_fee_payment(row, fee=fee, bill_id=bill_id,
                                                      clearing_account=accounts["stripe_clearing"]), waits, amount)

    def _payouts(self) -> None:
        accounts = self.mapping["accounts"]
        for row in self.rows["payouts"]:
            found = payout_in_xero(row, self.transfers, accounts["stripe_clearing"], accounts["stripe_payout_bank"])
            if found:
                self.linked.append(Left("payout", int(row["payout_id"]), f"already in Xero: {found[1]}", found[0]))
                continue
            self._add("payout", int(row["payout_id"]), f"PM-PO-{row['payout_id']}", "BankTransfers",
                      payloads.payout(row, clearing_account=accounts["stripe_clearing"],
                                      bank_account=accounts["stripe_payout_bank"]), (), Decimal(row["amount"]))

    def _contact_updates(self) -> None:
        """Pet Manager's own contacts changed in Xero: overwritten (contact_updates.py)."""
        for customer_id, xero_id in self.own_contacts.linked(self.known):
            if str(customer_id) not in self.customers:  # a number Pet Manager's export does not have
                continue
            update = self.own_contacts.update(self.customers[str(customer_id)], xero_id)
            if update is None or update.natural_key in self.pushed:  # equal, or sent by an earlier plan
                continue
            holder = self.own_contacts.name_holder(update)
            if holder is not None:
                self.held.append(Left(CONTACT_UPDATE, customer_id, held_words(update, holder), update.contact_id))
                continue
            self._add(CONTACT_UPDATE, customer_id, update.natural_key, "Contacts", update.payload, (), None,
                      method="POST")
            self.overwritten.append(Left(CONTACT_UPDATE, customer_id, update.reason, update.contact_id))

    def _group_members(self) -> None:
        """Each contact the plan creates into its group (created first when the organisation lacks it)."""
        for contact in self.writes["contact"]:
            name = GROUPS["customer" if contact.petmanager_id is not None else "supplier"]
            group_id, depends_on = self._group(name)
            self._add("contact_group_member", contact.petmanager_id, f"{contact.natural_key} in {name}",
                      f"ContactGroups/{group_id}/Contacts",
                      {"ContactID": placeholder("ContactID", contact.natural_key)},
                      depends_on + (contact.natural_key,), None)

    def _group(self, name: str) -> Ref:
        """The contact group: Xero's when it has one by that name, else planned."""
        if name in self.groups:
            return self.groups[name], ()
        if ("contact_group", name) not in self.refs:
            key = f"GROUP:{name}"
            self._add("contact_group", None, key, "ContactGroups", {"Name": name}, (), None)
            self.refs["contact_group", name] = self._ref("ContactGroupID", key)
        return self.refs["contact_group", name]
