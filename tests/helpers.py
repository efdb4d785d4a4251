"""Shared test helpers: paths of the checkout, a minimal valid agreement, writing files and
running the CLI in-process.

Test modules import these with ``from helpers import ...``; ``conftest.py`` keeps only
fixtures and pytest hooks (pytest puts ``tests/`` on ``sys.path`` for both).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from trygg_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"

MINIMAL_AGREEMENT = """\
trygg: 1
kind: agreement
id: test-lokal
title: Lokal samverkansöverenskommelse
scope: local
municipality: Mölndal
parties:
  - id: stad
    name: Mölndals stad
    type: stad
  - id: polis
    name: Lokalpolisområde Storgöteborg Syd
    type: lokalpolisområde
validity:
  from: 2023-05-01
  until: 2026-12-31
"""


@dataclass(frozen=True)
class Result:
    """What a run of the CLI gave: exit code, stdout and stderr."""

    exit_code: int
    stdout: str
    stderr: str


def write_file(folder: Path, name: str, content: str | bytes) -> Path:
    """Write ``content`` to ``folder/name`` (text is dedented), making folders as needed."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(textwrap.dedent(content), encoding="utf-8")
    return path


def run_cli(*args: str) -> Result:
    """Run ``trygg ARGS`` in-process."""
    outcome = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return Result(outcome.exit_code, outcome.stdout, outcome.stderr)
