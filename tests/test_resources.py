"""schemas/ and templates/ are found from a source checkout and from an installed wheel."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from helpers import ROOT

from trygg_cli import resources


def test_found_in_the_source_checkout() -> None:
    assert resources.schemas_dir() == ROOT / "schemas"
    assert resources.templates_dir() == ROOT / "templates"


def test_found_inside_an_installed_wheel(tmp_path: Path) -> None:
    if shutil.which("hatchling") is None and not _importable("hatchling"):
        pytest.skip("hatchling (the build backend) is not installed")
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    [wheel] = (tmp_path / "dist").glob("trygg-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "trygg_cli/schemas/agreement.schema.json" in names
    assert "trygg_cli/templates/agreement.html.j2" in names
    assert "trygg_cli/templates/style.css" in names
    assert "trygg_cli/render/engine.py" in names
    assert "trygg_cli/locale/sv/LC_MESSAGES/trygg.mo" in names
    assert "trygg_cli/templates/init/github-trygg.yml.j2" in names
    assert "trygg_cli/data/municipalities.csv" in names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = "from trygg_cli import resources; print(resources.schemas_dir()); print(resources.templates_dir())"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(site), "PATH": ""},
        cwd=tmp_path,
        check=True,
    )
    assert out.stdout.split() == [
        str(site / "trygg_cli" / "schemas"),
        str(site / "trygg_cli" / "templates"),
    ]
    # The installed wheel renders with its own templates exactly as the checkout does.
    shutil.copytree(ROOT / "examples" / "goteborg", tmp_path / "examples" / "goteborg")
    rendered = subprocess.run(
        [
            sys.executable,
            "-m",
            "trygg_cli",
            "render",
            "examples/goteborg",
            "-f",
            "markdown",
            "--stamp-date",
            "2026-01-01",
        ],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(site), "PATH": "", "XDG_CACHE_HOME": str(tmp_path)},
        cwd=tmp_path,
    )
    assert rendered.returncode == 0, rendered.stderr
    golden = Path(__file__).parent / "golden" / "render" / "goteborg-central-2018.md"
    assert rendered.stdout == golden.read_text(encoding="utf-8")


def _importable(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None
