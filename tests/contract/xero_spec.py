"""Validate Xero Accounting API traffic against Xero's official OpenAPI spec.

The contract is ``xero_accounting.yaml`` (XeroAPI/Xero-OpenAPI, spec version 16.1.0), found at
``$RECON_SHARED/xero-openapi/xero_accounting.yaml`` when ``RECON_SHARED`` is set, otherwise at
``<repo>/../shared/xero-openapi/xero_accounting.yaml`` (CI clones the repo with ``shared/`` beside it).

Public API::

    validate_request(method, url, headers, body_bytes) -> str | None
    validate_response(method, url, status, headers, body_bytes) -> str | None

Both return the operationId they checked (``"getInvoices"``), or ``None`` for the identity
endpoints, and raise ``ContractViolation`` (an ``AssertionError``) naming the operation, where the
fault is (``body $.Invoices[0].Status``, ``query 'page'``, ``header 'xero-tenant-id'``) and the
validator's message.

URLs are matched by path only: everything after ``/api.xro/2.0`` is looked up in the spec, so
``https://api.xero.com/api.xro/2.0/Invoices`` and ``http://127.0.0.1:8123/api.xro/2.0/Invoices``
check the same operation. The identity endpoints are not in this spec and are skipped on purpose
(``validate_*`` returns ``None``): any path ending in ``/connect/token``, ``/connect/revocation``,
``/connect/authorize``, ``/connections`` or ``/connections/<id>``. Any other path outside ``/api.xro/2.0`` is a violation.

Engine: openapi-core 0.23 (``V30RequestValidator`` / ``V30ResponseValidator`` on a
``jsonschema_path.SchemaPath``), fed by small adapters that implement openapi-core's Request and
Response protocols, and given the path template chosen here (openapi-core's own template matcher
picks ``/Contacts/{ContactNumber}`` for a ContactID, see quirk 12). openapi-core handled the
spec once quirk 1 was fixed, and it brings what plain jsonschema would make us rewrite: parameter
styles (``IDs=a,b``), query and header casting, OAS 3.0 readOnly in requests, media types. Its spec
validation is switched off at load time (it costs ~1.3 s); a test validates the normalised spec once.

Loading: PyYAML with libyaml takes 0.6-1.3 s for the 926 KB file (pure-Python PyYAML ~3.2 s), so
the parsed spec is cached as JSON in the temp dir, keyed by the file's SHA-256 (~15 ms to read
back; ~0.1 s in all with normalising and building the validators), and kept once per process.
``load_seconds()`` says what this process paid. Importing openapi-core itself takes ~0.5 s.
A page of 1,000 invoices takes ~1 s to validate (jsonschema's own speed); a request ~20 ms.

Xero spec quirks and what this module does about each (every change is made to the in-memory
copy, see ``_normalise``; the file is never edited):

1. Booleans with string defaults (``default: "false"``, 23 places): openapi-spec-validator rejects
   the spec. Converted to real booleans; the normalised spec then validates cleanly.
2. YAML timestamps: unquoted examples such as ``DateString: 2018-10-20T00:00:00`` become Python
   datetimes with a standard YAML loader, though in JSON they are strings. Loaded with a loader
   that has no timestamp resolver, so the spec's examples are the JSON Xero documents.
3. ``x-is-msdate`` / ``x-is-msdate-time`` fields are plain ``type: string`` in the spec. They get a
   custom format: in responses they must be ``/Date(1573755038314)/`` or
   ``/Date(1573755038314+0000)/`` (what Xero sends; a client tested on ISO dates would break on
   the real thing); in requests Xero also accepts ``YYYY-MM-DD`` (optionally ``T00:00:00``), which
   must be a real calendar date.
4. Xero sends an ISO twin next to /Date fields (``DateString``, ``DueDateString``,
   ``CreatedDateUTCString`` ...) that the spec mostly omits: ``<field>String`` is declared
   (readOnly string) next to every x-is-msdate(-time) field.
5. ``format: double`` money and rates: any JSON number passes (int or float, 40, 40.0, 40.00);
   a quoted amount like ``"40.00"`` fails. Decimal places are not checked (unitdp=4 exists).
6. Enums (Status, Type, LineAmountTypes, CurrencyCode ...) are enforced exactly, case
   included: ``"PAYED"`` fails. TaxType on lines and contacts is a free string in the spec (orgs
   have custom tax types), so it stays free.
7. ``additionalProperties``: the spec never sets it, so any misspelt field would pass, and Xero
   silently ignores unknown fields on writes (the spec's own examples send ``Lineitems`` and
   ``bankTransactions``). Unknown properties are forbidden in requests and in responses. For
   responses the fields Xero really sends beyond the spec are declared (readOnly, so requests
   cannot carry them): the envelope ``Id``, ``Status``, ``ProviderName``, ``DateTimeUTC`` on every
   200 body schema (except ``Allocation``, also used nested); the per-element results
   ``ValidationErrors``, ``Warnings``, ``StatusAttributeString``, ``HasValidationErrors``,
   ``HasErrors`` on every object schema; ``ID`` on CreditNote, Overpayment, Prepayment, Receipt; the
   quirk-4 twins; and what the spec's own response examples show on entities recon uses
   (``LineItem.DiscountEnteredAsPercent``, ``Attachments`` on BankTransaction, BankTransfer and
   CreditNote, ``BankTransaction.BatchPayment``). ``Element`` (items of a 400 body) echoes the submitted object back, so it stays
   open. ``validate_response(..., strict_fields=False)`` falls back to the spec's own default.
8. Nullable: the spec marks nothing ``nullable``; a ``null`` anywhere fails. Omit absent
   fields, as Xero does.
9. readOnly in requests (OAS 3.0: SHOULD NOT be sent): sending one fails (``Total``,
   ``UpdatedDateUTC``, ``CreditNote.SentToContact``, ...). Xero ignores them, so sending one means
   the client expects something Xero will not do.
10. ``xero-tenant-id`` header: required by the spec on every accounting path and checked
    (any string). ``Authorization: Bearer <token>`` is required too: the spec's OAuth2 scheme is
    one openapi-core cannot check (it only warns), so a small provider checks the header.
11. Query parameters: ``where``/``order`` are free strings; ``page``, ``pageSize``, ``unitdp`` must
    be integers, ``summarizeErrors``/``includeArchived``/``summaryOnly`` exactly ``true``/``false``
    (openapi-core alone would also take ``yes``, ``1``, ``on``);
    ``IDs``/``ContactIDs`` comma-separated GUIDs (form style, explode false); ``InvoiceNumbers``/
    ``Statuses`` comma-separated strings. Added: ``page >= 1`` and ``1 <= pageSize <= 1000``
    (Xero's documented limit). A query parameter the operation does not declare fails (exact
    case: ``pagesize`` is not ``pageSize``). ``IDs`` chunks of 50 and batches of 50 are recon
    policy, not spec, and are not checked here.
12. Ambiguous templates: ``/Contacts/{ContactNumber}`` vs ``/Contacts/{ContactID}``,
    ``/Journals/{JournalNumber}`` vs ``{JournalID}``, ``/PurchaseOrders/{PurchaseOrderNumber}`` vs
    ``{PurchaseOrderID}``: a GUID segment picks the ``format: uuid`` template, anything else the
    other; literal segments beat templates (``/Reports/BalanceSheet`` over ``/Reports/{ReportID}``).
13. ``If-Modified-Since`` is ``format: date-time`` (RFC 3339, offset required) but Xero documents
    and recon sends UTC without offset (``2024-01-05T10:00:00``): both forms pass, nothing else.
14. ``Idempotency-Key``: declared on writes as a plain string; its "128 character max" from the
    description is enforced. Its presence on every write is recon policy: assert it in client
    tests, it is not checked here.
15. ``Accept``: every response in the spec is JSON (or PDF/binary), but Xero answers XML unless
    asked for JSON; a request must name one of the operation's success media types in Accept.
16. Error statuses: 400 is declared (Error schema: ErrorNumber, Type, Message, Elements) on 101
    operations; it is declared here for all of them, since Xero answers any call with a 400
    ValidationException/QueryParseException. A 400 may instead come from Xero's API gateway
    (Idempotency-Key misuse) in the problem shape Xero uses for 401/403: ``{"Type": null,
    "Title", "Status", "Detail", "Instance", "Extensions"}``; that shape is checked by hand.
    401, 403, 404, 429 and every 5xx are not in the
    spec; they pass with any body (Xero's 404 and 503 are plain text), but a 429 must carry an
    integer ``Retry-After`` and an ``X-Rate-Limit-Problem``. Any other undeclared status (406,
    409, 418 ...) fails.
    Rate-limit headers (``X-MinLimit-Remaining`` ...) must be non-negative integers when present.
17. Bare elements: Xero also takes one element without its wrapper (``{"Type": "ACCREC", ...}``
    instead of ``{"Invoices": [{...}]}``) but the spec declares only the wrapper, so a bare element
    fails, with a first fault that says so.
18. The spec contradicts its own examples in places (listed in test_harness.KNOWN_BAD_EXAMPLES),
    e.g. POST /Payments is declared with one ``Payment`` body but its example sends
    ``{"Payments": [...]}`` (send batches with PUT /Payments); DELETE-by-status is
    ``{"Status": "DELETED"}`` at top level; ``BatchPayment.TotalAmount`` as a string.
    The schema wins: it is the contract.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import json
import os
import re
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Mapping, NamedTuple
from urllib.parse import parse_qsl, unquote, urlsplit

import yaml
from jsonschema_path import SchemaPath
from openapi_core import V30RequestValidator, V30ResponseValidator
from openapi_core.datatypes import RequestParameters
from openapi_core.security.exceptions import SecurityProviderError
from openapi_core.security.factories import SecurityProviderFactory
from openapi_core.security.providers import BaseProvider
from rfc3339_validator import validate_rfc3339
from werkzeug.datastructures import Headers, ImmutableMultiDict

SPEC_IN_SHARED = Path("xero-openapi") / "xero_accounting.yaml"
REPO_ROOT = Path(__file__).resolve().parents[2]
ACCOUNTING_PREFIX = "/api.xro/2.0"
SPEC_SERVER = "https://api.xero.com"
IDENTITY_PATH = re.compile(r"(/connect/(token|revocation|authorize)|/connections(/[^/]+)?)/?$")
HTTP_METHODS = ("get", "put", "post", "delete")
GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")

# Statuses Xero documents (developer.xero.com/documentation/api/http-response-codes) that the spec
# does not declare, plus any 5xx (gateways in front of Xero send 502/504 too): any body is
# accepted; 429 has its headers checked.
XERO_UNDECLARED_ERROR_STATUSES = {401, 403, 404, 429, *range(500, 600)}
RATE_LIMIT_HEADERS = ("X-MinLimit-Remaining", "X-DayLimit-Remaining", "X-AppMinLimit-Remaining")
MAX_FAULTS_SHOWN = 20


# --- the violation ----------------------------------------------------------------------------


class Fault(NamedTuple):
    where: str  # "body $.Invoices[0].Status", "query 'page'", "header 'Accept'", "status"
    message: str


class ContractViolation(AssertionError):
    """A request or response that breaks Xero's spec. ``faults`` lists every problem found."""

    def __init__(self, operation: str, side: str, faults: list[Fault]):
        self.operation = operation
        self.side = side
        self.faults = faults
        lines = [f"{operation} {side} breaks Xero's OpenAPI spec:"]
        lines += [f"  - {fault.where}: {fault.message}" for fault in faults[:MAX_FAULTS_SHOWN]]
        if len(faults) > MAX_FAULTS_SHOWN:
            lines.append(f"  ... and {len(faults) - MAX_FAULTS_SHOWN} more")
        super().__init__("\n".join(lines))


# --- locating and loading the spec ------------------------------------------------------------


def spec_path() -> Path:
    """Where the spec is: ``$RECON_SHARED/...`` if that is set, else ``<repo>/../shared/...``."""
    shared = os.environ.get("RECON_SHARED")
    candidate = Path(shared) / SPEC_IN_SHARED if shared else REPO_ROOT.parent / "shared" / SPEC_IN_SHARED
    if not candidate.is_file():
        raise FileNotFoundError(
            f"Xero's OpenAPI spec is not at {candidate}. Put shared/ beside the repo "
            f"or set RECON_SHARED to the folder that holds {SPEC_IN_SHARED}."
        )
    return candidate


class _YamlWithoutTimestamps(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe loader that leaves unquoted dates as strings, as they are in JSON (quirk 2)."""


_YamlWithoutTimestamps.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_lock = threading.Lock()
_load_seconds: float | None = None


def load_raw_spec(path: Path | None = None) -> dict:
    """The spec exactly as written (no normalisation), parsed once per process. Do not modify it."""
    return _raw_spec(path or spec_path())


@functools.cache
def _raw_spec(path: Path) -> dict:
    return _read_spec(path)


def _read_spec(path: Path) -> dict:
    """A fresh copy of the parsed spec, from the JSON cache in the temp dir when it is there."""
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()[:20]
    cache = Path(tempfile.gettempdir()) / f"recon-xero-openapi-{digest}.json"
    try:
        return json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    spec = yaml.load(data, Loader=_YamlWithoutTimestamps)
    try:
        fd, tmp = tempfile.mkstemp(dir=cache.parent, prefix=cache.name, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(spec, out)
        os.replace(tmp, cache)  # atomic: parallel workers never read half a file
    except OSError:
        pass  # no writable temp dir: just slower next time
    return spec


def load_spec() -> dict:
    """The normalised spec (quirks above handled), loaded once per process."""
    return _compiled().spec


def load_seconds() -> float | None:
    """Seconds this process spent loading and preparing the spec (None before the first load)."""
    return _load_seconds


# --- normalisation (each step is one quirk in the module docstring) ---------------------------


ENVELOPE = {
    "Id": {"type": "string", "format": "uuid"},
    "Status": {"type": "string"},
    "ProviderName": {"type": "string"},
    "DateTimeUTC": {"type": "string", "format": "xero-msdate-time"},
}
ELEMENT_RESULTS = {
    "ValidationErrors": {"type": "array", "items": {"$ref": "#/components/schemas/ValidationError"}},
    "Warnings": {"type": "array", "items": {"$ref": "#/components/schemas/ValidationError"}},
    "StatusAttributeString": {"type": "string"},
    "HasValidationErrors": {"type": "boolean"},
    "HasErrors": {"type": "boolean"},
}
SCHEMAS_WITH_ID_TWIN = ("CreditNote", "Overpayment", "Prepayment", "Receipt")
# Fields the spec's own response examples show Xero sending on entities recon uses.
EXAMPLE_EVIDENCED_FIELDS = {
    "LineItem": {"DiscountEnteredAsPercent": {"type": "boolean"}},
    "BankTransaction": {
        "Attachments": {"type": "array", "items": {"$ref": "#/components/schemas/Attachment"}},
        "BatchPayment": {"$ref": "#/components/schemas/BatchPayment"},
    },
    "BankTransfer": {"Attachments": {"type": "array", "items": {"$ref": "#/components/schemas/Attachment"}}},
    "CreditNote": {"Attachments": {"type": "array", "items": {"$ref": "#/components/schemas/Attachment"}}},
}
NOT_ELEMENTS = ("ValidationError", "Error", "Element", "Pagination")
ADDED = "Added by recon's contract harness: Xero sends this field but its spec omits it."


def _declare(properties: dict, name: str, schema: dict) -> None:
    if name not in properties:
        properties[name] = {**schema, "readOnly": True, "description": ADDED}


def _walk(node: Any):
    """Every dict in the spec, depth first."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _normalise(spec: dict) -> dict:
    components = spec["components"]
    schemas = components["schemas"]

    for node in _walk(spec):
        # 1. boolean defaults written as strings
        if node.get("type") == "boolean" and node.get("default") in ("true", "false"):
            node["default"] = node["default"] == "true"
        # 3 and 4. /Date(...)/ fields get a checked format and their ISO twin
        properties = node.get("properties")
        if isinstance(properties, dict):
            for name, prop in list(properties.items()):
                if prop.get("x-is-msdate-time"):
                    prop["format"] = "xero-msdate-time"
                elif prop.get("x-is-msdate"):
                    prop["format"] = "xero-msdate"
                else:
                    continue
                _declare(properties, name + "String", {"type": "string"})

    # 7. what Xero sends beyond the spec: per-element results, ID twins, the envelope
    for name, schema in schemas.items():
        if "properties" in schema and name not in NOT_ELEMENTS:
            for field, field_schema in ELEMENT_RESULTS.items():
                _declare(schema["properties"], field, field_schema)
    for name in SCHEMAS_WITH_ID_TWIN:
        _declare(schemas[name]["properties"], "ID", {"type": "string", "format": "uuid"})
    for name, fields in EXAMPLE_EVIDENCED_FIELDS.items():
        for field, field_schema in fields.items():
            _declare(schemas[name]["properties"], field, field_schema)
    for name in _success_body_schemas(spec):
        if name != "Allocation":
            for field, field_schema in ENVELOPE.items():
                _declare(schemas[name].setdefault("properties", {}), field, field_schema)
    schemas["Element"]["additionalProperties"] = True

    # 11 and 14. documented limits the spec leaves in prose
    parameters = components["parameters"]
    parameters["pageSize"]["schema"].update(minimum=1, maximum=1000)
    parameters["idempotencyKey"]["schema"]["maxLength"] = 128
    for path_item in spec["paths"].values():
        for method in HTTP_METHODS:
            operation = path_item.get(method)
            if operation is None:
                continue
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "query" and parameter.get("name") == "page":
                    parameter["schema"]["minimum"] = 1
            # 16. Xero may answer any call with a 400 ValidationException
            operation["responses"].setdefault("400", {"$ref": "#/components/responses/400Error"})
    return spec


def _success_body_schemas(spec: dict) -> set[str]:
    names = set()
    for path_item in spec["paths"].values():
        for method in HTTP_METHODS:
            response = path_item.get(method, {}).get("responses", {}).get("200", {})
            schema = response.get("content", {}).get("application/json", {}).get("schema", {})
            if "$ref" in schema:
                names.add(schema["$ref"].rsplit("/", 1)[1])
    return names


# --- formats ----------------------------------------------------------------------------------

MS_DATE = re.compile(r"^/Date\(-?\d+([+-]\d{4})?\)/$")
ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}:\d{2}(\.\d+)?)?$")
NAIVE_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$")


def _is_ms_date(value: Any) -> bool:
    return not isinstance(value, str) or bool(MS_DATE.match(value))


def _is_request_date(value: Any) -> bool:
    if not isinstance(value, str) or MS_DATE.match(value):
        return True
    match = ISO_DATE.match(value)
    if not match:
        return False
    try:
        datetime.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_xero_date_time(value: Any) -> bool:
    """RFC 3339 (the spec) or UTC without offset (what Xero documents for If-Modified-Since)."""
    if not isinstance(value, str):
        return True
    if validate_rfc3339(value):
        return True
    if not NAIVE_DATETIME.match(value):
        return False
    try:
        datetime.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


REQUEST_FORMATS = {
    "xero-msdate": _is_request_date,
    "xero-msdate-time": _is_request_date,
    "date-time": _is_xero_date_time,
}
RESPONSE_FORMATS = {
    "xero-msdate": _is_ms_date,
    "xero-msdate-time": _is_ms_date,
    "date-time": _is_xero_date_time,
}
FORMAT_HINTS = {
    "'xero-msdate'": "Xero dates look like /Date(1573755038314+0000)/ (requests may use YYYY-MM-DD)",
    "'xero-msdate-time'": "Xero timestamps look like /Date(1573755038314+0000)/",
    "'date-time'": "use RFC 3339 or UTC yyyy-mm-ddThh:mm:ss",
}


# --- openapi-core wiring -----------------------------------------------------------------------


class _BearerToken(BaseProvider):
    """The spec's OAuth2 scheme, as a request shows it: ``Authorization: Bearer <token>``."""

    def __call__(self, parameters: RequestParameters) -> str:
        value = parameters.header.get("Authorization", "")
        scheme, _, token = value.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise SecurityProviderError("an 'Authorization: Bearer <access token>' header is required")
        return token


class _SecurityProviders(SecurityProviderFactory):
    PROVIDERS = {**SecurityProviderFactory.PROVIDERS, "oauth2": _BearerToken}


class _Route(NamedTuple):
    operation_id: str
    method: str
    template: str  # "/Invoices/{InvoiceID}"
    path_variables: dict
    operation: dict
    path_item: dict

    @property
    def label(self) -> str:
        return f"{self.operation_id} ({self.method.upper()} {self.template})"


class _Template(NamedTuple):
    template: str
    regex: re.Pattern
    literal_segments: int
    uuid_variables: frozenset
    path_item: dict


class _Compiled(NamedTuple):
    spec: dict
    request_validator: V30RequestValidator
    response_validators: dict  # strict_fields -> V30ResponseValidator
    templates: list


@functools.cache
def _compiled_cached() -> _Compiled:
    global _load_seconds
    started = time.perf_counter()
    spec = _normalise(_read_spec(spec_path()))
    schema_path = SchemaPath.from_dict(spec)
    request_validator = V30RequestValidator(
        schema_path,
        extra_format_validators=REQUEST_FORMATS,
        security_provider_factory=_SecurityProviders(),
        forbid_unspecified_additional_properties=True,
    )
    response_validators = {
        strict: V30ResponseValidator(
            schema_path,
            extra_format_validators=RESPONSE_FORMATS,
            forbid_unspecified_additional_properties=strict,
        )
        for strict in (True, False)
    }
    templates = [_template(spec, template, item) for template, item in spec["paths"].items()]
    _load_seconds = time.perf_counter() - started
    return _Compiled(spec, request_validator, response_validators, templates)


def _compiled() -> _Compiled:
    with _lock:  # client tests send from several threads; load once
        return _compiled_cached()


def _template(spec: dict, template: str, path_item: dict) -> _Template:
    segments = template.strip("/").split("/")
    pattern = "".join(
        f"/(?P<{segment[1:-1]}>[^/]+)" if segment.startswith("{") else "/" + re.escape(segment)
        for segment in segments
    )
    uuid_variables = set()
    for parameter in _parameters(spec, path_item, *(path_item.get(m, {}) for m in HTTP_METHODS)):
        if parameter.get("in") == "path" and parameter.get("schema", {}).get("format") == "uuid":
            uuid_variables.add(parameter["name"])
    return _Template(
        template,
        re.compile(f"^{pattern}$"),
        sum(not segment.startswith("{") for segment in segments),
        frozenset(uuid_variables),
        path_item,
    )


def _parameters(spec: dict, *holders: dict) -> list[dict]:
    found = []
    for holder in holders:
        for parameter in holder.get("parameters", []):
            if "$ref" in parameter:
                parameter = spec["components"]["parameters"][parameter["$ref"].rsplit("/", 1)[1]]
            found.append(parameter)
    return found


# --- routing ----------------------------------------------------------------------------------


def _route(method: str, url: str) -> _Route | None:
    """The spec operation for this call, None for identity endpoints; raises if there is none."""
    method = method.lower()
    path = urlsplit(url).path
    label = f"{method.upper()} {path}"
    if ACCOUNTING_PREFIX not in path:
        if IDENTITY_PATH.search(path):
            return None
        raise ContractViolation(label, "request", [Fault("url", f"{ACCOUNTING_PREFIX} is not in the path")])
    accounting_path = path.split(ACCOUNTING_PREFIX, 1)[1]

    candidates = []
    for template in _compiled().templates:
        match = template.regex.match(accounting_path)
        if match is None:
            continue
        variables = {name: unquote(value) for name, value in match.groupdict().items()}
        guid_fits = sum(bool(GUID.match(variables[name])) for name in template.uuid_variables)
        guid_misfits = len(template.uuid_variables) - guid_fits
        candidates.append(((template.literal_segments, -guid_misfits, guid_fits), template, variables))
    if not candidates:
        raise ContractViolation(label, "request", [Fault("url", f"no path in the spec matches {accounting_path}")])
    with_method = [c for c in candidates if method in c[1].path_item]
    if not with_method:
        allowed = sorted({m.upper() for c in candidates for m in HTTP_METHODS if m in c[1].path_item})
        raise ContractViolation(label, "request", [Fault("method", f"the spec allows only {allowed} here")])
    _, template, variables = max(with_method, key=lambda candidate: candidate[0])
    operation = template.path_item[method]
    return _Route(operation["operationId"], method, template.template, variables, operation, template.path_item)


# --- adapters to openapi-core's Request / Response protocols -----------------------------------


def _headers(headers: Any) -> Headers:
    if headers is None:
        return Headers()
    if hasattr(headers, "multi_items"):  # httpx.Headers
        return Headers(list(headers.multi_items()))
    if isinstance(headers, Mapping):
        return Headers(list(headers.items()))
    return Headers(list(headers))


class _OpenAPIRequest:
    def __init__(self, route: _Route, url: str, headers: Headers, body: bytes | None):
        self.method = route.method
        self.host_url = SPEC_SERVER
        self.path = ACCOUNTING_PREFIX + route.template
        self.path_pattern = self.path
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(parse_qsl(urlsplit(url).query, keep_blank_values=True)),
            header=headers,
            path=dict(route.path_variables),
        )
        self.body = body or None
        self.content_type = headers.get("Content-Type", "")


class _OpenAPIResponse:
    def __init__(self, status: int, headers: Headers, body: bytes | None):
        self.status_code = status
        self.headers = headers
        self.data = body or None
        self.content_type = headers.get("Content-Type", "")


# --- the two checks ---------------------------------------------------------------------------


def validate_request(method: str, url: str, headers: Any, body_bytes: bytes | None) -> str | None:
    """Check one request; return its operationId (None for identity endpoints, which are skipped).

    ``headers`` may be a dict, ``httpx.Headers`` or a list of pairs. Raises ContractViolation.
    """
    route = _route(method, url)
    if route is None:
        return None
    headers = _headers(headers)
    request = _OpenAPIRequest(route, url, headers, body_bytes)
    faults = [fault for error in _compiled().request_validator.iter_errors(request) for fault in _faults(error)]
    faults = _bare_element(route, body_bytes) + faults
    faults += _query_parameters(route, request)
    faults += _accept_header(route, headers)
    if faults:
        raise ContractViolation(route.label, "request", faults)
    return route.operation_id


def validate_response(
    method: str, url: str, status: int, headers: Any, body_bytes: bytes | None, *, strict_fields: bool = True
) -> str | None:
    """Check one response to ``method url``; return its operationId (None for identity endpoints).

    ``strict_fields=False`` allows properties the spec does not declare (the spec's own default).
    Raises ContractViolation.
    """
    route = _route(method, url)
    if route is None:
        return None
    headers = _headers(headers)
    faults = _rate_limit_headers(status, headers)
    gateway_faults = _gateway_problem(status, body_bytes)
    if gateway_faults is not None:
        faults += gateway_faults
    elif str(status) in route.operation["responses"]:
        request = _OpenAPIRequest(route, url, Headers(), None)
        response = _OpenAPIResponse(status, headers, body_bytes)
        validator = _compiled().response_validators[strict_fields]
        faults += [fault for error in validator.iter_errors(request, response) for fault in _faults(error)]
    elif status not in XERO_UNDECLARED_ERROR_STATUSES:
        declared = ", ".join(route.operation["responses"])
        faults.append(Fault("status", f"{status} is neither declared ({declared}) nor a documented Xero error"))
    if faults:
        raise ContractViolation(route.label, f"response {status}", faults)
    return route.operation_id


# --- checks openapi-core does not make ---------------------------------------------------------


def _query_parameters(route: _Route, request: _OpenAPIRequest) -> list[Fault]:
    """Undeclared names fail; booleans must be literally true/false (openapi-core also takes yes/1)."""
    declared = {
        p["name"]: p.get("schema", {})
        for p in _parameters(load_spec(), route.path_item, route.operation)
        if p["in"] == "query"
    }
    faults = []
    for name, value in request.parameters.query.items(multi=True):
        if name not in declared:
            faults.append(Fault(f"query '{name}'", f"not a parameter of {route.operation_id}; it takes {sorted(declared)}"))
        elif declared[name].get("type") == "boolean" and value not in ("true", "false"):
            faults.append(Fault(f"query '{name}'", f"{value!r} is not 'true' or 'false'"))
    return faults


def _bare_element(route: _Route, body_bytes: bytes | None) -> list[Fault]:
    """A body that is one element instead of the {"Invoices": [...]} wrapper the spec declares."""
    content = route.operation.get("requestBody", {}).get("content", {}).get("application/json", {})
    wrapper = content.get("schema", {}).get("$ref", "").rsplit("/", 1)[-1]
    schema = load_spec()["components"]["schemas"].get(wrapper, {})
    if "x-objectArrayKey" not in schema or wrapper not in schema.get("properties", {}):
        return []
    try:
        document = json.loads(body_bytes or b"null")
    except ValueError:
        return []
    if isinstance(document, dict) and wrapper not in document:
        return [Fault("body $", f'the spec wants {{"{wrapper}": [...]}}; this looks like a bare element')]
    return []


def _accept_header(route: _Route, headers: Headers) -> list[Fault]:
    wanted = set()
    for code, response in route.operation["responses"].items():
        if code.startswith("2") and "$ref" not in response:
            wanted |= set(response.get("content", {}))
    if not wanted:
        return []
    accepted = {part.split(";")[0].strip().lower() for part in headers.get("Accept", "").split(",")}
    if accepted & wanted:
        return []
    return [Fault("header 'Accept'", f"must name {' or '.join(sorted(wanted))}: Xero answers XML otherwise")]


GATEWAY_PROBLEM_FIELDS = {"Type", "Title", "Status", "Detail", "Instance", "Extensions"}


def _gateway_problem(status: int, body_bytes: bytes | None) -> list[Fault] | None:
    """Faults of a 400 in the gateway's problem shape; None when the body is not one (quirk 16)."""
    if status != 400:
        return None
    try:
        document = json.loads(body_bytes or b"null")
    except ValueError:
        return None
    if not isinstance(document, dict) or "ErrorNumber" in document or not {"Title", "Detail"} <= set(document):
        return None
    faults = [Fault(f"body $.{name}", "not a field of Xero's problem responses") for name in sorted(set(document) - GATEWAY_PROBLEM_FIELDS)]
    if document.get("Status") != status:
        faults.append(Fault("body $.Status", f"{document.get('Status')!r} should be {status}"))
    for name in ("Title", "Detail"):
        if not isinstance(document[name], str):
            faults.append(Fault(f"body $.{name}", f"{document[name]!r} is not a string"))
    return faults


def _rate_limit_headers(status: int, headers: Headers) -> list[Fault]:
    faults = []
    for name in RATE_LIMIT_HEADERS + ("Retry-After",):
        value = headers.get(name)
        if value is not None and not value.strip().isdigit():
            faults.append(Fault(f"header '{name}'", f"{value!r} is not a non-negative integer"))
    if status == 429:
        for name in ("Retry-After", "X-Rate-Limit-Problem"):
            if not headers.get(name):
                faults.append(Fault(f"header '{name}'", "Xero sends it with every 429"))
    return faults


# --- turning openapi-core errors into faults --------------------------------------------------


def _faults(error: BaseException) -> list[Fault]:
    where = _where(error)
    if where == "header 'Authorization'":  # openapi-core's message drops the provider's
        return [Fault(where, f"must be 'Bearer <access token>' (the spec's OAuth2 scheme); {error.__cause__}")]
    cause = error.__cause__
    schema_errors = getattr(cause, "schema_errors", None) or getattr(error, "schema_errors", None)
    if schema_errors:
        return [_schema_fault(where, schema_error) for schema_error in schema_errors]
    message = str(cause) if cause is not None else str(error)
    return [Fault(where, _short(message))]


def _where(error: BaseException) -> str:
    name = getattr(error, "name", None)
    location = getattr(error, "location", None)
    if location and name:
        return f"{location} '{name}'"
    if name:  # response headers
        return f"header '{name}'"
    kind = type(error).__name__
    if "Security" in kind:
        return "header 'Authorization'"
    if "Body" in kind or "Data" in kind:
        return "body"
    return "request"


def _schema_fault(where: str, schema_error: Any) -> Fault:
    path = "$" + "".join(
        f"[{part}]" if isinstance(part, int) else f".{part}" for part in getattr(schema_error, "absolute_path", ())
    )
    message = getattr(schema_error, "message", str(schema_error))
    for marker, hint in FORMAT_HINTS.items():
        if message.endswith(f"is not a {marker}"):
            message = f"{message} ({hint})"
    location = f"{where} {path}" if where == "body" else (where if path == "$" else f"{where} {path}")
    return Fault(location, _short(message))


def _short(message: str, limit: int = 400) -> str:
    message = " ".join(message.split())
    return message if len(message) <= limit else message[: limit - 1] + "…"
