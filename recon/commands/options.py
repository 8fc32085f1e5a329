"""Options shared by several commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

WorkspaceOption = Annotated[
    Optional[Path],
    typer.Option("--workspace", "-w", help="The workspace folder (default: the current folder).", show_default=False),
]
