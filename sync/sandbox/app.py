"""The Starlette application: identity routes, the Accounting API, the /_sandbox/ controls,
wrapped in the request log."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.routing import Route

from sync.sandbox import admin, identity_routes
from sync.sandbox.accounting import accounting_endpoint
from sync.sandbox.requestlog import RequestLogMiddleware
from sync.sandbox.services import Services


def build_app(services: Services) -> RequestLogMiddleware:
    app = Starlette(routes=[
        Route("/connect/token", identity_routes.token, methods=["POST"]),
        Route("/connect/revocation", identity_routes.revocation, methods=["POST"]),
        Route("/identity/connect/authorize", identity_routes.authorize, methods=["GET"]),
        Route("/connections", identity_routes.connections, methods=["GET"]),
        Route("/connections/{connection_id}", identity_routes.delete_connection, methods=["DELETE"]),
        Route("/api.xro/2.0/{path:path}", accounting_endpoint, methods=["GET", "PUT", "POST", "DELETE"]),
        Route("/_sandbox/faults", admin.list_faults, methods=["GET"]),
        Route("/_sandbox/faults", admin.add_fault, methods=["POST"]),
        Route("/_sandbox/faults", admin.clear_faults, methods=["DELETE"]),
        Route("/_sandbox/requests", admin.request_log, methods=["GET"]),
        Route("/_sandbox/state", admin.state, methods=["GET"]),
        Route("/_sandbox/clock", admin.advance_clock, methods=["POST"]),
    ])
    app.state.services = services
    return RequestLogMiddleware(app, services.request_log)
