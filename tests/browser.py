"""Open a report in headless Chromium (Debian's, through Playwright) and record what it does.

`Chromium()` is a context manager around one browser with a fresh profile; `open_report(path)`
loads a file:// URL and returns a `ReportPage` holding every console message, page error,
dialog and network request. Anything that is not the report file itself is aborted and recorded,
so a test can assert the report works offline. Playwright's own browser download is never used:
if /usr/bin/chromium is missing it is installed with apt-get, once, under a file lock so that
parallel pytest-xdist workers wait for each other.
"""

import fcntl
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Dialog, Page, Request, Route, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
INSTALL_LOCK = Path(tempfile.gettempdir()) / "recon-chromium-install.lock"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def ensure_chromium() -> Path:
    """Install Debian's chromium if it is missing (we run as root in CI); one installer at a time."""
    with open(INSTALL_LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not CHROMIUM.exists():
            subprocess.run(["apt-get", "update"], check=True, capture_output=True)
            subprocess.run(["apt-get", "install", "-y", "chromium"], check=True, capture_output=True)
    return CHROMIUM


@dataclass
class ReportPage:
    page: Page
    console: list[tuple[str, str]] = field(default_factory=list)  # (type, text)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)  # every URL other than the report itself
    dialogs: list[str] = field(default_factory=list)  # alert/confirm/prompt messages

    @property
    def console_problems(self) -> list[tuple[str, str]]:
        return [(kind, text) for kind, text in self.console if kind in ("error", "warning")]

    def screenshot(self, path: Path) -> Path:
        self.page.screenshot(path=str(path), full_page=True)
        return path


class Chromium:
    def __init__(self):
        self._profile = None
        self._playwright = None
        self._context = None

    def __enter__(self) -> "Chromium":
        executable = ensure_chromium()
        self._profile = tempfile.mkdtemp(prefix="recon-chromium-profile-")
        self._playwright = sync_playwright().start()
        self._context = self._playwright.chromium.launch_persistent_context(
            self._profile,
            executable_path=str(executable),
            headless=True,
            args=ARGS,
            viewport={"width": 1280, "height": 900},
        )
        return self

    def __exit__(self, *exc_info) -> None:
        self._context.close()
        self._playwright.stop()
        shutil.rmtree(self._profile, ignore_errors=True)

    def open_report(self, path: Path, *, javascript: bool = True) -> ReportPage:
        url = Path(path).resolve().as_uri()
        page = self._context.new_page()
        if not javascript:
            session = self._context.new_cdp_session(page)
            session.send("Emulation.setScriptExecutionDisabled", {"value": True})
        report = ReportPage(page=page)

        def on_dialog(dialog: Dialog) -> None:
            report.dialogs.append(dialog.message)
            dialog.dismiss()

        def on_request(request: Request) -> None:
            if request.url != url:
                report.requests.append(request.url)

        def only_the_report(route: Route) -> None:
            if route.request.url == url:
                route.continue_()
            else:
                route.abort()

        page.on("console", lambda message: report.console.append((message.type, message.text)))
        page.on("pageerror", lambda error: report.page_errors.append(str(error)))
        page.on("dialog", on_dialog)
        page.on("request", on_request)
        page.on("websocket", lambda socket: report.requests.append(socket.url))
        page.route("**/*", only_the_report)
        page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")
        return report
