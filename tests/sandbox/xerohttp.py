"""A plain httpx client that speaks to the sandbox the way any Xero integration would (token,
xero-tenant-id header, JSON with Decimal money), and small builders for test data."""

from __future__ import annotations

import json
from decimal import Decimal

import httpx
from sync.sandbox import Sandbox, SandboxConfig, xerojson

API = "/api.xro/2.0"


class Xero:
    """An authenticated httpx client for one organisation of a sandbox."""

    def __init__(self, sandbox: Sandbox, tenant_id: str | None = None) -> None:
        self.sandbox = sandbox
        self.http = httpx.Client(base_url=sandbox.base_url, timeout=30)
        self.token = client_credentials_token(sandbox)
        self.tenant_id = tenant_id or sandbox.tenant_id

    def headers(self, extra: dict | None = None) -> dict:
        return {"Authorization": f"Bearer {self.token}", "xero-tenant-id": self.tenant_id,
                "Accept": "application/json", **(extra or {})}

    def request(self, method: str, path: str, *, json_body=None, params=None, headers=None) -> httpx.Response:
        content = None if json_body is None else dumps(json_body)
        return self.http.request(method, API + path, content=content, params=params,
                                 headers=self.headers({"Content-Type": "application/json", **(headers or {})}))

    def get(self, path: str, **kw) -> httpx.Response:
        return self.request("GET", path, **kw)

    def put(self, path: str, body, **kw) -> httpx.Response:
        return self.request("PUT", path, json_body=body, **kw)

    def post(self, path: str, body, **kw) -> httpx.Response:
        return self.request("POST", path, json_body=body, **kw)

    def create(self, collection: str, *elements: dict) -> list[dict]:
        """PUT elements that must all succeed; their records as Xero returns them."""
        response = self.put(f"/{collection}", {collection: list(elements)})
        assert response.status_code == 200, response.text
        return body(response)[collection]


def client_credentials_token(sandbox: Sandbox) -> str:
    response = httpx.post(f"{sandbox.base_url}/connect/token", auth=(sandbox.client_id, sandbox.client_secret),
                          data={"grant_type": "client_credentials"})
    assert response.status_code == 200, response.text
    return response.json()["access_token"]


def dumps(value) -> bytes:
    """JSON with Decimal written as numbers (never through float)."""
    return xerojson.dumps(value)


def body(response: httpx.Response):
    return json.loads(response.content, parse_float=Decimal)


def errors_of(element: dict) -> list[str]:
    return [error["Message"] for error in element.get("ValidationErrors", [])]


def start_with(state=None, **config) -> Sandbox:
    """`with start_with(minute_limit=3, minute_seconds=1) as sandbox:` a sandbox with a config."""
    return Sandbox.start(state, SandboxConfig(**config))


def invoice(contact: str = "Happy Tails", amounts=("10.00",), status: str = "AUTHORISED", date: str = "2024-05-01",
            **fields) -> dict:
    """A sales invoice element with one line per amount (account 200, GST on Income)."""
    return {
        "Type": "ACCREC", "Contact": {"Name": contact}, "Status": status, "Date": date, "DueDate": date,
        "LineItems": [{"Description": f"Boarding night {n}", "Quantity": 1, "UnitAmount": Decimal(a),
                       "AccountCode": "200"} for n, a in enumerate(amounts, 1)],
        **fields,
    }


def state_with_invoices(count: int, *, contacts: int = 10) -> dict:
    """The default state plus `count` authorised sales invoices (PM-00001...) for `contacts`
    customers, dated through 2024, written as a state file would hold them."""
    import uuid

    from sync.sandbox.defaults import default_state

    state = default_state()
    org = state["organisations"][0]
    org["Contacts"] = [{"ContactID": str(uuid.UUID(int=n + 1)), "Name": f"Customer {n}", "ContactNumber": f"CN{n}"}
                       for n in range(contacts)]
    org["Invoices"] = [
        {"InvoiceID": str(uuid.UUID(int=10_000_000 + n)), "Type": "ACCREC", "InvoiceNumber": f"PM-{n:05d}",
         "Contact": {"ContactID": org["Contacts"][n % contacts]["ContactID"]},
         "Status": "AUTHORISED" if n % 4 else "DRAFT", "Date": f"2024-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
         "LineAmountTypes": "Exclusive",
         "LineItems": [{"Description": "Boarding", "Quantity": 1, "UnitAmount": Decimal(n % 90 + 10),
                        "AccountCode": "200", "TaxType": "OUTPUT"}]}
        for n in range(count)
    ]
    return state
