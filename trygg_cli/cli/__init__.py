"""The ``trygg`` command line: one module per command under :mod:`.commands`, the typer
app and its one error handler in :mod:`.application`, and every use of typer's private
API in :mod:`.typer_adapter`.

This package imports nothing at start-up, so that ``trygg --help`` can be answered from
:mod:`.helptext` without importing typer; ``app`` and ``main`` are loaded when asked for.
"""

from __future__ import annotations


def __getattr__(name: str) -> object:  # no typing import: it costs start-up time
    if name in ("app", "main"):
        from trygg_cli.cli import application

        return getattr(application, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
