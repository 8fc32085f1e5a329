"""The sandbox state file: one believable AU organisation that obeys Xero's own rules."""

from collections import Counter, defaultdict
from decimal import Decimal

import pytest

KIND_OF_RECORD = {"contact": ("Contacts", "ContactID"), "invoice": ("Invoices", "InvoiceID"),
                  "credit_note": ("CreditNotes", "CreditNoteID"), "payment": ("Payments", "PaymentID"),
                  "overpayment": ("Overpayments", "OverpaymentID")}
RATE = {"OUTPUT": Decimal("0.1"), "INPUT": Decimal("0.1"), "EXEMPTOUTPUT": 0, "EXEMPTEXPENSES": 0, "BASEXCLUDED": 0}


def test_state_file_header(demo):
    import json

    state = json.loads(demo.xero_state.read_text(encoding="utf-8"))
    assert state["format"] == "recon-xero-sandbox/1"
    client = state["clients"][0]
    assert client["tenant_ids"] == [state["organisations"][0]["tenant_id"]]


def test_organisation(organisation):
    org = organisation["Organisation"]
    assert org["Name"] == organisation["tenant_name"] == "Paws & Claws Pet Resort"
    assert (org["CountryCode"], org["BaseCurrency"], org["Version"]) == ("AU", "AUD", "AU")
    assert org["PeriodLockDate"] < "2025-01-01"


def test_chart_tax_rates_and_tracking(organisation, truth):
    accounts = {a["Code"]: a for a in organisation["Accounts"]}
    mapping = truth["mapping"]
    for code in list(mapping["item_codes"].values()) + list(mapping["area_types"].values()):
        assert accounts[code]["Status"] == "ACTIVE"
    for code in mapping["area_types"].values():
        assert accounts[code]["Type"] == "REVENUE"
    for code in set(mapping["payment_methods"].values()) | {mapping["stripe"]["clearing_account"],
                                                             mapping["stripe"]["payout_account"]}:
        assert accounts[code]["Type"] == "BANK" and accounts[code]["EnablePaymentsToAccount"]
    assert accounts[mapping["stripe"]["fee_account"]]["Type"] == "EXPENSE"
    assert accounts[mapping["overpayments_account"]]["SystemAccount"] == "DEBTORS"
    assert accounts[mapping["rounding_account"]]["SystemAccount"] == "ROUNDING"
    tax_types = {rate["TaxType"] for rate in organisation["TaxRates"]}
    assert set(mapping["tax_codes"].values()) <= tax_types
    assert {"OUTPUT", "INPUT", "EXEMPTOUTPUT", "BASEXCLUDED"} <= tax_types
    tracking = {c["Name"]: {o["Name"] for o in c["Options"]} for c in organisation["TrackingCategories"]}
    assert tracking["Locations"] == set(mapping["tracking"]["location"]["options"].values())
    assert tracking["Area Types"] == set(mapping["tracking"]["area_type"]["options"].values())
    assert {g["Name"] for g in organisation["ContactGroups"]} >= {"Pet Manager Customers", "Pet Manager Suppliers"}


def test_xero_uniqueness_rules(organisation):
    active = [c["Name"].casefold() for c in organisation["Contacts"] if c["ContactStatus"] == "ACTIVE"]
    assert [name for name, n in Counter(active).items() if n > 1] == []
    numbers = [c["ContactNumber"] for c in organisation["Contacts"] if c["ContactNumber"]]
    assert len(numbers) == len(set(numbers))
    sales = [i["InvoiceNumber"] for i in organisation["Invoices"] if i["Type"] == "ACCREC" and i["Status"] != "DELETED"]
    assert [number for number, n in Counter(sales).items() if n > 1] == []


def test_documents_add_up_as_xero_computes_them(organisation):
    for document in organisation["Invoices"] + organisation["CreditNotes"]:
        inclusive = document["LineAmountTypes"] == "Inclusive"
        line_sum = sum(line["LineAmount"] for line in document["LineItems"])
        tax = sum(line["TaxAmount"] for line in document["LineItems"])
        assert document["TotalTax"] == tax
        assert document["Total"] == document["SubTotal"] + document["TotalTax"]
        assert document["Total"] == (line_sum if inclusive else line_sum + tax)
        for line in document["LineItems"]:
            rate = RATE[line["TaxType"]]
            expected = line["LineAmount"] * rate / (1 + rate) if inclusive else line["LineAmount"] * rate
            assert abs(line["TaxAmount"] - expected) <= Decimal("0.005")


def test_payments_allocations_and_amounts_due(organisation):
    invoices = {i["InvoiceID"]: i for i in organisation["Invoices"]}
    paid = defaultdict(Decimal)
    for payment in organisation["Payments"]:
        assert payment["Account"]["Code"] in {"090", "091", "092", "093"}
        if payment["Status"] == "AUTHORISED" and "Invoice" in payment:
            paid[payment["Invoice"]["InvoiceID"]] += payment["Amount"]
    for invoice in invoices.values():
        assert invoice["AmountDue"] >= 0
        assert invoice["AmountPaid"] == paid[invoice["InvoiceID"]]
        if invoice["Status"] == "PAID":
            assert invoice["AmountDue"] == 0
    for credit in organisation["CreditNotes"] + organisation["Overpayments"]:
        assert credit["RemainingCredit"] >= 0
        for allocation in credit["Allocations"]:
            assert allocation["Invoice"]["InvoiceID"] in invoices
    receive = [t for t in organisation["BankTransactions"] if t["Type"] == "RECEIVE-OVERPAYMENT"]
    assert {t["OverpaymentID"] for t in receive} == {o["OverpaymentID"] for o in organisation["Overpayments"]}


def test_a_believable_past(organisation):
    bills = [i for i in organisation["Invoices"] if i["Type"] == "ACCPAY"]
    suppliers = {b["Contact"]["Name"] for b in bills}
    assert {"Hills Property Trust", "PetFood Wholesale Australia Pty Ltd", "Endeavour Energy", "Stripe",
            "Pet Manager", "Stripe Payments Australia Pty Ltd"} <= suppliers
    kinds = Counter(t["Type"] for t in organisation["BankTransactions"])
    assert kinds["RECEIVE"] and kinds["SPEND"] and kinds["RECEIVE-OVERPAYMENT"]
    assert organisation["BankTransfers"]
    assert {i["Status"] for i in organisation["Invoices"]} >= {"PAID", "AUTHORISED", "VOIDED", "DELETED"}


@pytest.mark.parametrize("section", ["duplicates", "not_duplicates", "linked"])
def test_every_truth_xero_id_exists_with_the_right_type(organisation, truth, section):
    ids = {kind: {record[key] for record in organisation[entity]} for kind, (entity, key) in KIND_OF_RECORD.items()}
    sales = {i["InvoiceID"] for i in organisation["Invoices"] if i["Type"] == "ACCREC"}
    for entry in truth[section]:
        assert entry["xero_id"] in ids[entry["kind"]], entry
        if entry["kind"] == "invoice":
            assert entry["xero_id"] in sales


def test_linked_records_carry_petmanager_keys_and_land_the_exact_total(organisation, truth, export):
    contacts = {c["ContactID"]: c for c in organisation["Contacts"]}
    invoices = {i["InvoiceID"]: i for i in organisation["Invoices"]}
    pm_invoices = {int(row["invoice_id"]): row for row in export["invoices"]}
    for link in truth["linked"]:
        if link["kind"] == "contact":
            contact = contacts[link["xero_id"]]
            assert contact["ContactNumber"] == str(link["petmanager_id"])
            assert contact["Name"].endswith(f" CN{link['petmanager_id']}")
            assert contact["ContactGroups"][0]["Name"] == "Pet Manager Customers"
        elif link["kind"] == "invoice":
            invoice, row = invoices[link["xero_id"]], pm_invoices[link["petmanager_id"]]
            assert invoice["InvoiceNumber"] == "INV" + row["invoice_number"]
            assert invoice["Total"] == Decimal(row["total"])
            assert row["invoice_date"] >= truth["start_date"]
