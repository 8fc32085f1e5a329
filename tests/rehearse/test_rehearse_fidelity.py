"""sandbox_differences: where the sandbox computes a figure unlike Xero, the rehearsal says so."""

from __future__ import annotations

from decimal import Decimal

from recon.rehearse import sandbox_differences
from sync.sandbox import Sandbox
from sync.sandbox.from_snapshot import state_from_records

TAX = {"Name": "GST on Income", "TaxType": "OUTPUT", "EffectiveRate": Decimal("10.0000"), "Status": "ACTIVE"}
SALES = {"AccountID": "a-200", "Code": "200", "Name": "Sales", "Type": "REVENUE", "TaxType": "OUTPUT"}
JANE = {"ContactID": "c-1", "Name": "Jane Smith CN1", "ContactNumber": "1"}


def _invoice(invoice_id: str, number: str, total: str, discount: str | None = None) -> dict:
    line = {"Description": "Dog boarding, 2 nights", "Quantity": Decimal("2.0000"), "UnitAmount": Decimal("65.0000"),
            "AccountCode": "200", "TaxType": "OUTPUT"}
    if discount:
        line["DiscountAmount"] = Decimal(discount)  # Xero takes a discount as an amount; the sandbox does not
    return {"InvoiceID": invoice_id, "InvoiceNumber": number, "Type": "ACCREC", "Contact": {"ContactID": "c-1"},
            "Date": "/Date(1762041600000+0000)/", "Status": "AUTHORISED", "LineAmountTypes": "Inclusive",
            "LineItems": [line], "Total": Decimal(total), "AmountDue": Decimal(total), "AmountPaid": Decimal("0.00"),
            "AmountCredited": Decimal("0.00"), "Payments": [], "CreditNotes": [], "Overpayments": [],
            "Prepayments": []}


def _state():
    return state_from_records({
        "Organisation": [{"OrganisationID": "t1", "Name": "Happy Tails", "BaseCurrency": "AUD"}],
        "TaxRates": [TAX], "Accounts": [SALES], "Contacts": [JANE],
        "Invoices": [_invoice("i-1", "INV10001", "130.00"), _invoice("i-2", "INV10002", "120.00", discount="10.00")],
    }, "t1")


def test_a_figure_the_sandbox_computes_otherwise_is_listed():
    state = _state()
    loaded = Sandbox(state).state_document()
    differences = sandbox_differences(state, loaded)
    assert [(d.record_id, d.field, str(d.xero), str(d.sandbox)) for d in differences] == [
        ("i-2", "Total", "120.00", "130.00"), ("i-2", "AmountDue", "120.00", "130.00")]
    assert str(differences[0]) == "Invoices INV10002, Total: Xero has 120.00, the sandbox 130.00"


def test_a_record_the_sandbox_lost_is_listed():
    state = _state()
    loaded = Sandbox(state).state_document()
    loaded["organisations"][0]["Invoices"] = loaded["organisations"][0]["Invoices"][:1]
    lost = [d for d in sandbox_differences(state, loaded) if d.field == ""]
    assert [(d.record_id, str(d)) for d in lost] == [("i-2", "Invoices INV10002: not in the sandbox")]
