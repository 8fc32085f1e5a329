"""HTTP routes of the identity side: /connect/token, /connect/revocation,
/identity/connect/authorize and /connections."""

from __future__ import annotations

import base64
import binascii
from urllib.parse import parse_qsl, unquote_plus

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response

from sync.sandbox import responses
from sync.sandbox.identity import OAuthError, Unauthorized
from sync.sandbox.services import Services


async def _form(request: Request) -> dict[str, str]:
    """An `application/x-www-form-urlencoded` body (the OAuth2 endpoints take nothing else)."""
    return dict(parse_qsl((await request.body()).decode("utf-8", "replace"), keep_blank_values=True))


def _basic(request: Request) -> tuple[str, str] | None:
    header = request.headers.get("authorization", "")
    if not header.startswith("Basic "):
        return None
    try:
        client_id, _, secret = base64.b64decode(header[6:]).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return ("", "")
    return unquote_plus(client_id), unquote_plus(secret)


async def token(request: Request) -> Response:
    services: Services = request.app.state.services
    form = await _form(request)
    try:
        with services.state.lock:
            body = services.identity.token(form, _basic(request))
    except OAuthError as error:
        return JSONResponse({"error": error.code}, status_code=error.status)
    return JSONResponse(body, headers={"Cache-Control": "no-store", "Pragma": "no-cache"})


async def revocation(request: Request) -> Response:
    services: Services = request.app.state.services
    form = await _form(request)
    try:
        with services.state.lock:
            services.identity.revoke(form, _basic(request))
    except OAuthError as error:
        return JSONResponse({"error": error.code}, status_code=error.status)
    return Response(status_code=200)


async def authorize(request: Request) -> Response:
    services: Services = request.app.state.services
    try:
        with services.state.lock:
            location = services.identity.authorize(dict(request.query_params))
    except OAuthError as error:
        return PlainTextResponse(f"Sorry, something went wrong: {error.code}", status_code=400)
    return RedirectResponse(location, status_code=302)


async def connections(request: Request) -> Response:
    services: Services = request.app.state.services
    try:
        access = services.identity.check(request.headers.get("authorization"))
    except Unauthorized as refusal:
        return responses.xero_json(refusal.status, refusal.body())
    with services.state.lock:
        return JSONResponse(services.identity.list_connections(access, request.query_params.get("authEventId")))


async def delete_connection(request: Request) -> Response:
    services: Services = request.app.state.services
    try:
        access = services.identity.check(request.headers.get("authorization"))
    except Unauthorized as refusal:
        return responses.xero_json(refusal.status, refusal.body())
    with services.state.lock:
        deleted = services.identity.delete_connection(access, request.path_params["connection_id"])
    return Response(status_code=204) if deleted else responses.not_found()
