"""THE test: the sample business's records, built into payloads and PUT to the local Xero sandbox
with plain httpx, land in Xero with Pet Manager's totals to the cent (invoice 10011 included),
and every request meets Xero's OpenAPI spec."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal

import httpx

from contract.xero_spec import validate_request
from payload_sample import MAPPING, PREFIX, by_id, document_options, lines_of, rows
from sync.payloads import (allocation, contact, credit_note, invoice, overpayment, payment, payout, refund,
                           stripe_fee_bill, stripe_fee_payment)
from sync.sandbox import Sandbox
from sync.sandbox.defaults import default_state
from sync.xero.jsonio import dumps, loads

ACCOUNTS = MAPPING["accounts"]


class Xero:
    """Just enough of a Xero client: a token, the tenant header, spec-checked PUTs of batches."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.http = httpx.Client(base_url=f"{sandbox.base_url}/api.xro/2.0", timeout=30)
        token = httpx.post(f"{sandbox.base_url}/connect/token", auth=(sandbox.client_id, sandbox.client_secret),
                           data={"grant_type": "client_credentials"})
        assert token.status_code == 200, token.text
        self.headers = {"Authorization": f"Bearer {token.json()['access_token']}",
                        "xero-tenant-id": sandbox.tenant_id, "Accept": "application/json",
                        "Content-Type": "application/json"}

    def put(self, path: str, collection: str, elements: list[dict], query: str = "summarizeErrors=false") -> list[dict]:
        """PUT a batch that must succeed element by element; the elements as Xero saved them."""
        url = f"{self.http.base_url}{path.lstrip('/')}" + (f"?{query}" if query else "")
        body = dumps({collection: elements})
        validate_request("PUT", url, self.headers, body)
        response = self.http.put(url, content=body, headers=self.headers)
        assert response.status_code == 200, response.text
        saved = loads(response.content)[collection]
        failed = [element.get("ValidationErrors") for element in saved if element.get("ValidationErrors")]
        assert not failed, failed
        return saved

    def get(self, path: str, collection: str) -> list[dict]:
        response = self.http.get(path.lstrip("/"), headers=self.headers)
        assert response.status_code == 200, response.text
        return loads(response.content)[collection]


@contextmanager
def xero_sandbox(state: dict | None = None) -> Iterator[Xero]:
    with Sandbox.start(state) as sandbox:
        xero = Xero(sandbox)
        try:
            yield xero
        finally:
            xero.http.close()


def put_contacts(xero: Xero, export) -> dict[str, str]:
    """Every customer as a contact; their ContactIDs by Pet Manager customer id."""
    saved = xero.put("/Contacts", "Contacts", [contact(customer) for customer in rows(export, "customers")])
    return {record["ContactNumber"]: record["ContactID"] for record in saved}


def put_invoices(xero: Xero, export, contact_ids: dict[str, str]) -> dict[str, dict]:
    """Every invoice but the drafts (never synced); Xero's records by Pet Manager invoice id."""
    sent = [row for row in rows(export, "invoices") if row["status"] != "draft"]
    payloads = [invoice(row, lines_of(export, "invoice_lines", "invoice_id", row["invoice_id"]),
                        contact_id=contact_ids[row["customer_id"]], prefix=PREFIX, **document_options(row))
                for row in sent]
    saved = xero.put("/Invoices", "Invoices", payloads, "summarizeErrors=false&unitdp=4")
    return {row["invoice_id"]: record for row, record in zip(sent, saved)}


def test_every_sample_invoice_totals_in_xero_what_it_totals_in_pet_manager(sample_export):
    with xero_sandbox() as xero:
        contact_ids = put_contacts(xero, sample_export)
        saved = put_invoices(xero, sample_export, contact_ids)
        listed = {record["InvoiceNumber"]: record for record in xero.get("/Invoices?page=1&unitdp=4", "Invoices")}
        without_rounding = xero.put("/Invoices", "Invoices", [plain_10011(sample_export, contact_ids)])[0]
    assert without_rounding["Total"] == Decimal("38.85")  # what a plain push would land
    invoices = by_id(sample_export, "invoices", "invoice_id")
    assert len(saved) == len(listed) == 10  # the draft stays behind
    for invoice_id, record in saved.items():
        expected = Decimal(invoices[invoice_id]["total"])
        number = PREFIX + invoices[invoice_id]["invoice_number"]
        assert record["InvoiceNumber"] == number
        assert record["Total"] == expected, number
        assert listed[number]["Total"] == expected, number
    assert listed["INV10011"]["Total"] == Decimal("38.84")
    assert listed["INV10011"]["TotalTax"] == Decimal("3.54")  # Xero's per-line tax; the rounding line absorbs the cent
    assert listed["INV10011"]["LineItems"][-1]["LineAmount"] == Decimal("-0.01")
    nails = listed["INV10006"]["LineItems"][1]
    assert (nails["UnitAmount"], nails["LineAmount"]) == (Decimal("19.9990"), Decimal("60.00"))


def plain_10011(export, contact_ids: dict[str, str]) -> dict:
    """Invoice 10011 under another number, its rounding line taken off."""
    row = by_id(export, "invoices", "invoice_id")["11"]
    payload = invoice(row, lines_of(export, "invoice_lines", "invoice_id", "11"), contact_id=contact_ids["4"],
                      prefix="PLAIN", **document_options(row))
    assert payload["LineItems"][-1]["Description"] == "Rounding"
    return {**payload, "LineItems": payload["LineItems"][:-1]}


def clearing_as_bank_state() -> dict:
    """The default organisation with Stripe clearing (630) as a bank account, as Pet Manager's
    setup makes it: a BankTransfer needs a bank account on both sides."""
    state = default_state()
    for account in state["organisations"][0]["Accounts"]:
        if account["Code"] == ACCOUNTS["stripe_clearing"]:
            account.update(Type="BANK", BankAccountType="BANK")
    return state


def test_the_whole_sample_business_settles_in_xero_as_it_did_in_pet_manager(sample_export):
    export = sample_export
    with xero_sandbox(clearing_as_bank_state()) as xero:
        contact_ids = put_contacts(xero, export)
        suppliers = {record["Name"]: record["ContactID"] for record in
                     xero.put("/Contacts", "Contacts", [{"Name": "Stripe"}, {"Name": "Pet Manager"}])}
        invoice_ids = {pm_id: record["InvoiceID"] for pm_id, record in put_invoices(xero, export, contact_ids).items()}

        credit_rows = rows(export, "credit_notes")
        credit_payloads = [
            credit_note(row, lines_of(export, "credit_note_lines", "credit_note_id", row["credit_note_id"]),
                        contact_id=contact_ids[row["customer_id"]], prefix="", **document_options(row))
            for row in credit_rows]
        credits = xero.put("/CreditNotes", "CreditNotes", credit_payloads, "summarizeErrors=false&unitdp=4")
        credit_ids = {row["credit_note_id"]: record["CreditNoteID"] for row, record in zip(credit_rows, credits)}
        assert [record["Total"] for record in credits] == [Decimal(row["total"]) for row in credit_rows]

        completed = [row for row in rows(export, "payments") if row["status"] == "completed"]
        xero.put("/Payments", "Payments", [
            payment(row, invoice_id=invoice_ids[row["invoice_id"]],
                    account_code=MAPPING["payment_methods"][row["method"]]) for row in completed])

        overpayment_rows = rows(export, "overpayments")
        transactions = xero.put("/BankTransactions", "BankTransactions", [
            overpayment(row, contact_id=contact_ids[row["customer_id"]],
                        account_code=MAPPING["payment_methods"][row["method"]]) for row in overpayment_rows])
        overpayment_ids = {row["overpayment_id"]: record["OverpaymentID"]
                           for row, record in zip(overpayment_rows, transactions)}

        for row in rows(export, "allocations"):
            source = f"/CreditNotes/{credit_ids[row['source_id']]}" if row["source_type"] == "credit_note" \
                else f"/Overpayments/{overpayment_ids[row['source_id']]}"
            xero.put(f"{source}/Allocations", "Allocations",
                     [allocation(row, invoice_id=invoice_ids[row["invoice_id"]])])

        sources = {"credit_note": credit_ids, "overpayment": overpayment_ids}
        xero.put("/Payments", "Payments", [
            refund(row, credit_id=sources[row["source_type"]][row["source_id"]],
                   account_code=MAPPING["payment_methods"][row["method"]]) for row in rows(export, "refunds")])

        fees = [(row, fee, supplier, ACCOUNTS[account])
                for row in completed if row["method"] == "stripe"
                for fee, supplier, account in (("stripe_fee", "Stripe", "stripe_fees"),
                                               ("platform_fee", "Pet Manager", "platform_fees"))]
        bills = xero.put("/Invoices", "Invoices", [
            stripe_fee_bill(row, fee=fee, contact_id=suppliers[supplier], account_code=account, tax_type="INPUT")
            for row, fee, supplier, account in fees])
        xero.put("/Payments", "Payments", [
            stripe_fee_payment(row, fee=fee, bill_id=bill["InvoiceID"], clearing_account=ACCOUNTS["stripe_clearing"])
            for (row, fee, _, _), bill in zip(fees, bills)])

        transfers = xero.put("/BankTransfers", "BankTransfers", [
            payout(row, clearing_account=ACCOUNTS["stripe_clearing"], bank_account=ACCOUNTS["stripe_payout_bank"])
            for row in rows(export, "stripe_payouts")], query="")

        by_number = {record["InvoiceNumber"]: record for record in xero.get("/Invoices?page=1", "Invoices")}
        statuses = {number: by_number[number]["Status"] for number in
                    ("INV10001", "INV10002", "INV10003", "INV10004", "INV10005", "INV10006", "INV10011")}
        assert statuses == {"INV10001": "PAID", "INV10002": "PAID", "INV10003": "PAID", "INV10004": "PAID",
                            "INV10005": "PAID", "INV10006": "AUTHORISED", "INV10011": "AUTHORISED"}
        assert by_number["INV10006"]["AmountDue"] == Decimal("374.00")  # its payment was voided in Pet Manager
        assert [by_number[key]["Status"] for key in ("PM-FEE-1", "PM-PFEE-1", "PM-FEE-4", "PM-PFEE-4")] == ["PAID"] * 4
        refunded = xero.get(f"/CreditNotes/{credit_ids['2']}", "CreditNotes")[0]
        assert (refunded["Status"], refunded["RemainingCredit"]) == ("PAID", Decimal("0.00"))
        prepaid = xero.get(f"/Overpayments/{overpayment_ids['1']}", "Overpayments")[0]
        assert prepaid["RemainingCredit"] == Decimal("48.00")
        assert [(t["Amount"], t["Reference"]) for t in transfers] == [
            (Decimal("97.55"), "PM-PO-1 po_1Oa9X2"), (Decimal("50.68"), "PM-PO-2 po_1Ob7K9")]
