"""Tests of the contract harness itself.

Valid traffic in Xero's documented shapes (the spec's own examples, and requests written the way
recon sends them) must pass; broken traffic must fail with a message that names the field.
"""

import asyncio
import copy
import gzip
import json
import re
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from openapi_spec_validator import OpenAPIV30SpecValidator

from . import xero_spec
from .transport import AsyncContractCheckingTransport, ContractCheckingTransport
from .xero_spec import ContractViolation, validate_request, validate_response

XERO = "https://api.xero.com/api.xro/2.0"
SANDBOX = "http://127.0.0.1:8123/api.xro/2.0"
CONTACT_ID = "a3675fc4-f8dd-4f03-ba5b-f1870566bcd7"
INVOICE_ID = "d4956132-ed94-4dd7-9eaa-aa22dfdf06f2"
TENANT_ID = "70784a63-d24b-46a9-a4db-0e70a274b056"
READ = {"xero-tenant-id": TENANT_ID, "Authorization": "Bearer token-1", "Accept": "application/json"}
WRITE = {**READ, "Content-Type": "application/json", "Idempotency-Key": "recon-7f3a-0001"}
JSON = {"Content-Type": "application/json; charset=utf-8"}


def body(document) -> bytes:
    return json.dumps(document).encode()


def violation(check, *args, **kwargs) -> ContractViolation:
    with pytest.raises(ContractViolation) as caught:
        check(*args, **kwargs)
    return caught.value


def assert_fault(error: ContractViolation, where: str, message: str) -> None:
    """One of the faults is at ``where`` and its message contains ``message``."""
    assert any(f.where == where and message in f.message for f in error.faults), str(error)
    assert where in str(error) and message in str(error)


# --- the spec: where it is, how it loads -------------------------------------------------------


def test_spec_is_found_beside_the_repo_or_through_recon_shared(monkeypatch, tmp_path):
    monkeypatch.delenv("RECON_SHARED", raising=False)
    beside = xero_spec.spec_path()
    assert beside == xero_spec.REPO_ROOT.parent / "shared" / "xero-openapi" / "xero_accounting.yaml"

    (tmp_path / "xero-openapi").mkdir()
    (tmp_path / "xero-openapi" / "xero_accounting.yaml").write_bytes(beside.read_bytes())
    monkeypatch.setenv("RECON_SHARED", str(tmp_path))
    assert xero_spec.spec_path() == tmp_path / "xero-openapi" / "xero_accounting.yaml"

    monkeypatch.setenv("RECON_SHARED", str(tmp_path / "nowhere"))
    with pytest.raises(FileNotFoundError, match="RECON_SHARED"):
        xero_spec.spec_path()


def test_spec_loads_once_per_process_and_is_cached_as_json_by_file_hash(tmp_path):
    first = xero_spec.load_spec()
    assert xero_spec.load_spec() is first
    assert first["info"]["version"] == "16.1.0"
    assert xero_spec.load_seconds() < 5  # ~0.1 s from the JSON cache, ~0.7 s from YAML

    copy_of_spec = tmp_path / "xero_accounting.yaml"
    copy_of_spec.write_bytes(xero_spec.spec_path().read_bytes())
    assert xero_spec.load_raw_spec(copy_of_spec) == xero_spec.load_raw_spec()
    assert list(Path(xero_spec.tempfile.gettempdir()).glob("recon-xero-openapi-*.json"))


def test_yaml_dates_stay_strings_as_in_json():
    example = spec_example("getInvoices", "200")
    assert example["Invoices"][0]["DateString"] == "2018-10-20T00:00:00"
    json.dumps(xero_spec.load_raw_spec())  # no datetime objects anywhere


def test_spec_as_published_has_string_boolean_defaults_and_the_normalised_one_is_valid():
    def string_boolean_defaults(spec):
        return sum(
            node.get("type") == "boolean" and isinstance(node.get("default"), str)
            for node in xero_spec._walk(spec)
        )

    # These 23 are the only errors openapi-spec-validator finds in the published spec (~3 s to show).
    assert string_boolean_defaults(xero_spec.load_raw_spec()) == 23
    assert string_boolean_defaults(xero_spec.load_spec()) == 0
    assert list(OpenAPIV30SpecValidator(xero_spec.load_spec()).iter_errors()) == []


# --- the spec's own examples ------------------------------------------------------------------

# Examples in the spec that break the spec's own schemas (spec version 16.1.0). The schema wins.
READ_ONLY_SENT = "example sends read-only fields"
MISSPELT = "example has a field the schema does not declare"
WRONG_TYPE = "example value has the wrong type"
STRING_MONEY = "nested BatchPayment sends TotalAmount/IsReconciled as strings"
BAD_ALLOCATION = "example Allocation has Invoice as a list, AllocationId, no Amount"
KNOWN_BAD_EXAMPLES = {
    ("updateAccount", "request"): READ_ONLY_SENT,
    ("getBankTransactions", "200"): STRING_MONEY,
    ("createBankTransactions", "request"): MISSPELT + " (bankTransactions)",
    ("updateOrCreateBankTransactions", "request"): MISSPELT + " (Lineitems)",
    ("getBankTransaction", "200"): STRING_MONEY,
    ("updateBankTransaction", "request"): READ_ONLY_SENT,
    ("createBankTransfer", "request"): READ_ONLY_SENT,
    ("getBudgets", "200"): MISSPELT + " (Budget.Status)",
    ("getBudget", "200"): WRONG_TYPE + " (Budgets is an object)",
    ("getContacts", "200"): MISSPELT + " (TaxNumbeType)",
    ("createContacts", "request"): READ_ONLY_SENT,
    ("getContactCISSettings", "200"): MISSPELT + " (CISSetting)",
    ("updateCreditNote", "request"): READ_ONLY_SENT + " (SentToContact)",
    ("deleteCreditNoteAllocations", "200"): BAD_ALLOCATION,
    ("createExpenseClaims", "request"): MISSPELT + " (Lineitems)",
    ("createExpenseClaims", "200"): WRONG_TYPE + " (ReceiptNumber)",
    ("getExpenseClaim", "200"): WRONG_TYPE + " (ReceiptNumber)",
    ("updateExpenseClaim", "request"): MISSPELT + " (Lineitems)",
    ("updateExpenseClaim", "200"): WRONG_TYPE + " (ReceiptNumber)",
    ("createLinkedTransaction", "request"): MISSPELT + " (a LinkedTransactions wrapper)",
    ("getOrganisationCISSettings", "200"): MISSPELT + " (CISEnambed)",
    ("deleteOverpaymentAllocations", "200"): BAD_ALLOCATION,
    ("getPayments", "200"): STRING_MONEY,
    ("createPayment", "request"): MISSPELT + " (a Payments wrapper; POST /Payments takes one Payment)",
    ("getPayment", "200"): STRING_MONEY,
    ("deletePayment", "request"): MISSPELT + " (a Payments wrapper; the schema is {Status: DELETED})",
    ("deletePrepaymentAllocations", "200"): BAD_ALLOCATION,
    ("createPrepaymentHistory", "400"): WRONG_TYPE + " (the body is a JSON string)",
    ("getPurchaseOrders", "200"): MISSPELT,
    ("createPurchaseOrders", "200"): MISSPELT + ", and nulls",
    ("updateOrCreatePurchaseOrders", "200"): MISSPELT + ", and nulls",
    ("getPurchaseOrder", "200"): MISSPELT + ", and nulls",
    ("updatePurchaseOrder", "200"): MISSPELT + ", and nulls",
    ("getPurchaseOrderByNumber", "200"): MISSPELT + ", and nulls",
    ("createQuotes", "200"): MISSPELT + " (SummarizeErrors)",
    ("updateOrCreateQuotes", "200"): MISSPELT + " (SummarizeErrors)",
    ("getQuote", "200"): MISSPELT + " (SummarizeErrors)",
    ("updateQuote", "200"): MISSPELT + " (SummarizeErrors)",
    ("getReceipts", "200"): WRONG_TYPE + " (ReceiptNumber)",
    ("createReceipt", "request"): MISSPELT + " (Lineitems)",
    ("createReceipt", "200"): WRONG_TYPE + " (ReceiptNumber)",
    ("getReceipt", "200"): WRONG_TYPE + " (ReceiptNumber)",
    ("updateReceipt", "request"): MISSPELT + " (Lineitems)",
    ("updateReceipt", "200"): WRONG_TYPE + " (ReceiptNumber)",
    ("createRepeatingInvoices", "request"): READ_ONLY_SENT + " (DiscountEnteredAsPercent)",
    ("updateOrCreateRepeatingInvoices", "request"): READ_ONLY_SENT + " (DiscountEnteredAsPercent)",
    ("updateRepeatingInvoice", "request"): MISSPELT + " (fields outside the RepeatingInvoices wrapper)",
    ("getReportTenNinetyNine", "200"): MISSPELT + " (Fields)",
    ("postSetup", "request"): READ_ONLY_SENT + " (SystemAccount)",
    ("createTrackingCategory", "request"): MISSPELT + " (name)",
    ("createTrackingOptions", "request"): MISSPELT + " (name)",
    ("createTrackingOptions", "200"): MISSPELT + " (IsActive, IsArchived, IsDeleted)",
    ("updateTrackingOptions", "request"): MISSPELT + " (name)",
    ("updateTrackingOptions", "200"): MISSPELT + " (IsActive, IsArchived, IsDeleted)",
    ("deleteTrackingOptions", "200"): MISSPELT + " (IsActive, IsArchived, IsDeleted)",
}


def deref(node: dict) -> dict:
    spec = xero_spec.load_raw_spec()
    while "$ref" in node:
        target = spec
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def spec_operations():
    """(operationId, method, template, path_item, operation) for every operation in the spec."""
    for template, path_item in xero_spec.load_raw_spec()["paths"].items():
        for method in xero_spec.HTTP_METHODS:
            if method in path_item:
                operation = path_item[method]
                yield operation["operationId"], method, template, path_item, operation


def example_url(base: str, template: str, path_item: dict, operation: dict) -> str:
    """A URL for the template: a GUID for uuid parameters, 1 for numbers, text otherwise."""
    values = {}
    for parameter in xero_spec._parameters(xero_spec.load_raw_spec(), path_item, operation):
        if parameter["in"] == "path":
            schema = parameter.get("schema", {})
            if schema.get("format") == "uuid":
                values[parameter["name"]] = "00000000-0000-0000-0000-000000000000"
            elif schema.get("type") in ("integer", "number"):
                values[parameter["name"]] = "1"
            else:
                values[parameter["name"]] = "ABC-1"
    return base + re.sub(r"\{([^}]+)\}", lambda m: quote(values.get(m.group(1), "ABC-1")), template)


def spec_examples():
    for operation_id, method, template, path_item, operation in spec_operations():
        if "requestBody" in operation:
            content = deref(operation["requestBody"])["content"].get("application/json", {})
            if "example" in content:
                yield pytest.param(operation_id, method, template, "request", content["example"],
                                   id=f"{operation_id}-request")
        for code, response in operation["responses"].items():
            content = deref(response).get("content", {}).get("application/json", {})
            if "example" in content:
                yield pytest.param(operation_id, method, template, code, content["example"],
                                   id=f"{operation_id}-{code}")


def spec_example(operation_id: str, side: str = "200") -> dict:
    for param in spec_examples():
        if param.values[0] == operation_id and param.values[3] == side:
            return copy.deepcopy(param.values[4])
    raise LookupError(f"no {side} example for {operation_id}")


@pytest.mark.parametrize("operation_id, method, template, side, example", list(spec_examples()))
def test_spec_examples(operation_id, method, template, side, example):
    path_item = xero_spec.load_raw_spec()["paths"][template]
    url = example_url(SANDBOX, template, path_item, path_item[method])
    if side == "request":
        check = lambda: validate_request(method, url, WRITE, body(example))  # noqa: E731
    else:
        check = lambda: validate_response(method, url, int(side), JSON, body(example))  # noqa: E731

    if (operation_id, side) in KNOWN_BAD_EXAMPLES:
        with pytest.raises(ContractViolation):
            check()
    else:
        assert check() == operation_id


def test_known_bad_examples_exist_and_are_a_minority():
    examples = {(param.values[0], param.values[3]) for param in spec_examples()}
    assert len(examples) == 289
    assert set(KNOWN_BAD_EXAMPLES) <= examples
    assert len(KNOWN_BAD_EXAMPLES) == 55


# --- requests recon sends ---------------------------------------------------------------------


def an_invoice() -> dict:
    return {
        "Type": "ACCREC",
        "Contact": {"ContactID": CONTACT_ID},
        "Date": "2024-03-05",
        "DueDate": "2024-03-19",
        "LineAmountTypes": "Exclusive",
        "InvoiceNumber": "PM-1001",
        "Reference": "Pet Manager invoice 1001",
        "CurrencyCode": "NZD",
        "Status": "AUTHORISED",
        "LineItems": [
            {"Description": "Vaccination", "Quantity": 1, "UnitAmount": 85.50, "AccountCode": "200",
             "TaxType": "OUTPUT2"},
            {"Description": "Worming tablets", "Quantity": 2.5, "UnitAmount": 12, "AccountCode": "200",
             "TaxType": "OUTPUT2", "Tracking": [{"Name": "Location", "Option": "Te Aro"}]},
        ],
    }


def put_invoices(*invoices, query="?summarizeErrors=false", headers=WRITE):
    return validate_request("PUT", f"{SANDBOX}/Invoices{query}", headers, body({"Invoices": list(invoices)}))


def test_a_batch_of_invoices_as_recon_sends_it_passes():
    second = an_invoice()
    second["Date"] = "/Date(1709596800000+0000)/"
    second["DueDate"] = "2024-03-19T00:00:00"
    assert put_invoices(an_invoice(), second) == "createInvoices"
    assert validate_request("POST", f"{XERO}/Invoices?summarizeErrors=false", WRITE,
                            body({"Invoices": [an_invoice()]})) == "updateOrCreateInvoices"


def _set(document: dict, path: str, value) -> dict:
    *parents, last = path.split(".")
    node = document
    for part in parents:
        node = node[int(part)] if part.isdigit() else node[part]
    if value is DELETE:
        del node[last]
    else:
        node[last] = value
    return document


DELETE = object()


@pytest.mark.parametrize(
    "field, value, where, message",
    [
        ("Status", "PAYED", "body $.Invoices[0].Status", "'PAYED' is not one of ['DRAFT'"),
        ("Type", "ACCRECCREDITS", "body $.Invoices[0].Type", "is not one of"),
        ("LineAmountTypes", "EXCLUSIVE", "body $.Invoices[0].LineAmountTypes", "is not one of"),
        ("LineItems", {"Description": "x"}, "body $.Invoices[0].LineItems", "is not of type 'array'"),
        ("LineItems.0.Quantity", "one", "body $.Invoices[0].LineItems[0].Quantity", "is not of type 'number'"),
        ("LineItems.1.UnitAmount", "12.00", "body $.Invoices[0].LineItems[1].UnitAmount",
         "'12.00' is not of type 'number'"),
        ("Lineitems", [], "body $.Invoices[0]", "'Lineitems' was unexpected"),
        ("Total", 97.5, "body $.Invoices[0].Total", "read-only"),
        ("Reference", None, "body $.Invoices[0].Reference", "None"),
        ("Date", "05/03/2024", "body $.Invoices[0].Date", "is not a 'xero-msdate'"),
        ("Date", "2024-02-30", "body $.Invoices[0].Date", "is not a 'xero-msdate'"),
        ("Contact.ContactID", "42", "body $.Invoices[0].Contact.ContactID", "is not a 'uuid'"),
        ("CurrencyCode", "XYZ", "body $.Invoices[0].CurrencyCode", "is not one of"),
        ("InvoiceNumber", "x" * 256, "body $.Invoices[0].InvoiceNumber", "is too long"),
    ],
)
def test_a_broken_invoice_names_the_field(field, value, where, message):
    error = violation(put_invoices, _set(an_invoice(), field, value))
    assert error.operation == "createInvoices (PUT /Invoices)"
    assert_fault(error, where, message)


def test_every_fault_is_reported_at_once():
    invoice = _set(_set(an_invoice(), "Status", "PAYED"), "LineItems.1.Quantity", "two")
    error = violation(put_invoices, an_invoice(), invoice)
    assert {f.where for f in error.faults} == {"body $.Invoices[1].Status", "body $.Invoices[1].LineItems[1].Quantity"}


def test_missing_required_fields_are_named():
    no_lines = {"BankTransactions": [{"Type": "RECEIVE", "Contact": {"ContactID": CONTACT_ID},
                                      "BankAccount": {"Code": "090"}}]}
    error = violation(validate_request, "PUT", f"{SANDBOX}/BankTransactions", WRITE, body(no_lines))
    assert_fault(error, "body $.BankTransactions[0]", "'LineItems' is a required property")

    no_amount = {"Allocations": [{"Invoice": {"InvoiceID": INVOICE_ID}, "Date": "2024-03-05"}]}
    error = violation(validate_request, "PUT", f"{SANDBOX}/CreditNotes/{INVOICE_ID}/Allocations", WRITE,
                      body(no_amount))
    assert_fault(error, "body $.Allocations[0]", "'Amount' is a required property")

    error = violation(validate_request, "POST", f"{SANDBOX}/Payments/{INVOICE_ID}", WRITE, body({}))
    assert_fault(error, "body $", "'Status' is a required property")


def test_payments_contacts_and_allocations_as_recon_sends_them_pass():
    payments = {"Payments": [{"Invoice": {"InvoiceID": INVOICE_ID}, "Account": {"Code": "090"},
                              "Date": "2024-03-06", "Amount": 97.5, "Reference": "PM payment 55"}]}
    assert validate_request("PUT", f"{SANDBOX}/Payments?summarizeErrors=false", WRITE, body(payments)) == "createPayments"
    assert validate_request("POST", f"{SANDBOX}/Payments/{INVOICE_ID}", WRITE,
                            body({"Status": "DELETED"})) == "deletePayment"
    contacts = {"Contacts": [{"Name": "Barney Rubble", "ContactNumber": "PM-C-17", "EmailAddress": "b@example.com",
                              "Phones": [{"PhoneType": "MOBILE", "PhoneNumber": "021 555 0101"}],
                              "Addresses": [{"AddressType": "POBOX", "City": "Wellington"}]}]}
    assert validate_request("POST", f"{SANDBOX}/Contacts?summarizeErrors=false", WRITE, body(contacts)) == \
        "updateOrCreateContacts"
    allocation = {"Allocations": [{"Invoice": {"InvoiceID": INVOICE_ID}, "Amount": 10, "Date": "2024-03-05"}]}
    assert validate_request("PUT", f"{SANDBOX}/Overpayments/{INVOICE_ID}/Allocations", WRITE, body(allocation)) == \
        "createOverpaymentAllocations"


def test_a_bare_element_is_flagged():
    error = violation(validate_request, "PUT", f"{SANDBOX}/Invoices", WRITE, body(an_invoice()))
    assert error.faults[0] == ("body $", 'the spec wants {"Invoices": [...]}; this looks like a bare element')


def test_a_batch_sent_to_post_payments_is_flagged():
    payments = {"Payments": [{"Invoice": {"InvoiceID": INVOICE_ID}, "Amount": 1}]}
    error = violation(validate_request, "POST", f"{SANDBOX}/Payments", WRITE, body(payments))
    assert_fault(error, "body $", "'Payments' was unexpected")


# --- query parameters and headers -------------------------------------------------------------


def test_reads_with_every_parameter_recon_uses_pass():
    ids = ",".join([INVOICE_ID, CONTACT_ID])
    where = quote('Type=="ACCREC" AND Date>=DateTime(2024, 03, 01)')
    url = (f"{SANDBOX}/Invoices?page=2&pageSize=1000&where={where}&order=UpdatedDateUTC%20ASC&IDs={ids}"
           f"&InvoiceNumbers=PM-1,PM-2&Statuses=AUTHORISED,PAID&includeArchived=true&summaryOnly=false")
    for since in ("2024-03-01T00:00:00", "2024-03-01T00:00:00Z", "2024-03-01T13:00:00+13:00"):
        assert validate_request("GET", url, {**READ, "If-Modified-Since": since}, None) == "getInvoices"
    assert validate_request("GET", f"{SANDBOX}/Contacts?page=1&pageSize=100&includeArchived=true", READ, b"") == \
        "getContacts"


@pytest.mark.parametrize(
    "query, headers, where, message",
    [
        ("", {"xero-tenant-id": None}, "header 'xero-tenant-id'", "Missing required header"),
        ("", {"Authorization": None}, "header 'Authorization'", "Bearer"),
        ("", {"Authorization": "Basic abc"}, "header 'Authorization'", "Bearer"),
        ("", {"Accept": None}, "header 'Accept'", "application/json"),
        ("", {"Accept": "application/xml"}, "header 'Accept'", "XML"),
        ("?page=abc", {}, "query 'page'", "Failed to cast value to integer type: abc"),
        ("?page=0", {}, "query 'page'", "less than the minimum"),
        ("?pageSize=5000", {}, "query 'pageSize'", "greater than the maximum of 1000"),
        ("?pagesize=100", {}, "query 'pagesize'", "not a parameter of getInvoices"),
        ("?IDs=1,2", {}, "query 'IDs' $[0]", "'1' is not a 'uuid'"),
        ("?includeArchived=yes", {}, "query 'includeArchived'", "'yes' is not 'true' or 'false'"),
        ("?includeArchived=True", {}, "query 'includeArchived'", "'True' is not 'true' or 'false'"),
        ("", {"If-Modified-Since": "yesterday"}, "header 'If-Modified-Since'", "is not a 'date-time'"),
        ("", {"If-Modified-Since": "Wed, 21 Oct 2015 07:28:00 GMT"}, "header 'If-Modified-Since'",
         "is not a 'date-time'"),
    ],
)
def test_broken_read_parameters_are_named(query, headers, where, message):
    merged = {**READ, **headers}
    merged = {name: value for name, value in merged.items() if value is not None}
    error = violation(validate_request, "GET", f"{SANDBOX}/Invoices{query}", merged, None)
    assert_fault(error, where, message)


def test_write_parameters_are_checked():
    error = violation(put_invoices, an_invoice(), query="?summarizeErrors=maybe")
    assert_fault(error, "query 'summarizeErrors'", "Failed to cast value to boolean type: maybe")
    error = violation(put_invoices, an_invoice(), headers={**WRITE, "Idempotency-Key": "k" * 129})
    assert_fault(error, "header 'Idempotency-Key'", "is too long")
    error = violation(validate_request, "PUT", f"{SANDBOX}/Invoices", WRITE, None)
    assert_fault(error, "body", "Missing required request body")


# --- which operation a URL is -----------------------------------------------------------------


@pytest.mark.parametrize(
    "method, url, operation_id",
    [
        ("GET", f"{XERO}/Invoices", "getInvoices"),
        ("GET", f"{SANDBOX}/Invoices", "getInvoices"),
        ("GET", f"http://localhost:9/prefix{'/api.xro/2.0'}/Invoices", "getInvoices"),
        ("GET", f"{SANDBOX}/Contacts/{CONTACT_ID}", "getContact"),
        ("GET", f"{SANDBOX}/Contacts/PM-C-17", "getContactByContactNumber"),
        ("POST", f"{SANDBOX}/Contacts/{CONTACT_ID}", "updateContact"),
        ("GET", f"{SANDBOX}/Journals/12", "getJournalByNumber"),
        ("GET", f"{SANDBOX}/Journals/{CONTACT_ID}", "getJournal"),
        ("GET", f"{SANDBOX}/Reports/BalanceSheet", "getReportBalanceSheet"),
        ("GET", f"{SANDBOX}/Organisation", "getOrganisations"),
    ],
)
def test_urls_map_to_operations_by_path_only(method, url, operation_id):
    headers = {**READ, "Content-Type": "application/json"}
    document = body({"Contacts": [{"Name": "x"}]}) if method == "POST" else None
    assert validate_request(method, url, headers, document) == operation_id


@pytest.mark.parametrize(
    "method, url",
    [
        ("POST", "https://identity.xero.com/connect/token"),
        ("POST", "http://127.0.0.1:8123/identity/connect/token"),
        ("POST", "https://identity.xero.com/connect/revocation"),
        ("GET", "https://login.xero.com/identity/connect/authorize?response_type=code"),
        ("GET", "https://api.xero.com/connections"),
        ("DELETE", f"http://127.0.0.1:8123/connections/{TENANT_ID}"),
    ],
)
def test_identity_endpoints_are_not_in_this_spec_and_are_skipped(method, url):
    assert validate_request(method, url, {}, b"grant_type=client_credentials") is None
    assert validate_response(method, url, 200, JSON, b'{"access_token": "x"}') is None


def test_unknown_paths_and_methods_fail():
    assert_fault(violation(validate_request, "GET", f"{SANDBOX}/Invoicez", READ, None), "url", "no path")
    assert_fault(violation(validate_request, "PATCH", f"{SANDBOX}/Invoices", READ, None), "method", "GET")
    assert_fault(violation(validate_request, "GET", "http://127.0.0.1:8123/Invoices", READ, None), "url",
                 "/api.xro/2.0")


# --- responses --------------------------------------------------------------------------------


def an_invoice_page() -> dict:
    invoice = spec_example("getInvoices")["Invoices"][1]
    return {
        "Id": "900c500b-e83c-4ce2-902a-b8ba04751748", "Status": "OK", "ProviderName": "recon sandbox",
        "DateTimeUTC": "/Date(1709600000000)/",
        "pagination": {"page": 1, "pageSize": 100, "pageCount": 1, "itemCount": 1},
        "Invoices": [invoice],
    }


def get_invoices(document, status=200, headers=JSON, **kwargs):
    return validate_response("GET", f"{SANDBOX}/Invoices?page=1", status, headers, body(document), **kwargs)


def test_a_page_of_invoices_passes():
    assert get_invoices(an_invoice_page()) == "getInvoices"


@pytest.mark.parametrize(
    "field, value, where, message",
    [
        ("Date", "2018-10-20", "body $.Invoices[0].Date", "/Date(1573755038314+0000)/"),
        ("UpdatedDateUTC", "2018-11-02T16:36:32Z", "body $.Invoices[0].UpdatedDateUTC", "xero-msdate-time"),
        ("Status", "PAYED", "body $.Invoices[0].Status", "is not one of"),
        ("AmountDue", "0.00", "body $.Invoices[0].AmountDue", "is not of type 'number'"),
        ("InvoiceNumer", "INV-2", "body $.Invoices[0]", "'InvoiceNumer' was unexpected"),
        ("Reference", None, "body $.Invoices[0].Reference", "None"),
        ("Payments.0.Amount", "46.00", "body $.Invoices[0].Payments[0].Amount", "is not of type 'number'"),
        ("LineItems", {}, "body $.Invoices[0].LineItems", "is not of type 'array'"),
    ],
)
def test_a_broken_invoice_page_names_the_field(field, value, where, message):
    page = an_invoice_page()
    _set(page["Invoices"][0], field, value)
    error = violation(get_invoices, page)
    assert error.operation == "getInvoices (GET /Invoices)"
    assert_fault(error, where, message)


def test_unknown_response_fields_pass_when_strict_fields_is_off():
    page = an_invoice_page()
    page["Invoices"][0]["InvoiceNumer"] = "INV-2"
    assert get_invoices(page, strict_fields=False) == "getInvoices"
    page["Invoices"][0]["Status"] = "PAYED"
    violation(get_invoices, page, strict_fields=False)


def test_per_element_results_of_a_batch_write_pass():
    results = {
        "Id": "8f4b4e6c-3f1a-4a55-9f54-0a7e4b1f2c11", "Status": "OK", "ProviderName": "recon sandbox",
        "DateTimeUTC": "/Date(1709600000000)/",
        "Invoices": [
            {**an_invoice_page()["Invoices"][0], "StatusAttributeString": "OK"},
            {"Type": "ACCREC", "InvoiceNumber": "PM-1001", "Status": "AUTHORISED", "HasErrors": True,
             "StatusAttributeString": "ERROR", "Date": "/Date(1709596800000+0000)/", "DateString": "2024-03-05T00:00:00",
             "ValidationErrors": [{"Message": "Invoice # must be unique."}],
             "LineItems": [{"Description": "Vaccination", "UnitAmount": 85.5, "ValidationErrors": []}]},
        ],
    }
    url = f"{SANDBOX}/Invoices?summarizeErrors=false"
    assert validate_response("PUT", url, 200, JSON, body(results)) == "createInvoices"


VALIDATION_EXCEPTION = {
    "ErrorNumber": 10,
    "Type": "ValidationException",
    "Message": "A validation exception occurred",
    "Elements": [
        {"Type": "ACCREC", "InvoiceNumber": "PM-1001", "Contact": {"ContactID": CONTACT_ID},
         "LineItems": [{"Description": "Vaccination", "UnitAmount": 85.5}],
         "ValidationErrors": [{"Message": "Invoice # must be unique."}]},
    ],
}


def test_a_validation_exception_passes_and_a_broken_one_fails():
    url = f"{SANDBOX}/Invoices"
    assert validate_response("PUT", url, 400, JSON, body(VALIDATION_EXCEPTION)) == "createInvoices"
    # Declared by the harness for operations whose 400 the spec leaves out:
    assert validate_response("GET", f"{SANDBOX}/Organisation", 400, JSON, body(VALIDATION_EXCEPTION))

    broken = {**VALIDATION_EXCEPTION, "Elements": VALIDATION_EXCEPTION["Elements"][0]}
    assert_fault(violation(validate_response, "PUT", url, 400, JSON, body(broken)), "body $.Elements",
                 "is not of type 'array'")
    broken = {**VALIDATION_EXCEPTION, "ErrorNumber": "10"}
    assert_fault(violation(validate_response, "PUT", url, 400, JSON, body(broken)), "body $.ErrorNumber",
                 "is not of type 'integer'")


def test_a_gateway_problem_400_passes_and_a_broken_one_fails():
    problem = {"Type": None, "Title": "Bad Request", "Status": 400,
               "Detail": "The Idempotency-Key has already been used with a different request",
               "Instance": "0f8fad5b-d9cb-469f-a165-70867728950e", "Extensions": {}}
    assert validate_response("PUT", f"{SANDBOX}/Invoices", 400, JSON, body(problem)) == "createInvoices"
    error = violation(validate_response, "PUT", f"{SANDBOX}/Invoices", 400, JSON,
                      body({**problem, "Status": 409, "Detial": "x"}))
    assert_fault(error, "body $.Detial", "not a field")
    assert_fault(error, "body $.Status", "should be 400")


def test_documented_error_statuses_outside_the_spec():
    url = f"{SANDBOX}/Invoices/{INVOICE_ID}"
    text = {"Content-Type": "text/plain"}
    assert validate_response("GET", url, 404, text, b"The resource you're looking for cannot be found")
    assert validate_response("GET", url, 503, text, b"Service Unavailable")
    assert validate_response("GET", url, 502, text, b"Bad Gateway")
    assert validate_response("GET", url, 401, JSON, body({"Title": "Unauthorized", "Status": 401}))
    limited = {**text, "Retry-After": "12", "X-Rate-Limit-Problem": "minute", "X-MinLimit-Remaining": "0"}
    assert validate_response("GET", url, 429, limited, b"")

    error = violation(validate_response, "GET", url, 429, text, b"")
    assert_fault(error, "header 'Retry-After'", "429")
    assert_fault(error, "header 'X-Rate-Limit-Problem'", "429")
    error = violation(validate_response, "GET", url, 429, {**limited, "Retry-After": "soon"}, b"")
    assert_fault(error, "header 'Retry-After'", "not a non-negative integer")
    error = violation(validate_response, "GET", url, 200, {**JSON, "X-DayLimit-Remaining": "lots"},
                      body({"Invoices": []}))
    assert_fault(error, "header 'X-DayLimit-Remaining'", "not a non-negative integer")
    assert_fault(violation(validate_response, "GET", url, 418, text, b""), "status", "418")
    assert_fault(violation(validate_response, "GET", url, 406, text, b""), "status", "406")


def test_json_must_be_sent_as_json():
    error = violation(validate_response, "GET", f"{SANDBOX}/Invoices", 200, {"Content-Type": "text/xml"},
                      b"<Response/>")
    assert error.faults[0].where == "body"
    error = violation(validate_response, "GET", f"{SANDBOX}/Invoices", 200, JSON, b"")
    assert_fault(error, "body", "Missing response data")


def test_no_content_and_pdf_responses():
    url = f"{SANDBOX}/ContactGroups/{CONTACT_ID}/Contacts/{INVOICE_ID}"
    assert validate_response("DELETE", url, 204, {}, b"") == "deleteContactGroupContact"
    pdf = f"{SANDBOX}/Invoices/{INVOICE_ID}/pdf"
    assert validate_request("GET", pdf, {**READ, "Accept": "application/pdf"}, None) == "getInvoiceAsPdf"
    assert_fault(violation(validate_request, "GET", pdf, READ, None), "header 'Accept'", "application/pdf")
    assert validate_response("GET", pdf, 200, {"Content-Type": "application/pdf"}, b"%PDF-1.4\n") == \
        "getInvoiceAsPdf"


# --- the httpx transport ----------------------------------------------------------------------


def sandbox_stub(document, status=200, seen=None):
    """An httpx.MockTransport answering every request with ``document`` (JSON)."""

    def handle(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        return httpx.Response(status, json=document)

    return httpx.MockTransport(handle)


def a_client(transport) -> httpx.Client:
    return httpx.Client(transport=transport, base_url=SANDBOX, headers=READ)


def test_transport_raises_on_a_bad_response():
    page = an_invoice_page()
    page["Invoices"][0]["Status"] = "PAYED"
    with a_client(ContractCheckingTransport(sandbox_stub(page))) as client:
        with pytest.raises(ContractViolation) as caught:
            client.get("/Invoices", params={"page": 1})
    assert_fault(caught.value, "body $.Invoices[0].Status", "'PAYED' is not one of")


def test_transport_lets_good_traffic_through_unchanged():
    seen = []
    checked = ContractCheckingTransport(sandbox_stub(an_invoice_page(), seen=seen))
    with a_client(checked) as client:
        response = client.put("/Invoices", params={"summarizeErrors": "false"}, json={"Invoices": [an_invoice()]},
                              headers={"Idempotency-Key": "k-1"})
        assert response.json() == an_invoice_page()
    assert json.loads(seen[0].content) == {"Invoices": [an_invoice()]}
    assert checked.failures == []
    assert checked.operations == {"createInvoices": 1}


def test_transport_does_not_send_a_bad_request_when_raising():
    seen = []
    with a_client(ContractCheckingTransport(sandbox_stub({}, seen=seen))) as client:
        with pytest.raises(ContractViolation, match="'PAYED' is not one of"):
            client.put("/Invoices", json={"Invoices": [_set(an_invoice(), "Status", "PAYED")]})
    assert seen == []


def test_transport_can_collect_instead_of_raising():
    bad_page = an_invoice_page()
    bad_page["Invoices"][0]["AmountDue"] = "0.00"
    checked = ContractCheckingTransport(sandbox_stub(bad_page), raise_at_once=False)
    with a_client(checked) as client:
        assert client.get("/Invoices").status_code == 200
        client.get("/Invoices", params={"pagesize": 10})
    assert [f.side for f in checked.failures] == ["response 200", "request", "response 200"]
    assert checked.operations == {"getInvoices": 1}
    with pytest.raises(AssertionError, match="3 Xero contract violation"):
        checked.assert_clean()


def test_transport_skips_identity_traffic():
    checked = ContractCheckingTransport(sandbox_stub({"access_token": "a", "expires_in": 1800}))
    with httpx.Client(transport=checked) as client:
        response = client.post("http://127.0.0.1:8123/connect/token", data={"grant_type": "client_credentials"})
    assert response.json()["expires_in"] == 1800
    assert checked.operations == {}


def test_transport_checks_decoded_bodies():
    def handle(request):
        return httpx.Response(200, content=gzip.compress(body(an_invoice_page())),
                              headers={**JSON, "Content-Encoding": "gzip"})

    with a_client(ContractCheckingTransport(httpx.MockTransport(handle))) as client:
        assert client.get("/Invoices").json() == an_invoice_page()


def test_async_transport():
    page = an_invoice_page()
    page["Invoices"][0]["Date"] = "2018-10-20"

    async def run():
        checked = AsyncContractCheckingTransport(sandbox_stub(page), raise_at_once=False)
        async with httpx.AsyncClient(transport=checked, base_url=SANDBOX, headers=READ) as client:
            await client.get("/Invoices")
        return checked

    checked = asyncio.run(run())
    assert len(checked.failures) == 1
    assert_fault(checked.failures[0], "body $.Invoices[0].Date", "xero-msdate")
