"""The list of command modules. Each module exposes `register(app)`."""

from __future__ import annotations

import importlib

import typer

MODULES: list[str] = ["demo", "init", "connect", "sandbox", "snapshot", "map", "check", "resolve", "sync", "status", "rehearse", "audit"]


def register(app: typer.Typer) -> None:
    for name in MODULES:
        importlib.import_module(f"recon.commands.{name}").register(app)
