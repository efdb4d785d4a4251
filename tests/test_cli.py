"""The command line: output formats, exit codes, errors without tracebacks, fast --help."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import MINIMAL_AGREEMENT, ROOT


def test_clean_workspace_exits_0(write: Callable[..., Path], tmp_path: Path, cli: Any) -> None:
    write("a.yaml", MINIMAL_AGREEMENT)
    result = cli("validate", str(tmp_path))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "No problems in 1 file.\n"


def test_findings_exit_1_one_line_each(
    write: Callable[..., Path], tmp_path: Path, cli: Any
) -> None:
    path = write("a.yaml", MINIMAL_AGREEMENT.replace("scope: local", "scope: [lokal]"))
    result = cli("validate", str(path))
    assert result.exit_code == 1
    assert result.stdout == (
        f"{path}:5:8: error [wrong-type] 'scope' should be one of: central, local, not a list\n"
    )


def test_messages_with_brackets_are_printed_as_they_are(
    write: Callable[..., Path], cli: Any
) -> None:
    path = write("a.yaml", MINIMAL_AGREEMENT.replace("scope: local", "scope: '[bold]lokal'"))
    result = cli("validate", str(path))
    assert result.stdout == (
        f"{path}:5:8: error [bad-value] '[bold]lokal' is not allowed for 'scope'; use one of: "
        "central, local\n"
    )


def test_json_output_shape(write: Callable[..., Path], tmp_path: Path, cli: Any) -> None:
    path = write("a.yaml", MINIMAL_AGREEMENT.replace("from: 2023-05-01", "from: 2025-13-01"))
    write("notes.yaml", "title: not a trygg file\n")
    result = cli("validate", "--format", "json", str(tmp_path))
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    assert payload == {
        "version": 1,
        "tool": "trygg",
        "findings": [
            {
                "path": str(path),
                "line": 15,
                "column": 9,
                "yaml_path": "validity.from",
                "rule": "bad-date",
                "severity": "error",
                "message": "'2025-13-01' is not a date that exists; check the month (01–12) and the day",
            }
        ],
        "skipped": [str(tmp_path / "notes.yaml")],
        "summary": {
            "files_checked": 1,
            "files_skipped": 1,
            "files_with_findings": 1,
            "errors": 1,
            "warnings": 0,
            "infos": 0,
        },
    }


def test_verbose_lists_skipped_files(write: Callable[..., Path], tmp_path: Path, cli: Any) -> None:
    write("a.yaml", MINIMAL_AGREEMENT)
    write("notes.yml", "x: 1\n")
    result = cli("validate", "-v", str(tmp_path))
    assert f"skipped (not a trygg document): {tmp_path / 'notes.yml'}" in result.stderr


def test_missing_path_exits_2_with_one_line(tmp_path: Path, cli: Any) -> None:
    result = cli("validate", str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert result.stderr == f"error: '{tmp_path / 'nope'}' does not exist\n"


def test_unknown_option_exits_2(cli: Any) -> None:
    assert cli("validate", "--bogus").exit_code == 2


def test_default_path_is_the_current_folder(
    write: Callable[..., Path], tmp_path: Path, cli: Any, monkeypatch: Any
) -> None:
    write("sub/a.yaml", MINIMAL_AGREEMENT.replace("scope: local", "scope: lokal"))
    monkeypatch.chdir(tmp_path)
    result = cli("validate")
    assert result.exit_code == 1
    assert result.stdout.startswith("sub/a.yaml:5:8: error [bad-value]")


def test_internal_error_is_one_line_unless_debug(
    monkeypatch: Any, write: Callable[..., Path], cli: Any
) -> None:
    from trygg_cli import workspace

    def boom(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("kaputt")

    monkeypatch.setattr(workspace, "load_paths", boom)
    path = write("a.yaml", MINIMAL_AGREEMENT)
    result = cli("validate", str(path))
    assert result.exit_code == 2
    assert (
        result.stderr == "internal error: RuntimeError: kaputt — rerun with --debug to see where\n"
    )


def test_help_does_not_import_heavy_modules() -> None:
    code = (
        "import sys\n"
        "from trygg_cli.cli import app\n"
        "try:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('pydantic', 'ruamel', 'jinja2', 'yaml', 'rich') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_top_level_help_and_version_do_not_even_import_typer() -> None:
    code = (
        "import sys\n"
        "from trygg_cli.__main__ import main\n"
        "for argv in (['trygg', '--help'], ['trygg', '-h'], ['trygg', '--version']):\n"
        "    sys.argv = argv\n"
        "    main()\n"
        "print(sorted(m for m in ('typer', 'click', 'pydantic', 'yaml', 'rich') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("Usage: trygg [OPTIONS] COMMAND [ARGS]...\n")
    assert out.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("columns", ["40", "66", "80", "200"])
def test_quick_top_level_help_is_exactly_what_typer_prints(columns: str, lang: str) -> None:
    env = {**os.environ, "COLUMNS": columns, "TRYGG_LANG": lang}
    quick = subprocess.run(
        [sys.executable, "-m", "trygg_cli", "--help"], capture_output=True, text=True, env=env
    )
    # The program name click finds for `python -m trygg_cli`, as the quick help does.
    code = "from trygg_cli.cli import app\napp(['--help'], prog_name='python -m trygg_cli')\n"
    full = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert quick.returncode == full.returncode == 0
    assert quick.stdout == full.stdout


def test_console_script_runs_on_examples() -> None:
    trygg = Path(sys.executable).parent / "trygg"
    out = subprocess.run(
        [str(trygg), "validate", str(ROOT / "examples")], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_version(cli: Any) -> None:
    result = cli("--version")
    assert result.exit_code == 0 and result.stdout.startswith("trygg ")


def test_schema_check_and_write(tmp_path: Path, cli: Any) -> None:
    assert cli("schema", "--check", "-o", str(tmp_path)).exit_code == 1
    assert cli("schema", "-o", str(tmp_path)).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "action-plan.schema.json",
        "agreement.schema.json",
        "citizen-promise.schema.json",
        "follow-up.schema.json",
    ]
    assert cli("schema", "--check", "-o", str(tmp_path)).exit_code == 0


def test_schema_to_unwritable_folder_is_a_clean_error(tmp_path: Path, cli: Any) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = cli("schema", "-o", str(blocker / "sub"))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: cannot write ")
    assert len(result.stderr.splitlines()) == 1


def test_golden_output_for_the_invalid_fixtures(cli: Any, golden: Any, monkeypatch: Any) -> None:
    monkeypatch.chdir(ROOT)
    text = cli("validate", "tests/fixtures/invalid")
    assert text.exit_code == 1
    golden("validate-invalid.txt", text.stdout + text.stderr)
    as_json = cli("validate", "--format", "json", "tests/fixtures/invalid")
    golden("validate-invalid.json", as_json.stdout)


def test_the_console_script_flushes_its_output_and_exit_code(tmp_path: Path) -> None:
    """__main__ ends with os._exit (no slow teardown): output must still arrive whole,
    with the right exit code."""
    import subprocess
    import sys

    (tmp_path / "a.yaml").write_text("trygg: 1\nkind: agreement\nid: Trasig\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "trygg_cli", "validate", "--format", "json", "--no-cache", "a.yaml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert json.loads(done.stdout)["summary"]["errors"] == 6
    ok = subprocess.run(
        [sys.executable, "-m", "trygg_cli", "--version"], capture_output=True, text=True
    )
    assert ok.returncode == 0 and ok.stdout.startswith("trygg ")
    missing = subprocess.run(
        [sys.executable, "-m", "trygg_cli", "validate", "finns-inte"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert missing.returncode == 2 and missing.stderr.startswith("error: ")
