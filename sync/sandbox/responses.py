"""Xero's response shapes: the envelope around records, the error bodies, plain-text answers."""

from __future__ import annotations

import uuid
from datetime import datetime

from starlette.responses import PlainTextResponse, Response

from sync.sandbox import xerojson

NOT_FOUND_TEXT = "The resource you're looking for cannot be found"


def xero_json(status: int, body, headers: dict[str, str] | None = None) -> Response:
    return Response(xerojson.dumps(body), status_code=status, headers=headers,
                    media_type="application/json; charset=utf-8")


def envelope(body: dict, now: datetime, provider: str) -> dict:
    """Xero wraps every accounting answer: {"Id", "Status", "ProviderName", "DateTimeUTC", ...}."""
    return {"Id": str(uuid.uuid4()), "Status": "OK", "ProviderName": provider,
            "DateTimeUTC": xerojson.msdate(now, offset=False), **body}


def api_exception(error_number: int, kind: str, message: str) -> dict:
    return {"ErrorNumber": error_number, "Type": kind, "Message": message}


def problem(status: int, title: str, detail: str) -> dict:
    """The gateway's error shape (used by Xero for 401, 403 and other non-validation errors)."""
    return {"Type": None, "Title": title, "Status": status, "Detail": detail, "Instance": str(uuid.uuid4()),
            "Extensions": {}}


def not_found() -> Response:
    return PlainTextResponse(NOT_FOUND_TEXT, status_code=404)


class TruncatedResponse(Response):
    """Sends the headers (with the full Content-Length) and part of the body, then breaks the
    connection: the server committed, the client never learns it."""

    async def __call__(self, scope, receive, send) -> None:
        await send({"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers})
        await send({"type": "http.response.body", "body": self.body[: len(self.body) // 2], "more_body": True})
        raise ConnectionDropped("fault injection: connection dropped after commit")


class ConnectionDropped(Exception):
    """Raised to make the server abort the connection mid-response (filtered from its log)."""
