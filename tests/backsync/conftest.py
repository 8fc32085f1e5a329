import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from recon.demo.pipeline import run_demo


@pytest.fixture(scope="module")
def small_demo(tmp_path_factory):
    """A small demo business (size 0.2: enough for credit allocations in the window): its workspace (snapshots taken, codes mapped, checked) and its Xero state."""
    return run_demo(tmp_path_factory.mktemp("backsync") / "demo", seed=7, size=0.2, say=lambda _: None)


@pytest.fixture
def workspace(small_demo, tmp_path) -> Path:
    """A private copy of the demo's workspace, so each test starts from the same books."""
    copy = tmp_path / "workspace"
    shutil.copytree(small_demo.workspace, copy)
    return copy


@pytest.fixture
def xero_state(small_demo) -> dict:
    return json.loads(small_demo.sandbox_state.read_text(encoding="utf-8"), parse_float=Decimal)
