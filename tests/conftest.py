"""Fixtures shared by every test folder."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    """The read-only shared/ folder: $RECON_SHARED, else beside the repository (as CI lays it out)."""
    return Path(os.environ.get("RECON_SHARED", REPO.parent / "shared"))


@pytest.fixture
def sample_export(tmp_path: Path) -> Path:
    """A writable copy of the sample business's export (shared/ is read-only)."""
    target = tmp_path / "export"
    shutil.copytree(shared_dir() / "petmanager-export" / "sample", target)
    for path in target.iterdir():
        path.chmod(0o644)
    return target


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium per test process (Playwright's sync API allows one at a time)."""
    from tests.browser import Chromium  # the repository root is on sys.path (pyproject: pythonpath)

    with Chromium() as browser:
        yield browser


@pytest.fixture
def open_report(chromium):
    """`open_report(path, javascript=True) -> ReportPage`: the report loaded in headless Chromium,
    offline; its page is closed after the test."""
    opened = []

    def open_(path, **options):
        report = chromium.open_report(path, **options)
        opened.append(report)
        return report

    yield open_
    for report in opened:
        report.page.close()
