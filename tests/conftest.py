"""Fixtures and pytest hooks; the plain helpers they use are in ``helpers.py``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import GOLDEN, Result, run_cli, write_file


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
        path = GOLDEN / name
        if request.config.getoption("--update-golden"):
            path.write_text(actual, encoding="utf-8")
        assert path.is_file(), f"{path} is missing; run pytest --update-golden and review it"
        assert actual == path.read_text(encoding="utf-8")

    return _check


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """Write a file (text is dedented) under the test's temporary folder."""

    def _write(name: str, content: str | bytes) -> Path:
        return write_file(tmp_path, name, content)

    return _write


@pytest.fixture
def cli() -> Callable[..., Result]:
    """Run ``trygg ARGS`` in-process; returns exit code, stdout and stderr."""
    return run_cli


# Modules that test where the cache lives by default, so run without TRYGG_CACHE_DIR.
_REAL_CACHE_LOCATION = {"test_cache.py"}


@pytest.fixture(autouse=True)
def _cache_outside_the_checkout(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """trygg keeps its result cache in a fresh folder of the test run, so a test that runs
    the CLI on examples/ neither writes ``.trygg-cache/`` into the checkout nor reuses
    another test's results."""
    if request.path.name in _REAL_CACHE_LOCATION:
        monkeypatch.delenv("TRYGG_CACHE_DIR", raising=False)
    else:
        monkeypatch.setenv("TRYGG_CACHE_DIR", str(tmp_path_factory.mktemp("trygg-cache")))


@pytest.fixture(autouse=True, scope="session")
def _private_cache_secret(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The cache's signing secret lives in a folder of the test run, not the user's home."""
    import os

    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("user-cache"))
