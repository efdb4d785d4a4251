"""Shared helpers: write files into a temporary workspace and run the CLI in-process."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from trygg_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

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


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the golden files in tests/golden/ from the current output",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare ``actual`` with tests/golden/NAME; ``--update-golden`` rewrites the file."""

    def _check(name: str, actual: str) -> None:
        path = Path(__file__).resolve().parent / "golden" / name
        if request.config.getoption("--update-golden"):
            path.write_text(actual, encoding="utf-8")
        assert path.is_file(), f"{path} is missing; run pytest --update-golden and review it"
        assert actual == path.read_text(encoding="utf-8")

    return _check


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """Write a file (text is dedented) under the test's temporary folder."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
        return path

    return _write


class Result:
    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr


@pytest.fixture
def cli() -> Callable[..., Result]:
    """Run ``trygg ARGS`` in-process; returns exit code, stdout and stderr."""

    def _run(*args: str) -> Result:
        runner = CliRunner()
        outcome = runner.invoke(app, list(args), catch_exceptions=False)
        return Result(outcome.exit_code, outcome.stdout, outcome.stderr)

    return _run


@pytest.fixture(autouse=True, scope="session")
def _private_cache_secret(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The cache's signing secret lives in a folder of the test run, not the user's home."""
    import os

    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("user-cache"))
