"""`recon rehearse`: the whole sync on a copy of the books — the real workspace and the real Xero
organisation untouched, the rehearsal's own post-sync report written in the copy."""

import hashlib
import re

from typer.testing import CliRunner

from recon.cli import app
from sample_world import START, sample_workspace
from sync.sandbox import Sandbox
from tests.push.push_world import SANDBOX, sample_state


def digest(folder) -> dict[str, str]:
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file() and "rehearsal" not in path.parts}


def test_a_rehearsal_pushes_into_a_copy_and_leaves_the_real_books_alone(tmp_path):
    with Sandbox.start(sample_state(), SANDBOX) as real_xero:
        workspace = sample_workspace(tmp_path, real_xero)
        before = digest(workspace)
        real_xero.request_log.clear()
        result = CliRunner().invoke(app, ["rehearse", "-w", str(workspace), "--from", str(START)], env={})
        assert "Traceback" not in result.output, result.output
        assert result.exit_code == 0, result.output
        assert len(real_xero.request_log) == 0, "the real organisation is not even read"
    assert digest(workspace) == before, "the real workspace is untouched"
    assert "verified: every pushed record is in Xero once, totals exact" in result.output
    report = re.search(r"post-sync report: (\S+)", result.output).group(1)
    assert "/rehearsal/" in report and "INV10011" in open(report, encoding="utf-8").read()
    assert "nothing was written to the real workspace or to Xero" in result.output
