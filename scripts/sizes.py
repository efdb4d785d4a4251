"""The largest modules and function bodies in trygg_cli/, and a check of their limits.

    python scripts/sizes.py                 # the 10 largest of each
    python scripts/sizes.py --top 20
    python scripts/sizes.py --check         # exit 1 when a module or a body is too long

How things are measured:

* A module's size is its number of lines, blank lines and comments included.
* A function's body runs from its first statement (its docstring, if it has one) to its
  last line: ``end_lineno - body[0].lineno + 1``. The ``def`` line, a signature spread over
  several lines and the decorators do not count; blank lines and comments inside do.
  Methods and nested functions are measured too, each on its own (a nested function's
  lines also count in the function around it), and named ``Class.method`` or
  ``outer.inner``.

``--check`` lists every module over ``--max-module-lines`` (default 400) and every body
over ``--max-body-lines`` (default 60).
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "trygg_cli"


class Size(NamedTuple):
    """How many lines ``name`` (a module's path, or a function's path:line and name) has."""

    lines: int
    name: str


def _sources(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def _shown(path: Path, folder: Path) -> str:
    return path.relative_to(folder.parent).as_posix()


def module_sizes(folder: Path) -> list[Size]:
    """Every module under ``folder`` with its number of lines, largest first."""
    sizes = [
        Size(len(path.read_text(encoding="utf-8").splitlines()), _shown(path, folder))
        for path in _sources(folder)
    ]
    return sorted(sizes, key=lambda size: (-size.lines, size.name))


def _functions(
    node: ast.AST, prefix: str = ""
) -> Iterator[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
            yield prefix + child.name, child
            yield from _functions(child, f"{prefix}{child.name}.")
        elif isinstance(child, ast.ClassDef):
            yield from _functions(child, f"{prefix}{child.name}.")
        else:
            yield from _functions(child, prefix)


def body_lines(function: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """The lines of ``function``'s body: from its first statement to its last line."""
    end = function.end_lineno if function.end_lineno is not None else function.lineno
    return end - function.body[0].lineno + 1


def function_sizes(folder: Path) -> list[Size]:
    """Every function and method under ``folder`` with its body's lines, largest first."""
    sizes = []
    for path in _sources(folder):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for name, function in _functions(tree):
            where = f"{_shown(path, folder)}:{function.lineno} {name}"
            sizes.append(Size(body_lines(function), where))
    return sorted(sizes, key=lambda size: (-size.lines, size.name))


def _table(title: str, sizes: Sequence[Size]) -> str:
    rows = [f"{size.lines:6}  {size.name}" for size in sizes]
    return "\n".join([title, *rows]) if rows else f"{title} none"


def main(argv: Sequence[str] | None = None) -> int:
    """Print the largest modules and bodies, or with ``--check`` those over the limits;
    returns the exit code (1: something is over a limit)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=PACKAGE)
    parser.add_argument("--top", type=int, default=10, metavar="N", help="how many of each")
    parser.add_argument("--check", action="store_true", help="list what is over the limits")
    parser.add_argument("--max-module-lines", type=int, default=400, metavar="N")
    parser.add_argument("--max-body-lines", type=int, default=60, metavar="N")
    options = parser.parse_args(argv)
    modules = module_sizes(options.folder)
    functions = function_sizes(options.folder)
    if not options.check:
        print(_table("Largest modules (lines):", modules[: options.top]))
        print()
        print(_table("Largest function bodies (lines):", functions[: options.top]))
        return 0
    long_modules = [size for size in modules if size.lines > options.max_module_lines]
    long_bodies = [size for size in functions if size.lines > options.max_body_lines]
    if not long_modules and not long_bodies:
        print(
            f"No module over {options.max_module_lines} lines, "
            f"no function body over {options.max_body_lines} lines."
        )
        return 0
    print(_table(f"Modules over {options.max_module_lines} lines:", long_modules))
    print()
    print(_table(f"Function bodies over {options.max_body_lines} lines:", long_bodies))
    return 1


if __name__ == "__main__":
    sys.exit(main())
