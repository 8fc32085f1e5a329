"""The Accounting API under /api.xro/2.0: every call goes through the same steps, in order —
token, organisation, rate limits, injected faults, idempotency, then the handler for the path.

Handlers run one at a time under the state lock, so a write is atomic and the idempotency
check and the write it guards cannot interleave with another request."""

from __future__ import annotations

import asyncio
import email.utils
from dataclasses import dataclass
from datetime import datetime, timezone
from http import HTTPStatus
from urllib.parse import unquote

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from sync.sandbox import reads, responses, xerojson
from sync.sandbox.allocations import allocator
from sync.sandbox.banking import save_bank_transaction, save_bank_transfer
from sync.sandbox.contacts import save_contact
from sync.sandbox.entities import ENTITIES
from sync.sandbox.identity import Unauthorized
from sync.sandbox.idempotency import MAX_KEY_LENGTH
from sync.sandbox.invoices import save_credit_note, save_invoice
from sync.sandbox.payments import save_payment
from sync.sandbox.services import Services
from sync.sandbox.settings import group_member_saver, remove_member, save_account, save_contact_group, save_item
from sync.sandbox.state import Organisation
from sync.sandbox.writes import WriteContext, elements_of, run_batch

PREFIX = "/api.xro/2.0/"
SAVERS = {
    "Contacts": save_contact, "Invoices": save_invoice, "CreditNotes": save_credit_note, "Payments": save_payment,
    "BankTransactions": save_bank_transaction, "BankTransfers": save_bank_transfer, "Accounts": save_account,
    "Items": save_item, "ContactGroups": save_contact_group,
}
UPDATABLE_BY_ID = ("Contacts", "Invoices", "CreditNotes", "Payments", "BankTransactions", "Accounts", "Items",
                   "ContactGroups")
COLLECTION_NAMES = {name.lower(): name for name in [*ENTITIES, "Organisation"]}
WRITE_METHODS = ("PUT", "POST", "DELETE")
# Xero answers in XML unless asked for JSON; the sandbox speaks only JSON, so it refuses instead.
NOT_JSON = "Send 'Accept: application/json': without it Xero answers in XML, which this sandbox does not speak."


@dataclass(frozen=True)
class Reply:
    status: int
    body: bytes
    media_type: str = "application/json; charset=utf-8"


async def accounting_endpoint(request: Request) -> Response:
    services: Services = request.app.state.services
    try:
        token = services.identity.check(request.headers.get("authorization"))
        tenant_id = services.identity.check_tenant(token, request.headers.get("xero-tenant-id"))
    except Unauthorized as refusal:
        return responses.xero_json(refusal.status, refusal.body(),
                                   {"WWW-Authenticate": 'Bearer error="invalid_token"'} if refusal.status == 401 else None)
    if "application/json" not in request.headers.get("accept", ""):
        return PlainTextResponse(NOT_JSON, status_code=406)
    verdict = services.limiter.admit(tenant_id, token.client_id)
    if verdict.problem:
        return _too_many(verdict.problem, verdict.retry_after, verdict.headers)
    try:
        return await _admitted(request, services, tenant_id, verdict.headers)
    finally:
        services.limiter.release(tenant_id)


async def _admitted(request: Request, services: Services, tenant_id: str, limit_headers: dict) -> Response:
    method, path = request.method, request.url.path
    faults = services.faults.draw(method, path)
    for fault in faults:
        if fault.kind == "latency":
            await asyncio.sleep(fault.seconds)
    for fault in faults:
        if fault.kind == "rate_limit":
            return _too_many(fault.problem, fault.retry_after, limit_headers)
        if fault.kind == "status":
            if fault.text is not None:
                return PlainTextResponse(fault.text, status_code=fault.status, headers=limit_headers)
            return responses.xero_json(fault.status, responses.problem(fault.status, _reason(fault.status),
                                                                      "Injected fault"), limit_headers)
    body = await request.body()
    reply = _handle_locked(services, tenant_id, request, body)
    if any(fault.kind == "drop_after_commit" for fault in faults):
        return responses.TruncatedResponse(reply.body, reply.status, limit_headers, reply.media_type)
    return Response(reply.body, status_code=reply.status, headers=limit_headers, media_type=reply.media_type)


def _handle_locked(services: Services, tenant_id: str, request: Request, body: bytes) -> Reply:
    key = request.headers.get("idempotency-key")
    method = request.method
    with services.state.lock:
        if method not in WRITE_METHODS or not key:
            return _dispatch(services, tenant_id, request, body)
        if len(key) > MAX_KEY_LENGTH:
            return _json_reply(400, responses.problem(400, "Bad Request",
                                                      f"Idempotency-Key must be at most {MAX_KEY_LENGTH} characters"))
        fingerprint = services.idempotency.fingerprint(method, request.url.path, request.url.query, body)
        stored = services.idempotency.recall(tenant_id, key)
        if stored is not None:
            if stored.fingerprint != fingerprint:
                return _json_reply(400, responses.problem(
                    400, "Bad Request", "The Idempotency-Key has already been used with a different request"))
            return Reply(stored.status, stored.body, stored.media_type)
        reply = _dispatch(services, tenant_id, request, body)
        services.idempotency.remember(tenant_id, key, fingerprint, reply.status, reply.body, reply.media_type)
        return reply


def _dispatch(services: Services, tenant_id: str, request: Request, raw_body: bytes) -> Reply:
    org = services.state.organisations[tenant_id]
    parts = [unquote(p) for p in request.url.path[len(PREFIX):].strip("/").split("/") if p]
    collection = COLLECTION_NAMES.get(parts[0].lower()) if parts else None
    if collection is None:
        return _not_found()
    now = services.clock.now()
    params = dict(request.query_params)
    method = request.method
    if method == "GET":
        return _read(services, org, collection, parts, params, request.headers.get("if-modified-since"), now)
    try:
        body = xerojson.loads(raw_body) if raw_body.strip() else {}
    except ValueError:
        return _json_reply(400, responses.api_exception(14, "PostDataInvalidException", "Invalid Json data"))
    ctx = WriteContext(org, now, method, unit_places=4 if params.get("unitdp") == "4" else 2)
    summarize = params.get("summarizeErrors", "true").lower() != "false"
    if method == "DELETE" and collection == "ContactGroups" and len(parts) == 4 and parts[2].lower() == "contacts":
        return _json_reply(204, {}) if remove_member(ctx, parts[1], parts[3]) else _not_found()
    if method not in ("PUT", "POST"):
        return _not_found()
    if len(parts) == 1 and collection in SAVERS and not (collection == "BankTransfers" and method == "POST"):
        return _write(services, ctx, collection, body, SAVERS[collection], summarize, None)
    if len(parts) == 2 and method == "POST" and collection in UPDATABLE_BY_ID:
        if org.get(collection, parts[1]) is None:
            return _not_found()
        return _write(services, ctx, collection, body, SAVERS[collection], summarize,
                      (ENTITIES[collection].id_field, parts[1]))
    if len(parts) == 3 and parts[2].lower() == "allocations" and collection in ("CreditNotes", "Overpayments"):
        if org.get(collection, parts[1]) is None:
            return _not_found()
        return _write(services, ctx, "Allocations", body, allocator(collection, parts[1]), summarize, None)
    if len(parts) == 3 and parts[2].lower() == "contacts" and collection == "ContactGroups" and method == "PUT":
        if org.get(collection, parts[1]) is None:
            return _not_found()
        return _write(services, ctx, "Contacts", body, group_member_saver(parts[1]), summarize, None)
    return _not_found()


def _read(services: Services, org: Organisation, collection: str, parts: list[str], params: dict,
          if_modified_since: str | None, now: datetime) -> Reply:
    provider = services.config.app_name
    if collection == "Organisation":
        return _json_reply(200, responses.envelope({"Organisations": [org.organisation]}, now, provider))
    entity = ENTITIES[collection]
    if len(parts) == 2:
        record = reads.find_record(org, entity, parts[1])
        if record is None:
            return _not_found()
        return _json_reply(200, responses.envelope({collection: [org.table(collection).rendered(record)]},
                                                   now, provider))
    if len(parts) != 1:
        return _not_found()
    try:
        since = _parse_modified_since(if_modified_since)
        body = reads.list_records(org, entity, params, since)
    except (reads.QueryError, ValueError) as error:
        return _json_reply(400, responses.api_exception(16, "QueryParseException", str(error)))
    return _json_reply(200, responses.envelope(body, now, provider))


def _write(services: Services, ctx: WriteContext, collection: str, body, save, summarize: bool,
           path_id: tuple[str, str] | None) -> Reply:
    elements = elements_of(body, collection)
    if not elements:
        return _json_reply(400, responses.api_exception(14, "PostDataInvalidException",
                                                        f"No {collection} were found in the request"))
    if path_id is not None:
        elements = [dict(element, **{path_id[0]: path_id[1]}) for element in elements[:1]]
    status, result = run_batch(ctx, collection, elements, save, summarize)
    if status == 200:
        result = responses.envelope(result, ctx.now, services.config.app_name)
    return _json_reply(status, result)


def _parse_modified_since(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        moment = email.utils.parsedate_to_datetime(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _json_reply(status: int, body) -> Reply:
    return Reply(status, b"" if status == 204 else xerojson.dumps(body))


def _not_found() -> Reply:
    return Reply(404, responses.NOT_FOUND_TEXT.encode(), "text/plain; charset=utf-8")


def _too_many(problem: str, retry_after: int, limit_headers: dict) -> Response:
    headers = {**limit_headers, "Retry-After": str(retry_after), "X-Rate-Limit-Problem": problem}
    return PlainTextResponse("Rate limit exceeded", status_code=429, headers=headers)


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"
