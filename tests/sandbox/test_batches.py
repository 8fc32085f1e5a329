"""Batch writes: per-element results with summarizeErrors=false, and the summarised trap —
one bad element makes a 400, yet the good ones are created."""

from __future__ import annotations

from xerohttp import body, errors_of, invoice


def batch_with_one_bad() -> dict:
    bad = invoice(contact="Bad Line")
    bad["LineItems"][0]["AccountCode"] = "999"
    return {"Invoices": [invoice(InvoiceNumber="PM-1"), bad, invoice(InvoiceNumber="PM-3")]}


def test_summarize_errors_false_reports_every_element(xero):
    response = xero.put("/Invoices", batch_with_one_bad(), params={"summarizeErrors": "false"})
    assert response.status_code == 200
    results = body(response)["Invoices"]
    assert [r["StatusAttributeString"] for r in results] == ["OK", "ERROR", "OK"]
    assert errors_of(results[1]) == ["Account code '999' is not a valid code for this document."]
    assert results[1]["HasErrors"] is True
    assert results[0]["InvoiceID"] and results[0]["InvoiceNumber"] == "PM-1"
    assert len(body(xero.get("/Invoices"))["Invoices"]) == 2


def test_summarised_mode_fails_the_request_but_creates_the_good_elements(xero):
    response = xero.put("/Invoices", batch_with_one_bad())
    assert response.status_code == 400
    error = body(response)
    assert (error["ErrorNumber"], error["Type"], error["Message"]) == (
        10, "ValidationException", "A validation exception occurred")
    assert len(error["Elements"]) == 1
    assert errors_of(error["Elements"][0]) == ["Account code '999' is not a valid code for this document."]
    created = body(xero.get("/Invoices"))["Invoices"]
    assert sorted(i["InvoiceNumber"] for i in created) == ["PM-1", "PM-3"]  # the trap


def test_a_single_object_body_and_post_creates(xero):
    response = xero.post("/Contacts", {"Name": "Solo"})
    assert response.status_code == 200
    assert body(response)["Contacts"][0]["Name"] == "Solo"


def test_a_body_that_is_not_json(xero):
    response = xero.http.put("/api.xro/2.0/Contacts", content=b"{nope", headers=xero.headers())
    assert response.status_code == 400
    assert body(response)["Type"] == "PostDataInvalidException"


def test_duplicate_within_one_batch_fails_the_second(xero):
    response = xero.put("/Contacts", {"Contacts": [{"Name": "Twin"}, {"Name": "Twin"}]},
                        params={"summarizeErrors": "false"})
    assert [c["StatusAttributeString"] for c in body(response)["Contacts"]] == ["OK", "ERROR"]


def test_json_must_be_asked_for(xero):
    headers = {k: v for k, v in xero.headers().items() if k != "Accept"}
    response = xero.http.get("/api.xro/2.0/Organisation", headers=headers)
    assert response.status_code == 406 and "application/json" in response.text
