"""Running the sandbox: `Sandbox.start(...)` serves it from a thread on 127.0.0.1 for tests and
`recon demo`; `Sandbox.serve(...)` runs it in the foreground for `recon sandbox serve`."""

from __future__ import annotations

import logging
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import uvicorn

from sync.sandbox.app import build_app
from sync.sandbox.clock import Clock
from sync.sandbox.config import SandboxConfig
from sync.sandbox.defaults import default_state
from sync.sandbox.responses import ConnectionDropped
from sync.sandbox.services import Services
from sync.sandbox.statefile import dump_state, load_state, read_state_file, write_state_file

HOST = "127.0.0.1"


class _HideDeliberateDrops(logging.Filter):
    """The server logs an aborted response as an error; a drop we injected is not one."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], ConnectionDropped))


logging.getLogger("uvicorn.error").addFilter(_HideDeliberateDrops())


class Sandbox:
    """A local Xero: identity, connections and the Accounting API on one base URL.

    Attributes: `base_url` (use it as XERO_BASE_URL, XERO_IDENTITY_URL and XERO_LOGIN_URL),
    `client_id`, `client_secret` (the first client's), `tenant_ids` (that client's
    organisations), `tenant_id` (the first), `faults`, `request_log`, `clock`, `config`."""

    def __init__(self, state: None | Path | str | dict = None, config: SandboxConfig = SandboxConfig()) -> None:
        if state is None:
            document = default_state()
        elif isinstance(state, dict):
            document = state
        else:
            document = read_state_file(Path(state))
        self.config = config
        self.services = Services.create(load_state(document, Clock(config.clock_offset_seconds).now()), config)
        self.app = build_app(self.services)
        self.port: int | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        client = next(iter(self.services.state.clients.values()))
        self.client_id = client.client_id
        self.client_secret = client.client_secret
        self.tenant_ids = list(client.tenant_ids)
        self.tenant_id = self.tenant_ids[0] if self.tenant_ids else None
        self.faults = self.services.faults
        self.request_log = self.services.request_log
        self.clock = self.services.clock

    @classmethod
    @contextmanager
    def start(cls, state: None | Path | str | dict = None, config: SandboxConfig = SandboxConfig(),
              port: int = 0) -> Iterator["Sandbox"]:
        """Serve from a background thread on 127.0.0.1 (port 0: any free port) until the block ends."""
        sandbox = cls(state, config)
        sandbox._run_in_thread(port)
        try:
            yield sandbox
        finally:
            sandbox._stop()

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def state_document(self) -> dict:
        """The state file document, as `dump` writes it (dates still as Python values)."""
        return dump_state(self.services.state)

    def dump(self, path: Path | str) -> None:
        write_state_file(self.services.state, Path(path))

    def serve(self, port: int, on_ready=None) -> None:
        """Run in the foreground until interrupted (Ctrl-C)."""
        self._server = uvicorn.Server(self._uvicorn_config(port))
        if on_ready is not None:
            threading.Thread(target=self._announce, args=(on_ready,), daemon=True).start()
        self._server.run()

    def _announce(self, on_ready) -> None:
        while not self._server.started:
            time.sleep(0.02)
        self.port = self._server.servers[0].sockets[0].getsockname()[1]
        on_ready(self)

    def _uvicorn_config(self, port: int) -> uvicorn.Config:
        return uvicorn.Config(self.app, host=HOST, port=port, log_config=None, log_level="warning",
                              lifespan="off", access_log=False)

    def _run_in_thread(self, port: int) -> None:
        self._server = uvicorn.Server(self._uvicorn_config(port))
        self._thread = threading.Thread(target=self._server.run, name="xero-sandbox", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the Xero sandbox did not start")
            time.sleep(0.01)
        self.port = self._server.servers[0].sockets[0].getsockname()[1]

    def _stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
