import subprocess
import sys

from typer.testing import CliRunner

from recon import __version__
from recon.cli import app


def test_version_in_process():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"recon {__version__}"


def test_version_as_subprocess():
    out = subprocess.run([sys.executable, "-m", "recon", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"recon {__version__}"
