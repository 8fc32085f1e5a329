"""/_sandbox/: the standalone server's controls — arm and clear faults, read the request log,
move the clock forward, download the state (the same document `--state` saves)."""

from __future__ import annotations

from dataclasses import asdict

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from sync.sandbox import xerojson
from sync.sandbox.faults import Fault
from sync.sandbox.services import Services
from sync.sandbox.statefile import dump_state

FAULT_FIELDS = ("kind", "path", "method", "times", "probability", "status", "text", "problem", "retry_after",
                "seconds")


async def list_faults(request: Request) -> Response:
    services: Services = request.app.state.services
    return JSONResponse([fault.to_json() for fault in services.faults.armed()])


async def add_fault(request: Request) -> Response:
    """POST /_sandbox/faults {"kind": "status", "status": 503, "text": "Service Unavailable", "times": 2, ...}"""
    services: Services = request.app.state.services
    try:
        spec = await request.json()
        fault = Fault(**{key: value for key, value in spec.items() if key in FAULT_FIELDS})
    except (ValueError, TypeError) as error:
        return JSONResponse({"error": str(error)}, status_code=400)
    return JSONResponse(services.faults.add(fault).to_json(), status_code=201)


async def clear_faults(request: Request) -> Response:
    request.app.state.services.faults.clear()
    return Response(status_code=204)


async def request_log(request: Request) -> Response:
    services: Services = request.app.state.services
    return JSONResponse([asdict(entry) for entry in services.request_log.entries()])


async def state(request: Request) -> Response:
    services: Services = request.app.state.services
    return Response(xerojson.dumps(dump_state(services.state)), media_type="application/json")


async def advance_clock(request: Request) -> Response:
    """POST /_sandbox/clock {"advance": seconds}: tokens expire, windows roll, keys lapse."""
    services: Services = request.app.state.services
    try:
        seconds = float((await request.json())["advance"])
    except (ValueError, KeyError, TypeError):
        return JSONResponse({"error": 'send {"advance": seconds}'}, status_code=400)
    services.clock.advance(seconds)
    return JSONResponse({"now": services.clock.now().isoformat()})
