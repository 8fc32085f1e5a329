"""The client calls the pusher needs: query options on a write (unitdp=4), contacts added to a
contact group 50 to a call (all or nothing), and one record read by its path."""

import json
from decimal import Decimal

from sync.xero import ElementResult
from xero_client.fakes import FakeXero, api, make_client, xero_json

GROUP = "ContactGroups/97bbd0e6-ab4d-4117-9304-d90dd4779199/Contacts"


def test_a_write_sends_its_query_options_beside_summarize_errors(tmp_path):
    fake = FakeXero().on("PUT", api("Invoices"), lambda request: xero_json(
        {"Invoices": [{**json.loads(request.content)["Invoices"][0], "StatusAttributeString": "OK"}]}))
    line = {"Description": "Nails", "Quantity": Decimal("3"), "UnitAmount": Decimal("19.9990"), "AccountCode": "200"}
    with make_client(fake, tmp_path) as xero:
        xero.write("Invoices", [{"Type": "ACCREC", "LineItems": [line]}], idempotency_key="k", params={"unitdp": "4"})
    params = fake.calls("PUT", api("Invoices"))[0].url.params
    assert (params["unitdp"], params["summarizeErrors"]) == ("4", "false")


def test_fifty_contacts_join_a_group_in_one_call_without_summarize_errors(tmp_path):
    members = [{"ContactID": f"00000000-0000-0000-0000-{n:012d}"} for n in range(50)]
    fake = FakeXero().on("PUT", api(GROUP), lambda request: xero_json(json.loads(request.content)))
    with make_client(fake, tmp_path) as xero:
        results = xero.write(GROUP, members, idempotency_key="g")
    assert [result.record["ContactID"] for result in results] == [member["ContactID"] for member in members]
    (request,) = fake.calls("PUT", api(GROUP))
    assert "summarizeErrors" not in request.url.params


def test_a_refused_group_call_fails_every_contact_in_it_with_xeros_message(tmp_path):
    answer = xero_json({"ErrorNumber": 10, "Type": "ValidationException", "Message": "A validation exception occurred",
                        "Elements": [{"ValidationErrors": [{"Message": "Contact could not be found"}]}]}, status=400)
    fake = FakeXero().on("PUT", api(GROUP), answer)
    with make_client(fake, tmp_path) as xero:
        results = xero.write(GROUP, [{"ContactID": "a"}, {"ContactID": "b"}], idempotency_key="g")
    assert results == [ElementResult(0, False, None, ["Contact could not be found"]),
                       ElementResult(1, False, None, ["Contact could not be found"])]


def test_one_record_is_read_by_its_path_and_a_missing_one_is_empty(tmp_path):
    credit = {"CreditNoteID": "c1", "Allocations": [{"Amount": Decimal("5.00")}]}
    fake = FakeXero().on("GET", api("CreditNotes/c1"), xero_json({"CreditNotes": [credit]}))
    with make_client(fake, tmp_path) as xero:
        assert xero.read("CreditNotes/c1") == {"CreditNotes": [credit]}
        assert xero.read("CreditNotes/c2") == {}
