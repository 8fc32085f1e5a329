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
