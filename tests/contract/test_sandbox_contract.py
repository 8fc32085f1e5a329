"""The sandbox and recon's Xero client, checked together against Xero's official OpenAPI spec.

One sandbox holds the demo organisation; the client reads every entity recon snapshots (paged,
whole, by IDs, one by id, changed since) and makes every kind of write recon will make, in Xero's
documented request shapes, with a bad element in each batch (``summarizeErrors=false``); then
Xero's error answers. Every request and response goes through ``ContractCheckingTransport``: a
violation on either side fails the test, naming the operation and the field.
"""

import itertools
import uuid
from decimal import Decimal

import httpx
import pytest

from recon.demo import generate_demo
from recon.snapshot.xero import ENTITIES
from sync.sandbox import Sandbox, SandboxConfig
from sync.xero import FileTokenStore, XeroClient, XeroSettings
from sync.xero.clock import SystemClock
from sync.xero.limits import Limits, RateLimiter

from .transport import ContractCheckingTransport

PAGE_SIZE = 100  # small pages: each one is validated as it arrives (1,000 invoices take ~1 s)
DATE = "2025-06-30"  # after the demo organisation's lock dates
CALLS_PER_MINUTE = 1000  # about 100 calls here: Xero's 60 a minute would make the test wait a minute


@pytest.fixture(scope="module")
def demo_state(tmp_path_factory):
    return generate_demo(tmp_path_factory.mktemp("demo"), seed=5, size=0.2).xero_state


@pytest.fixture
def session(demo_state, tmp_path):
    """(sandbox, client, checked transport, raw accounting HTTP client) on the demo organisation."""
    checked = ContractCheckingTransport(httpx.HTTPTransport(), raise_at_once=False)
    with Sandbox.start(state=demo_state, config=SandboxConfig(minute_limit=CALLS_PER_MINUTE)) as sb:
        settings = XeroSettings(client_id=sb.client_id, client_secret=sb.client_secret, base_url=sb.base_url,
                                identity_url=sb.base_url, login_url=sb.base_url)
        limiter = RateLimiter(SystemClock(), Limits(per_minute=CALLS_PER_MINUTE))
        with XeroClient(settings, token_store=FileTokenStore(tmp_path / "tokens.json"), transport=checked,
                        limiter=limiter, lock_dir=tmp_path) as xero, _raw_http(sb, checked) as http:
            yield sb, xero, checked, http


def _raw_http(sb, transport) -> httpx.Client:
    """For what the client has no call for (one record by id, an unpaged list, deleting a payment,
    summarised writes), sent as Xero documents them, through the same checking transport."""
    token = httpx.post(f"{sb.base_url}/connect/token", auth=(sb.client_id, sb.client_secret),
                       data={"grant_type": "client_credentials"}).json()["access_token"]
    headers = {"Authorization": f"Bearer {token}", "xero-tenant-id": sb.tenant_id, "Accept": "application/json"}
    return httpx.Client(base_url=f"{sb.base_url}/api.xro/2.0", headers=headers, transport=transport)


def test_every_read_recon_makes_matches_the_spec(session):
    sb, xero, checked, http = session
    records = {}
    for entity in ENTITIES:
        records[entity.name] = list(xero.iter_records(entity.name, include_archived=entity.include_archived,
                                                      page_size=PAGE_SIZE))
        assert records[entity.name], f"the demo organisation has {entity.name}"

    unpaged = http.get("/Invoices", params={"Statuses": "AUTHORISED,PAID"})
    assert unpaged.status_code == 200 and "LineItems" not in unpaged.json()["Invoices"][0]

    contact_ids = [c["ContactID"] for c in records["Contacts"][:60]]
    assert len(xero.get_by_ids("Contacts", contact_ids)) == 60
    invoice_ids = [i["InvoiceID"] for i in records["Invoices"][:60]]
    assert len(xero.get_by_ids("Invoices", invoice_ids)) == 60

    for entity in ENTITIES[1:]:  # Organisation has no id in its path
        record_id = records[entity.name][0][entity.id_field]
        response = http.get(f"/{entity.name}/{record_id}")
        assert response.status_code == 200, (entity.name, response.text)

    checked.assert_clean()
    assert set(checked.operations) >= {
        "getOrganisations", "getAccounts", "getTaxRates", "getTrackingCategories", "getContactGroups",
        "getContacts", "getInvoices", "getCreditNotes", "getPayments", "getOverpayments", "getBankTransactions",
        "getBankTransfers", "getAccount", "getTaxRateByTaxType", "getTrackingCategory", "getContactGroup", "getContact", "getInvoice",
        "getCreditNote", "getPayment", "getOverpayment", "getBankTransaction", "getBankTransfer",
    }


def test_every_write_recon_makes_matches_the_spec(session):
    sb, xero, checked, http = session
    before_writes = sb.clock.now()
    sb.clock.advance(2)
    keys = (f"contract-write-{number}" for number in itertools.count(1))

    def write(path, elements, method="PUT"):
        return xero.write(path, elements, method=method, idempotency_key=next(keys))

    contacts = write("Contacts", [
        {"Name": "Contract Customer", "ContactNumber": "CC-1", "EmailAddress": "owner@example.com",
         "FirstName": "Ada", "LastName": "Lovelace",
         "Phones": [{"PhoneType": "MOBILE", "PhoneNumber": "0400 000 000"}],
         "Addresses": [{"AddressType": "POBOX", "AddressLine1": "1 Kennel Rd", "City": "Sydney",
                        "PostalCode": "2000", "Country": "Australia"}]},
        {"Name": "Contract Supplier"},
        {"Name": "Contract Customer"},  # a second active contact with the same name: refused
    ])
    assert [r.ok for r in contacts] == [True, True, False]
    assert contacts[2].errors
    customer = {"ContactID": contacts[0].record["ContactID"]}
    supplier = {"ContactID": contacts[1].record["ContactID"]}

    (group,) = write("ContactGroups", [{"Name": "Contract Group"}])
    assert group.ok
    (member,) = write(f"ContactGroups/{group.record['ContactGroupID']}/Contacts", [customer])
    assert member.ok

    line = {"Description": "Boarding, 2 nights", "Quantity": 2, "UnitAmount": Decimal("55.00"), "AccountCode": "201",
            "TaxType": "OUTPUT", "Tracking": [{"Name": "Locations", "Option": "Paws & Claws Dural"}]}
    invoices = write("Invoices", [
        {"Type": "ACCREC", "Contact": customer, "Date": DATE, "DueDate": "2025-07-14", "Status": "AUTHORISED",
         "LineAmountTypes": "Inclusive", "InvoiceNumber": "CT-1", "Reference": "Booking 42",
         "LineItems": [line]},
        {"Type": "ACCPAY", "Contact": supplier, "Date": DATE, "DueDate": "2025-07-30", "Status": "AUTHORISED",
         "LineAmountTypes": "Exclusive", "InvoiceNumber": "BILL-1",
         "LineItems": [{"Description": "Dog food", "Quantity": 1, "UnitAmount": Decimal("80.00"), "AccountCode": "310",
                        "TaxType": "INPUT"}]},
        {"Type": "ACCREC", "Contact": customer, "Date": DATE, "Status": "AUTHORISED", "LineItems": [line],
         "InvoiceNumber": "CT-1"},  # the number is taken: refused
    ])
    assert [r.ok for r in invoices] == [True, True, False]
    sale, bill = invoices[0].record, invoices[1].record

    (credit,) = write("CreditNotes", [
        {"Type": "ACCRECCREDIT", "Contact": customer, "Date": DATE, "Status": "AUTHORISED",
         "LineAmountTypes": "Inclusive", "Reference": "Refund, 1 night",
         "LineItems": [{**line, "Quantity": 1}]},
    ])
    assert credit.ok
    (allocation,) = write(f"CreditNotes/{credit.record['CreditNoteID']}/Allocations", [
        {"Invoice": {"InvoiceID": sale["InvoiceID"]}, "Amount": Decimal("10.00"), "Date": DATE},
    ])
    assert allocation.ok

    bank = {"Code": "090"}
    payments = write("Payments", [
        {"Invoice": {"InvoiceID": sale["InvoiceID"]}, "Account": bank, "Date": DATE, "Amount": Decimal("50.00"),
         "Reference": "EFTPOS"},
        {"Invoice": {"InvoiceID": bill["InvoiceID"]}, "Account": bank, "Date": DATE, "Amount": Decimal("88.00")},
        {"Invoice": {"InvoiceID": sale["InvoiceID"]}, "Account": bank, "Date": DATE,
         "Amount": Decimal("5000.00")},  # more than is due: refused
    ])
    assert [r.ok for r in payments] == [True, True, False]
    payment_id = payments[0].record["PaymentID"]
    # Xero deletes a payment with POST /Payments/{id} {"Status": "DELETED"} (spec: PaymentDelete)
    deleted = http.post(f"/Payments/{payment_id}", json={"Status": "DELETED"},
                        headers={"Idempotency-Key": next(keys)})
    assert deleted.status_code == 200 and deleted.json()["Payments"][0]["Status"] == "DELETED"

    (overpayment,) = write("BankTransactions", [
        {"Type": "RECEIVE-OVERPAYMENT", "Contact": customer, "BankAccount": bank, "Date": DATE,
         "LineAmountTypes": "NoTax", "Reference": "Paid twice",
         "LineItems": [{"Description": "Overpayment", "LineAmount": Decimal("40.00")}]},
    ])
    assert overpayment.ok
    overpayment_id = overpayment.record["OverpaymentID"]
    (applied,) = write(f"Overpayments/{overpayment_id}/Allocations", [
        {"Invoice": {"InvoiceID": sale["InvoiceID"]}, "Amount": Decimal("20.00"), "Date": DATE},
    ])
    assert applied.ok

    (refund,) = write("Payments", [
        {"CreditNote": {"CreditNoteID": credit.record["CreditNoteID"]}, "Account": bank, "Date": DATE,
         "Amount": Decimal("5.00"), "Reference": "Refund"},
    ])
    assert refund.ok

    (transfer,) = write("BankTransfers", [
        {"FromBankAccount": {"Code": "091"}, "ToBankAccount": bank, "Amount": Decimal("250.00"), "Date": DATE,
         "Reference": "Stripe payout"},
    ])
    assert transfer.ok

    (archived,) = write("Contacts", [{**supplier, "ContactStatus": "ARCHIVED"}], method="POST")
    assert archived.ok and archived.record["ContactStatus"] == "ARCHIVED"

    changed = {entity.name: list(xero.iter_records(entity.name, modified_since=before_writes,
                                                   include_archived=entity.include_archived))
               for entity in ENTITIES if entity.incremental}
    assert {name for name, records in changed.items() if records} == {
        "Contacts", "Invoices", "CreditNotes", "Payments", "Overpayments", "BankTransactions", "BankTransfers"}
    assert supplier["ContactID"] in {c["ContactID"] for c in changed["Contacts"]}

    checked.assert_clean()
    assert set(checked.operations) >= {
        "createContacts", "updateOrCreateContacts", "createContactGroup", "createContactGroupContacts",
        "createInvoices", "createCreditNotes", "createCreditNoteAllocation", "createPayments", "deletePayment",
        "createBankTransactions", "createOverpaymentAllocations", "createBankTransfer",
    }


def test_error_answers_match_the_spec(session):
    sb, xero, checked, http = session
    batch = {"Contacts": [{"Name": "Twice"}, {"Name": "Twice"}]}
    summarised = http.put("/Contacts", json=batch, headers={"Idempotency-Key": "contract-errors-1"})
    assert summarised.status_code == 400 and summarised.json()["Type"] == "ValidationException"
    reused_key = http.put("/Contacts", json={"Contacts": [{"Name": "Other"}]},
                          headers={"Idempotency-Key": "contract-errors-1"})
    assert reused_key.status_code == 400 and "Idempotency-Key" in reused_key.json()["Detail"]
    bad_where = http.get("/Invoices", params={"where": 'Status=="AUTHORISED" &&'})
    assert bad_where.status_code == 400 and bad_where.json()["Type"] == "QueryParseException"
    assert http.get(f"/Invoices/{uuid.uuid4()}").status_code == 404

    checked.assert_clean()
