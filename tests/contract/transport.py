"""httpx transports that check every Xero accounting request and response against the spec.

Build the client under test with one of these wrapped around its real transport::

    import httpx
    from contract.transport import ContractCheckingTransport  # tests/ is on sys.path (tests/conftest.py)

    checked = ContractCheckingTransport(httpx.HTTPTransport(), raise_at_once=False)
    with httpx.Client(transport=checked) as http:
        ...  # drive recon's Xero client against the sandbox
    checked.assert_clean()  # or: assert checked.failures == []

``raise_at_once=True`` (the default) raises ``ContractViolation`` (an AssertionError) from inside
``httpx.Client.send``: the nearest traceback, but a client that catches broad exceptions (a retry
loop) may swallow or retry it. ``raise_at_once=False`` records every violation in ``failures`` and
lets the traffic flow; assert at the end. ``operations`` counts the operationIds seen, so a test
can also assert which parts of the API it exercised.

Identity traffic (``/connect/token``, ``/connections``) passes through unchecked; it is not in
the accounting spec. A request that fails its check is still sent in collect mode, so the test
sees what the server makes of it; in raise mode it is not sent.
"""

from __future__ import annotations

import collections
import threading

import httpx

from .xero_spec import ContractViolation, validate_request, validate_response


class _ContractChecks:
    def __init__(self, raise_at_once: bool = True, strict_fields: bool = True):
        self.raise_at_once = raise_at_once
        self.strict_fields = strict_fields
        self.failures: list[ContractViolation] = []
        self.operations: collections.Counter[str] = collections.Counter()
        self._lock = threading.Lock()

    def _check_request(self, request: httpx.Request) -> None:
        self._run(
            validate_request,
            request.method,
            str(request.url),
            request.headers,
            request.content,
        )

    def _check_response(self, request: httpx.Request, response: httpx.Response) -> None:
        self._run(
            validate_response,
            request.method,
            str(request.url),
            response.status_code,
            response.headers,
            response.content,
            strict_fields=self.strict_fields,
        )

    def _run(self, check, *args, **kwargs) -> None:
        try:
            operation = check(*args, **kwargs)
        except ContractViolation as violation:
            if self.raise_at_once:
                raise
            with self._lock:
                self.failures.append(violation)
            return
        if operation is not None and check is validate_request:
            with self._lock:
                self.operations[operation] += 1

    def assert_clean(self) -> None:
        """Raise one AssertionError listing every violation collected so far."""
        if self.failures:
            details = "\n\n".join(str(failure) for failure in self.failures)
            raise AssertionError(f"{len(self.failures)} Xero contract violation(s):\n\n{details}")


class ContractCheckingTransport(_ContractChecks, httpx.BaseTransport):
    """Wraps a sync httpx transport; checks each request before and each response after it."""

    def __init__(self, inner: httpx.BaseTransport, *, raise_at_once: bool = True, strict_fields: bool = True):
        super().__init__(raise_at_once=raise_at_once, strict_fields=strict_fields)
        self.inner = inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self._check_request(request)
        response = self.inner.handle_request(request)
        response.read()  # httpx keeps the bytes: the client reads them again for free
        self._check_response(request, response)
        return response

    def close(self) -> None:
        self.inner.close()


class AsyncContractCheckingTransport(_ContractChecks, httpx.AsyncBaseTransport):
    """The same for an async httpx transport."""

    def __init__(self, inner: httpx.AsyncBaseTransport, *, raise_at_once: bool = True, strict_fields: bool = True):
        super().__init__(raise_at_once=raise_at_once, strict_fields=strict_fields)
        self.inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        self._check_request(request)
        response = await self.inner.handle_async_request(request)
        await response.aread()
        self._check_response(request, response)
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()
