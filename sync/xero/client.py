"""The Xero Accounting API client: reads with paging, writes in batches, retries only where safe.

Reads (GET) are retried on network failures, 429 and 5xx. Writes carry an `Idempotency-Key`
and are retried only with that same key and only while Xero still remembers it (it replays the
first answer for 6 minutes); when retries run out after an attempt whose outcome is unknown
(connection dropped, timeout, 5xx), `WriteOutcomeUnknown` tells the caller to look the records
up by their natural key before sending them again.

Everything is paced by a per-organisation `RateLimiter`. Nothing here is specific to the local
sandbox: the client talks to any server that speaks Xero's API.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import nullcontext
from datetime import datetime
from pathlib import Path

import httpx
from tenacity import Retrying, retry_if_exception_type

from sync.xero import jsonio
from sync.xero.auth import CONNECT_AGAIN, RefreshingTokens, token_source
from sync.xero.clock import Clock, SystemClock
from sync.xero.dates import format_if_modified_since
from sync.xero.entities import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    batch_limit,
    entity as entity_named,
    takes_summarize_errors,
    write_key,
)
from sync.xero.errors import (
    XeroAuthError,
    XeroConfigError,
    XeroError,
    XeroRequestError,
    XeroUnavailable,
    WriteOutcomeUnknown,
)
from sync.xero.limits import RateLimiter
from sync.xero.results import ElementResult, element_results, error_message, rejected_results
from sync.xero.retries import Retryable, RetryBudget, retry_after, wait_before_next
from sync.xero.settings import XeroSettings
from sync.xero.tokens import TokenStore, default_token_store

log = logging.getLogger(__name__)

TIMEOUT = httpx.Timeout(connect=10.0, read=120.0, write=60.0, pool=60.0)
MAX_BATCH_BYTES = 3_500_000
IDS_PER_CALL = 50
MAX_KEY_LENGTH = 128
USER_AGENT = "recon (Pet Manager to Xero sync)"


class XeroClient:
    def __init__(
        self,
        settings: XeroSettings,
        tenant_id: str | None = None,
        token_store: TokenStore | None = None,
        transport: httpx.BaseTransport | None = None,
        *,
        clock: Clock | None = None,
        limiter: RateLimiter | None = None,
        lock_dir: Path | None = None,
    ):
        self.settings = settings
        self._clock = clock or SystemClock()
        store = token_store if token_store is not None else default_token_store()
        self._tokens = token_source(settings, store, transport=transport, clock=self._clock, lock_dir=lock_dir)
        self._limiter = limiter or RateLimiter(self._clock)
        self._http = httpx.Client(
            transport=transport, timeout=TIMEOUT, headers={"Accept": "application/json", "User-Agent": USER_AGENT}
        )
        self._tenant_id = tenant_id

    def __enter__(self) -> XeroClient:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def __repr__(self) -> str:
        return f"XeroClient(base_url={self.settings.base_url!r}, tenant_id={self._tenant_id!r})"

    # --- organisations -------------------------------------------------------------------

    def connections(self) -> list[dict]:
        """The organisations this sign-in may use (`GET /connections`): tenantId, tenantName, ..."""
        response = self._request("GET", self.settings.connections_url, tenant=False)
        return _json(response, self.settings.connections_url)

    @property
    def tenant_id(self) -> str:
        """The organisation to work on: as given, else the one chosen at `recon connect`, else the only one."""
        if self._tenant_id is None:
            saved = self._tokens.tenant_ids if isinstance(self._tokens, RefreshingTokens) else ()
            if len(saved) == 1:
                self._tenant_id = saved[0]
            else:
                self._tenant_id = self._only_connection()
        return self._tenant_id

    def _only_connection(self) -> str:
        found = self.connections()
        if not found:
            raise XeroAuthError(f"No Xero organisation is connected to this app; {CONNECT_AGAIN}")
        if len(found) > 1:
            names = ", ".join(f"{c.get('tenantName')} ({c.get('tenantId')})" for c in found)
            raise XeroConfigError(f"Several Xero organisations are connected ({names}); say which one to use.")
        return found[0]["tenantId"]

    # --- reads ---------------------------------------------------------------------------

    def iter_records(
        self,
        entity: str,
        *,
        modified_since: datetime | None = None,
        where: str | None = None,
        params: dict[str, str] | None = None,
        include_archived: bool = False,
        page_size: int = MAX_PAGE_SIZE,
        on_page: Callable[[int, int], None] | None = None,
    ) -> Iterator[dict]:
        """Every record of `entity`, page by page where Xero pages (with line items), else one GET.

        `modified_since` is sent as If-Modified-Since where the endpoint takes it; the others are
        always read whole. `on_page(page_number, records_in_page)` is called after each page.
        """
        spec = entity_named(entity)
        if include_archived and not spec.include_archived:
            raise ValueError(f"{entity} has no includeArchived option")
        if not 1 <= page_size <= MAX_PAGE_SIZE:
            raise ValueError(f"page_size must be between 1 and {MAX_PAGE_SIZE}")
        query = dict(params or {})
        if where:
            query["where"] = where
        if include_archived:
            query["includeArchived"] = "true"
        headers = {}
        if modified_since is not None and spec.modified_since:
            headers["If-Modified-Since"] = format_if_modified_since(modified_since)
        url = f"{self.settings.accounting_url}/{spec.name}"

        if not spec.paged:
            records = self._get(url, query, headers).get(spec.key) or []
            if on_page:
                on_page(1, len(records))
            yield from records
            return

        expected = DEFAULT_PAGE_SIZE
        if spec.page_size:
            query["pageSize"] = str(page_size)
            expected = page_size
        page = 1
        while True:
            body = self._get(url, {**query, "page": str(page)}, headers)
            records = body.get(spec.key) or []
            if on_page:
                on_page(page, len(records))
            yield from records
            pagination = body.get("pagination") or {}
            if not records:
                return
            if pagination.get("pageCount") is not None:
                if page >= int(pagination["pageCount"]):
                    return
            elif len(records) < expected:
                return
            page += 1

    def get_by_ids(self, entity: str, ids: Sequence[str]) -> list[dict]:
        """The records with these IDs (archived ones included), asking for 50 at a time."""
        spec = entity_named(entity)
        if not spec.ids:
            raise ValueError(f"{entity} cannot be read by IDs")
        unique = list(dict.fromkeys(ids))
        found: list[dict] = []
        for start in range(0, len(unique), IDS_PER_CALL):
            chunk = unique[start : start + IDS_PER_CALL]
            found.extend(self.iter_records(entity, params={"IDs": ",".join(chunk)}, include_archived=True))
        return found

    def read(self, path: str, params: dict[str, str] | None = None) -> dict:
        """One GET under the Accounting API, e.g. `CreditNotes/<id>` (with its Allocations) or
        `ContactGroups/<id>` (with its Contacts): Xero's answer; {} when the record does not exist."""
        url = f"{self.settings.accounting_url}/{path.strip('/')}"
        try:
            return self._get(url, dict(params or {}), {})
        except XeroRequestError as error:
            if error.status == 404:
                return {}
            raise

    # --- writes --------------------------------------------------------------------------

    def write(
        self, entity: str, elements: Sequence[dict], *, method: str = "PUT", idempotency_key: str,
        params: dict[str, str] | None = None,
    ) -> list[ElementResult]:
        """Send one batch (at most 50 elements, under 3.5 MB) and return one result per element.

        `entity` is the path under the Accounting API: `Invoices`, `Contacts`, `Payments`,
        `CreditNotes/<id>/Allocations`, `ContactGroups/<id>/Contacts`, ... PUT creates, POST
        creates or updates. Endpoints without `summarizeErrors` take one element per call, but for
        `ContactGroups/<id>/Contacts` (all or nothing). `params` adds query parameters, e.g.
        `{"unitdp": "4"}` for 4-decimal unit prices on invoices and credit notes.
        """
        method = method.upper()
        summarize = takes_summarize_errors(entity, method)
        limit = batch_limit(entity, method)
        if not 0 < len(elements) <= limit:
            raise ValueError(f"{method} {entity} takes 1 to {limit} elements per call, not {len(elements)}")
        if not idempotency_key or len(idempotency_key) > MAX_KEY_LENGTH:
            raise ValueError(f"an Idempotency-Key of 1 to {MAX_KEY_LENGTH} characters is required")
        key = write_key(entity)
        content = jsonio.dumps({key: list(elements)})
        if len(content) >= MAX_BATCH_BYTES:
            raise ValueError(f"the batch is {len(content)} bytes; Xero takes less than {MAX_BATCH_BYTES}")
        url = f"{self.settings.accounting_url}/{entity.strip('/')}"
        response = self._request(
            method,
            url,
            params={**(params or {}), **({"summarizeErrors": "false"} if summarize else {})} or None,
            headers={"Idempotency-Key": idempotency_key, "Content-Type": "application/json"},
            content=content,
            write_of=(entity, idempotency_key),
        )
        body = _json_or_text(response)
        if response.status_code == 400:
            return rejected_results(body if isinstance(body, dict) else {"Message": body}, len(elements))
        results = element_results((body or {}).get(key) or [], len(elements)) if isinstance(body, dict) else None
        if results is None:
            raise WriteOutcomeUnknown(entity, idempotency_key, "the answer does not list one result per element")
        return results

    def write_all(
        self, entity: str, elements: Sequence[dict], *, method: str = "PUT", idempotency_key: str
    ) -> list[ElementResult]:
        """`write` in as many batches as needed, keyed `{idempotency_key}-1`, `-2`, ...; indexes span the list."""
        results: list[ElementResult] = []
        for number, (start, batch) in enumerate(self._batches(entity, elements, method.upper()), start=1):
            for result in self.write(entity, batch, method=method, idempotency_key=f"{idempotency_key}-{number}"):
                results.append(ElementResult(start + result.index, result.ok, result.record, result.errors))
        return results

    def _batches(self, entity: str, elements: Sequence[dict], method: str) -> Iterator[tuple[int, list[dict]]]:
        limit = batch_limit(entity, method)
        overhead = len(jsonio.dumps({write_key(entity): []}))
        batch: list[dict] = []
        start = size = 0
        for index, element in enumerate(elements):
            element_size = len(jsonio.dumps(element)) + 1
            if batch and (len(batch) == limit or overhead + size + element_size >= MAX_BATCH_BYTES):
                yield start, batch
                batch, start, size = [], index, 0
            batch.append(element)
            size += element_size
        if batch:
            yield start, batch

    # --- one request, with the retries that are safe -------------------------------------

    def _get(self, url: str, params: dict, headers: dict) -> dict:
        response = self._request("GET", url, params=params, headers=headers)
        if response.status_code == 304:
            return {}
        body = _json(response, url)
        if not isinstance(body, dict):
            raise XeroConfigError(f"{url} did not answer like Xero's Accounting API; check XERO_BASE_URL.")
        return body

    def _request(
        self,
        method: str,
        url: str,
        *,
        params: dict | None = None,
        headers: dict | None = None,
        content: bytes | None = None,
        tenant: bool = True,
        write_of: tuple[str, str] | None = None,
    ) -> httpx.Response:
        headers = {**(headers or {}), "xero-tenant-id": self.tenant_id} if tenant else (headers or {})
        budget = RetryBudget(self._clock, is_write=write_of is not None)
        refreshed: list[str] = []

        def attempt() -> httpx.Response:
            try:
                return self._attempt(method, url, params, headers, content, tenant, write_of, refreshed)
            except Retryable as failure:
                budget.failures.append(failure)
                log.info("Xero %s %s failed: %s", method, _path(url), failure.reason)
                raise

        retrying = Retrying(
            retry=retry_if_exception_type(Retryable),
            stop=budget,
            wait=wait_before_next,
            sleep=self._clock.sleep,
            reraise=True,
        )
        try:
            return retrying(attempt)
        except XeroError as error:
            if budget.outcome_unknown:
                # An earlier attempt may have committed: that matters more than why we stopped.
                raise WriteOutcomeUnknown(write_of[0], write_of[1], str(error)) from error
            raise
        except Retryable as last:
            if budget.outcome_unknown:
                raise WriteOutcomeUnknown(write_of[0], write_of[1], last.reason) from None
            raise XeroUnavailable(
                f"Xero did not answer {method} {_path(url)} after {len(budget.failures)} attempts ({last.reason}); "
                f"try again later."
            ) from None

    def _attempt(self, method, url, params, headers, content, tenant, write_of, refreshed) -> httpx.Response:
        token = self._tokens.access_token()
        request_headers = {**headers, "Authorization": f"Bearer {token}"}
        try:
            with self._limiter.slot() if tenant else nullcontext():
                response = self._http.request(method, url, params=params, headers=request_headers, content=content)
                if tenant:
                    self._limiter.observe(response.headers)
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as error:
            raise Retryable(f"could not connect: {type(error).__name__}") from None
        except httpx.TransportError as error:
            raise Retryable(f"connection lost: {type(error).__name__}", unknown=True) from None
        log.debug("Xero %s %s -> %s", method, _path(url), response.status_code)
        return self._check(response, token, tenant, write_of, refreshed)

    def _check(self, response: httpx.Response, token: str, tenant: bool, write_of, refreshed) -> httpx.Response:
        status = response.status_code
        if status < 300 or status == 304 or (status == 400 and write_of is not None):
            return response
        message = error_message(_json_or_text(response))
        if status == 401:
            if not refreshed:
                refreshed.append(token)
                self._tokens.invalidate(token)
                raise Retryable("access token refused", wait=0.0)
            hint = CONNECT_AGAIN if isinstance(self._tokens, RefreshingTokens) else "check the custom connection."
            raise XeroAuthError(f"Xero refused the access token ({message}); {hint}")
        if status == 403:
            where = f"organisation {self._tenant_id}" if tenant else "the organisation list"
            raise XeroAuthError(
                f"Xero refused access to {where} ({message}); run `recon connections` to see the organisations "
                f"this sign-in can use."
            )
        if status == 429:
            wait = retry_after(response, self._clock)
            if "day" in response.headers.get("X-Rate-Limit-Problem", "").lower():
                raise self._limiter.day_spent(wait if wait is not None else 86400.0)
            wait = 60.0 if wait is None else wait
            self._limiter.pause(wait)
            problem = response.headers.get("X-Rate-Limit-Problem", "no reason given")
            raise Retryable(f"rate limited ({problem})", rate_limited=True, wait=wait)
        if status >= 500:
            wait = retry_after(response, self._clock)
            if wait is not None:
                self._limiter.pause(wait)
            raise Retryable(f"HTTP {status}: {message}", unknown=True, wait=wait)
        if status == 404:
            raise XeroRequestError(404, f"{_path(str(response.request.url))} was not found ({message}); "
                                        f"check XERO_BASE_URL and the record id.")
        raise XeroRequestError(status, message)


def _json(response: httpx.Response, url: str):
    try:
        return jsonio.loads(response.content)
    except ValueError:
        raise XeroConfigError(f"{url} did not answer with JSON; check XERO_BASE_URL.") from None


def _json_or_text(response: httpx.Response):
    try:
        return jsonio.loads(response.content)
    except ValueError:
        return response.text


def _path(url: str) -> str:
    return httpx.URL(url).path
