"""Writing: per-element results, Idempotency-Key, retries only with the same key, unknown outcomes."""

import json
from decimal import Decimal

import httpx
import pytest

from sync.xero import ElementResult, WriteOutcomeUnknown, XeroUnavailable
from xero_client.fakes import FakeClock, FakeXero, api, make_client, xero_json

CONTACT = {"ContactID": "3ff6d40c-af9a-40a3-89ce-3c1556a25591", "Name": "Buzz Lightyear"}


def contact(n: int) -> dict:
    return {"Name": f"Customer {n}", "ContactNumber": f"CN{n}"}


def echo_contacts(request: httpx.Request) -> httpx.Response:
    sent = json.loads(request.content)["Contacts"]
    return xero_json({"Id": "e1", "Status": "OK", "Contacts": [
        {**element, "ContactID": f"00000000-0000-0000-0000-{n:012d}", "StatusAttributeString": "OK"}
        for n, element in enumerate(sent)
    ]})


def test_one_bad_element_gives_per_element_results(tmp_path):
    answer = xero_json({"Id": "e1", "Status": "OK", "Contacts": [
        {**CONTACT, "ContactID": "11111111-0000-0000-0000-000000000000", "StatusAttributeString": "OK"},
        {**CONTACT, "HasValidationErrors": True, "StatusAttributeString": "ERROR", "ValidationErrors": [
            {"Message": "The contact name Buzz Lightyear is already assigned to another contact. The contact name "
                        "must be unique across all active contacts."}]},
        {"Name": "Woody", "ContactID": "22222222-0000-0000-0000-000000000000", "StatusAttributeString": "OK"},
    ]})
    fake = FakeXero().on("PUT", api("Contacts"), answer)
    with make_client(fake, tmp_path) as xero:
        results = xero.write("Contacts", [CONTACT, CONTACT, {"Name": "Woody"}], method="PUT", idempotency_key="run1-c")
    assert [r.ok for r in results] == [True, False, True]
    assert results[1].errors == ["The contact name Buzz Lightyear is already assigned to another contact. The "
                                 "contact name must be unique across all active contacts."]
    assert results[2].record["ContactID"] == "22222222-0000-0000-0000-000000000000"
    (request,) = fake.calls("PUT", api("Contacts"))
    assert request.url.params["summarizeErrors"] == "false"
    assert request.headers["Idempotency-Key"] == "run1-c"
    assert request.headers["Content-Type"] == "application/json"


def test_money_is_written_from_decimal_digit_for_digit(tmp_path):
    fake = FakeXero().on("PUT", api("Invoices"), lambda request: xero_json(
        {"Invoices": [{**json.loads(request.content)["Invoices"][0], "StatusAttributeString": "OK"}]}))
    line = {"Description": "Boarding", "Quantity": Decimal("3"), "UnitAmount": Decimal("45.10"), "AccountCode": "200"}
    with make_client(fake, tmp_path) as xero:
        xero.write("Invoices", [{"Type": "ACCREC", "LineItems": [line]}], idempotency_key="k")
    body = fake.calls("PUT", api("Invoices"))[0].content.decode()
    assert '"UnitAmount":45.10' in body and '"Quantity":3' in body
    with make_client(fake, tmp_path) as xero, pytest.raises(TypeError):
        xero.write("Invoices", [{"Total": 45.1}], idempotency_key="k")


def test_the_same_key_on_every_retry(tmp_path):
    fake = FakeXero().on("PUT", api("Contacts"), [xero_json({"Message": "oops"}, status=500),
                                                   httpx.Response(503, text="Service Unavailable"), echo_contacts])
    with make_client(fake, tmp_path) as xero:
        results = xero.write("Contacts", [contact(1)], idempotency_key="batch-7")
    assert results[0].ok
    keys = [r.headers["Idempotency-Key"] for r in fake.calls("PUT", api("Contacts"))]
    assert keys == ["batch-7"] * 3
    bodies = {r.content for r in fake.calls("PUT", api("Contacts"))}
    assert len(bodies) == 1, "the retried body is byte for byte the first one"


def test_a_dropped_connection_is_retried_with_the_same_key(tmp_path):
    fake = FakeXero().on("PUT", api("Contacts"), [httpx.RemoteProtocolError("Server disconnected"), echo_contacts])
    with make_client(fake, tmp_path) as xero:
        assert xero.write("Contacts", [contact(1)], idempotency_key="k-1")[0].ok
    assert [r.headers["Idempotency-Key"] for r in fake.calls("PUT", api("Contacts"))] == ["k-1", "k-1"]


def test_a_write_that_keeps_dropping_has_an_unknown_outcome(tmp_path):
    fake = FakeXero().on("PUT", api("Contacts"), httpx.ReadError("connection reset"))
    with make_client(fake, tmp_path) as xero:
        with pytest.raises(WriteOutcomeUnknown) as caught:
            xero.write("Contacts", [contact(1)], idempotency_key="k-9")
    assert caught.value.idempotency_key == "k-9" and caught.value.exit_code == 3
    assert "look the records up" in str(caught.value)


def test_write_retries_stop_before_xero_forgets_the_key(tmp_path):
    clock = FakeClock()
    fake = FakeXero().on("PUT", api("Contacts"), [httpx.ReadTimeout("slow")] + [
        httpx.Response(503, headers={"Retry-After": "200"})] * 5 + [echo_contacts])
    with make_client(fake, tmp_path, clock) as xero:
        with pytest.raises(WriteOutcomeUnknown):
            xero.write("Contacts", [contact(1)], idempotency_key="k")
    assert sum(clock.slept) <= 300


def test_a_write_that_never_connected_is_not_unknown(tmp_path):
    fake = FakeXero().on("PUT", api("Contacts"), httpx.ConnectError("refused"))
    with make_client(fake, tmp_path) as xero:
        with pytest.raises(XeroUnavailable):
            xero.write("Contacts", [contact(1)], idempotency_key="k")


def test_write_all_splits_into_keyed_batches_of_fifty(tmp_path):
    fake = FakeXero().on("PUT", api("Contacts"), echo_contacts)
    with make_client(fake, tmp_path) as xero:
        results = xero.write_all("Contacts", [contact(n) for n in range(120)], idempotency_key="run-5")
    calls = fake.calls("PUT", api("Contacts"))
    assert [r.headers["Idempotency-Key"] for r in calls] == ["run-5-1", "run-5-2", "run-5-3"]
    assert [len(json.loads(r.content)["Contacts"]) for r in calls] == [50, 50, 20]
    assert [r.index for r in results] == list(range(120))
    assert results[119].record["Name"] == "Customer 119"


def test_write_all_keeps_batches_under_3_5_mb(tmp_path):
    fake = FakeXero().on("PUT", api("Contacts"), echo_contacts)
    big = [{"Name": f"C{n}", "Notes": "x" * 100_000} for n in range(50)]
    with make_client(fake, tmp_path) as xero:
        xero.write_all("Contacts", big, idempotency_key="big")
    sizes = [len(r.content) for r in fake.calls("PUT", api("Contacts"))]
    assert len(sizes) == 2 and max(sizes) < 3_500_000


def test_one_batch_is_at_most_fifty(tmp_path):
    with make_client(FakeXero(), tmp_path) as xero:
        with pytest.raises(ValueError, match="1 to 50"):
            xero.write("Contacts", [contact(n) for n in range(51)], idempotency_key="k")
        with pytest.raises(ValueError, match="Idempotency-Key"):
            xero.write("Contacts", [contact(1)], idempotency_key="")


def test_endpoints_without_summarize_errors_take_one_element(tmp_path):
    answer = xero_json({"ErrorNumber": 10, "Type": "ValidationException", "Message": "A validation exception occurred",
                        "Elements": [{"ValidationErrors": [{"Message": "The From and To accounts must differ"}]}]},
                       status=400)
    fake = FakeXero().on("PUT", api("BankTransfers"), answer)
    transfer = {"FromBankAccount": {"Code": "090"}, "ToBankAccount": {"Code": "090"}, "Amount": Decimal("10.00")}
    with make_client(fake, tmp_path) as xero:
        with pytest.raises(ValueError, match="1 to 1"):
            xero.write("BankTransfers", [transfer, transfer], idempotency_key="k")
        results = xero.write("BankTransfers", [transfer], idempotency_key="k")
    assert results == [ElementResult(0, False, answer.json()["Elements"][0], ["The From and To accounts must differ"])]
    assert "summarizeErrors" not in fake.calls("PUT", api("BankTransfers"))[0].url.params


def test_allocations_go_to_their_document(tmp_path):
    path = "CreditNotes/7b1c0a2e-0000-0000-0000-000000000001/Allocations"
    fake = FakeXero().on("PUT", api(path), xero_json({"Allocations": [{"Amount": 5, "StatusAttributeString": "OK"}]}))
    with make_client(fake, tmp_path) as xero:
        (result,) = xero.write(path, [{"Amount": Decimal("5.00"), "Invoice": {"InvoiceID": "x"}}], idempotency_key="a")
    assert result.ok
    assert list(json.loads(fake.calls("PUT", api(path))[0].content)) == ["Allocations"]


def test_an_answer_that_does_not_line_up_is_an_unknown_outcome(tmp_path):
    fake = FakeXero().on("PUT", api("Contacts"), xero_json({"Contacts": []}))
    with make_client(fake, tmp_path) as xero:
        with pytest.raises(WriteOutcomeUnknown):
            xero.write("Contacts", [contact(1)], idempotency_key="k")


def test_an_unknown_outcome_is_not_hidden_by_a_later_stop(tmp_path):
    day_spent = xero_json({"Title": "Too Many Requests"}, status=429,
                          headers={"Retry-After": "600", "X-Rate-Limit-Problem": "day"})
    fake = FakeXero().on("PUT", api("Contacts"), [httpx.ReadTimeout("slow"), day_spent])
    with make_client(fake, tmp_path) as xero:
        with pytest.raises(WriteOutcomeUnknown, match="daily API limit"):
            xero.write("Contacts", [contact(1)], idempotency_key="k")
