"""The state file: loading Xero JSON keeps the IDs and fills in what Xero computes; dump and
reload give the same records; `recon sandbox serve --state` loads at start and saves on exit."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from decimal import Decimal

import httpx
from xerohttp import Xero, body, invoice, start_with

from sync.sandbox import Sandbox, xerojson

TENANT = "6a3c1f47-8d1b-4c1e-9a0e-3b8f4f2f9d11"
CONTACT = "0b5e0c1e-2f9c-4b7a-8a55-0c9f6e3d2a10"
INVOICE = "9a1f6c3e-7b2d-4e8f-a1c0-5d6e7f809a12"
PAYMENT = "5e2d7c1b-3a4f-4b6e-8c9d-0e1f2a3b4c13"

STATE = {
    "format": "recon-xero-sandbox/1",
    "clients": [{"client_id": "CLIENT", "client_secret": "SECRET", "tenant_ids": [TENANT]}],
    "organisations": [{
        "tenant_id": TENANT, "tenant_name": "Happy Tails Boarding Kennels",
        "Organisation": {"Name": "Happy Tails Boarding Kennels", "CountryCode": "AU", "BaseCurrency": "AUD",
                         "PeriodLockDate": "2024-03-31"},
        "Accounts": [{"Code": "090", "Name": "Bank", "Type": "BANK"},
                     {"Code": "200", "Name": "Sales", "Type": "REVENUE", "TaxType": "OUTPUT"}],
        "TaxRates": [{"Name": "GST on Income", "TaxType": "OUTPUT", "EffectiveRate": 10}],
        "Contacts": [{"ContactID": CONTACT, "Name": "Mia Nguyen", "ContactNumber": "CN17"}],
        "Invoices": [{"InvoiceID": INVOICE, "Type": "ACCREC", "InvoiceNumber": "PM-1001", "Status": "AUTHORISED",
                      "Contact": {"ContactID": CONTACT}, "Date": "2024-04-02", "DueDate": "/Date(1712620800000+0000)/",
                      "LineAmountTypes": "Exclusive",
                      "LineItems": [{"Description": "2 nights", "Quantity": 2, "UnitAmount": 45.5,
                                     "AccountCode": "200"}]}],
        "Payments": [{"PaymentID": PAYMENT, "Invoice": {"InvoiceID": INVOICE}, "Account": {"Code": "090"},
                      "Date": "2024-04-03", "Amount": 50}],
    }],
}


def loaded() -> dict:
    return json.loads(json.dumps(STATE), parse_float=Decimal)


def test_loading_keeps_ids_and_fills_in_what_xero_computes():
    with start_with(loaded()) as sandbox:
        assert (sandbox.client_id, sandbox.client_secret, sandbox.tenant_ids) == ("CLIENT", "SECRET", [TENANT])
        xero = Xero(sandbox)
        found = body(xero.get(f"/Invoices/{INVOICE}"))["Invoices"][0]
        assert (found["SubTotal"], found["TotalTax"], found["Total"]) == (
            Decimal("91.00"), Decimal("9.10"), Decimal("100.10"))
        assert (found["AmountPaid"], found["AmountDue"]) == (Decimal("50.00"), Decimal("50.10"))
        assert found["Payments"][0]["PaymentID"] == PAYMENT
        assert found["DueDate"] == "/Date(1712620800000+0000)/" and found["DateString"] == "2024-04-02T00:00:00"
        assert found["Contact"]["Name"] == "Mia Nguyen" and found["UpdatedDateUTC"].startswith("/Date(")
        organisation = body(xero.get("/Organisation"))["Organisations"][0]
        assert organisation["Name"] == "Happy Tails Boarding Kennels"
        assert organisation["PeriodLockDate"] == "/Date(1711843200000+0000)/"
        assert xero.put("/Contacts", {"Name": "Someone", "ContactNumber": "CN17"}).status_code == 400
        assert xero.put("/Invoices", invoice(InvoiceNumber="PM-1001", contact="Mia Nguyen")).status_code == 400


def test_dump_and_reload_round_trip(tmp_path):
    path = tmp_path / "state.json"
    with start_with(loaded()) as sandbox:
        xero = Xero(sandbox)
        xero.create("Invoices", invoice(date="2024-05-01"))
        before = {c: body(xero.get(f"/{c}"))[c] for c in ("Invoices", "Contacts", "Payments", "Accounts")}
        sandbox.dump(path)
    with Sandbox.start(path) as again:
        xero = Xero(again)
        after = {c: body(xero.get(f"/{c}"))[c] for c in ("Invoices", "Contacts", "Payments", "Accounts")}
    assert after == before
    assert json.loads(path.read_text())["format"] == "recon-xero-sandbox/1"


def test_state_over_http(sandbox, xero):
    xero.create("Contacts", {"Name": "Over HTTP"})
    state = xerojson.loads(httpx.get(f"{sandbox.base_url}/_sandbox/state").content)
    assert [c["Name"] for c in state["organisations"][0]["Contacts"]] == ["Over HTTP"]


# `recon` with only the sandbox group registered (recon/cli.py registers it with the others)
CLI = """
import sys, typer
from recon.commands.sandbox import register
app = typer.Typer()
app.callback()(lambda: None)
register(app)
app(sys.argv[1:])
"""


def test_recon_sandbox_serve_saves_state_on_ctrl_c(tmp_path):
    path = tmp_path / "state.json"
    path.write_text(json.dumps(STATE))
    process = subprocess.Popen([sys.executable, "-c", CLI, "sandbox", "serve", "--port", "0", "--state", str(path)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        first = process.stdout.readline()
        assert first.startswith("Xero sandbox at http://127.0.0.1:"), first + process.stderr.read()
        base_url = first.split(" at ")[1].strip()
        token = httpx.post(f"{base_url}/connect/token", auth=("CLIENT", "SECRET"),
                           data={"grant_type": "client_credentials"}).json()["access_token"]
        created = httpx.put(f"{base_url}/api.xro/2.0/Contacts", json={"Name": "Saved on exit"},
                            headers={"Authorization": f"Bearer {token}", "xero-tenant-id": TENANT,
                                     "Accept": "application/json"})
        assert created.status_code == 200
    finally:
        process.send_signal(signal.SIGINT)
        output, errors = process.communicate(timeout=20)
    assert process.returncode == 0, errors
    assert "State saved to" in output
    saved = json.loads(path.read_text())
    assert {c["Name"] for c in saved["organisations"][0]["Contacts"]} == {"Mia Nguyen", "Saved on exit"}
    assert saved["organisations"][0]["Invoices"][0]["InvoiceID"] == INVOICE
