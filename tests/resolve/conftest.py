"""One small demo business for every test here (built once), and a fresh copy of its workspace
for each test, so that each test starts with the check run and no decisions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from recon.commands import check, resolve
from recon.demo.pipeline import DemoOutcome, run_demo
from recon.workspace import Workspace


@pytest.fixture(scope="session")
def demo(tmp_path_factory) -> DemoOutcome:
    return run_demo(tmp_path_factory.mktemp("resolve") / "demo", seed=5, size=0.2, say=lambda s: None)


@pytest.fixture
def ws(demo: DemoOutcome, tmp_path: Path) -> Workspace:
    target = tmp_path / "workspace"
    shutil.copytree(demo.workspace, target)
    return Workspace(target)


@pytest.fixture(scope="session")
def app() -> typer.Typer:
    """The commands these tests use, as the recon app registers them."""
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """recon"""

    check.register(app)
    resolve.register(app)
    return app


@pytest.fixture
def recon(app, ws):
    """Run `recon <args> -w <workspace>` in-process; returns click's Result."""

    def run(*args: str, input: str | None = None):
        return CliRunner().invoke(app, [*args, "-w", str(ws.root)], input=input)

    return run
