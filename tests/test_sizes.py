"""scripts/sizes.py measures modules and function bodies as its docstring says.

Measured on small synthetic packages, not on trygg_cli/ itself: these tests check the
measuring, not today's sizes of the tree.
"""

from __future__ import annotations

import importlib.util
import textwrap
from pathlib import Path
from types import ModuleType

import pytest
from helpers import ROOT


def _sizes_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("sizes", ROOT / "scripts" / "sizes.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


sizes = _sizes_module()

# Body lines, by the docstring's rule (first statement to last line):
#   decorated: 4 (docstring, blank line, comment, return); the decorator, the def line
#              and the signature's second line do not count
#   Thing.method: 2; outer: 4, of which outer.inner: 1
SOURCE = '''\
import functools


@functools.cache
def decorated(a: int,
              b: int) -> int:
    """A docstring counts."""

    # So do blank lines and comments inside.
    return a + b


class Thing:
    def method(self) -> None:
        x = 1
        del x


def outer() -> int:
    def inner() -> int:
        return 1
    y = inner()
    return y
'''


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    package = tmp_path / "pkg"
    for name, text in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return package


def _body(lines: int) -> str:
    statements = "".join(f"    x{i} = {i}\n" for i in range(lines - 1))
    return f"def f() -> int:\n{statements}    return 0\n"


def test_modules_are_counted_in_lines_largest_first(tmp_path: Path) -> None:
    package = _package(
        tmp_path, {"a.py": "x = 1\n", "sub/b.py": "# one\n\nx = 3\n", "c.py": SOURCE}
    )
    (package / "notes.txt").write_text("not python\n" * 900, encoding="utf-8")
    assert sizes.module_sizes(package) == [
        (len(SOURCE.splitlines()), "pkg/c.py"),
        (3, "pkg/sub/b.py"),
        (1, "pkg/a.py"),
    ]


def test_bodies_start_at_the_first_statement_and_include_nested_functions(
    tmp_path: Path,
) -> None:
    package = _package(tmp_path, {"m.py": SOURCE})
    assert sizes.function_sizes(package) == [
        (4, "pkg/m.py:19 outer"),
        (4, "pkg/m.py:5 decorated"),
        (2, "pkg/m.py:14 Thing.method"),
        (1, "pkg/m.py:20 outer.inner"),
    ]


def test_the_report_shows_the_top_n_of_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = _package(tmp_path, {"m.py": SOURCE, "a.py": _body(70), "b.py": "x = 1\n"})
    assert sizes.main([str(package), "--top", "2"]) == 0
    assert capsys.readouterr().out == (
        "Largest modules (lines):\n"
        "    71  pkg/a.py\n"
        f"{len(SOURCE.splitlines()):6}  pkg/m.py\n"
        "\n"
        "Largest function bodies (lines):\n"
        "    70  pkg/a.py:1 f\n"
        "     4  pkg/m.py:19 outer\n"
    )


def test_check_lists_everything_over_the_limits_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = _package(
        tmp_path,
        {
            "at_limit.py": _body(60),  # 61 lines, a body of exactly 60: both within
            "over.py": _body(61),
            "long.py": "x = 1\n" * 401,
        },
    )
    assert sizes.main([str(package), "--check"]) == 1
    assert capsys.readouterr().out == (
        "Modules over 400 lines:\n"
        "   401  pkg/long.py\n"
        "\n"
        "Function bodies over 60 lines:\n"
        "    61  pkg/over.py:1 f\n"
    )


def test_check_passes_within_the_limits_given_as_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = _package(tmp_path, {"a.py": _body(61), "long.py": "x = 1\n" * 401})
    options = ["--max-module-lines", "401", "--max-body-lines", "61"]
    assert sizes.main([str(package), "--check", *options]) == 0
    assert capsys.readouterr().out == (
        "No module over 401 lines, no function body over 61 lines.\n"
    )
    assert sizes.main([str(package), "--check", "--max-body-lines", "60"]) == 1
    assert capsys.readouterr().out == (
        "Modules over 400 lines:\n"
        "   401  pkg/long.py\n"
        "\n"
        "Function bodies over 60 lines:\n"
        "    61  pkg/a.py:1 f\n"
    )
