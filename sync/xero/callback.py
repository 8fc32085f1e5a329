"""A one-shot HTTP listener on this computer that receives the OAuth2 redirect from the browser."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlsplit

from sync.xero.errors import XeroAuthError, XeroConfigError

PAGE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>recon</title></head>"
    "<body style='font-family:sans-serif'><p>{message}</p><p>You can close this window.</p></body></html>"
)


@dataclass(frozen=True)
class Redirect:
    """What arrived at the redirect URI: `code` and `state`, or Xero's `error`."""

    params: dict[str, str]

    def __repr__(self) -> str:
        return f"Redirect(keys={sorted(self.params)})"


class CallbackListener:
    """Listens on the redirect URI's host and port until one request arrives on its path."""

    def __init__(self, redirect_uri: str):
        parts = urlsplit(redirect_uri)
        self._path = parts.path or "/"
        self._received: Redirect | None = None
        self._arrived = threading.Event()
        listener = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                url = urlsplit(self.path)
                if url.path != listener._path or listener._arrived.is_set():
                    self.send_error(404)
                    return
                params = {name: values[0] for name, values in parse_qs(url.query).items()}
                listener._received = Redirect(params)
                listener._arrived.set()
                message = "recon is signed in to Xero." if "code" in params else "Xero did not sign recon in."
                body = PAGE.format(message=message).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args) -> None:
                """Silent: the query string carries the authorization code."""

        try:
            self._server = HTTPServer((parts.hostname or "127.0.0.1", parts.port or 80), Handler)
        except OSError as error:
            raise XeroConfigError(
                f"Cannot listen on {parts.hostname}:{parts.port} for Xero's redirect ({error.strerror}); "
                f"set XERO_REDIRECT_URI to another port registered in your Xero app."
            ) from None
        self._thread = threading.Thread(target=self._server.serve_forever, name="xero-redirect", daemon=True)

    def __enter__(self) -> CallbackListener:
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._server.shutdown()
        self._server.server_close()

    def wait(self, timeout: float) -> Redirect:
        if not self._arrived.wait(timeout):
            raise XeroAuthError(f"No answer from Xero's sign-in page within {timeout:.0f} seconds; run `recon connect` again.")
        assert self._received is not None
        return self._received
