"""Where a schedule is written: 1-based line and column of a YAML path in a document's file.

The workspace keeps documents but not node trees, and parsing every file again costs
seconds on a national corpus. :func:`scan` finds a path in block-style YAML by
indentation alone (what every trygg document and the schedules in it look like); when it
cannot (flow style, quoted keys, anything unusual) the file is parsed and
:func:`trygg_cli.yamlload.locate` answers, as for findings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from trygg_cli.findings import YamlPath

if TYPE_CHECKING:
    from trygg_cli.workspace import Workspace

Positions = Callable[[str, YamlPath], tuple[str, int, int]]
"""``(doc_id, yaml_path) -> (path, line, column)``, 1-based, of a node in the source."""


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


_State = tuple[int, int, int, "tuple[int, int] | None"]


def scan(
    lines: Sequence[str], loc: YamlPath, memo: dict[YamlPath, _State] | None = None
) -> tuple[int, int] | None:
    """0-based (line, column) of the key (or list item) at ``loc``, or None if unsure.

    Like ``locate(..., at_key=True)``: a mapping step answers with its key's position, a
    list step with the item's first character after ``- ``.
    """
    lo, hi = 0, len(lines)
    column = 0
    found: tuple[int, int] | None = None
    done = 0
    if memo is not None:
        for cut in range(len(loc), 0, -1):
            state = memo.get(loc[:cut])
            if state is not None:
                lo, hi, column, found = state
                done = cut
                break
    for step, part in enumerate(loc[done:], done + 1):
        if isinstance(part, str):
            prefix = part + ":"
            for i in range(lo, hi):
                line = lines[i]
                if line[column:].startswith(prefix) and (
                    not line[:column].strip() or (i == lo and line[:column].strip("- ") == "")
                ):
                    break
                if i > lo and _content(line) and _indent(line) < column:
                    return None
            else:
                return None
            found = (i, column)
            rest = lines[i][column + len(prefix) :].split("#", 1)[0].strip()
            lo = i + 1
            first = _first_content(lines, lo, hi)
            dash = (
                first is not None
                and _indent(lines[first]) == column
                and lines[first][column:].startswith("-")
            )
            hi = _block_end(lines, lo, hi, column, dash)
            if first is not None and first >= hi:
                first = None
            if rest or first is None:
                lo, hi = hi, hi  # inline value: nothing deeper can be found by indentation
                column = 1 << 30
            else:
                column = _indent(lines[first])
        else:
            items = [
                j
                for j in range(lo, hi)
                if _indent(lines[j]) == column and lines[j][column:].startswith("-")
            ]
            if part >= len(items) or not items or items[0] != _first_content(lines, lo, hi):
                return None
            start = items[part]
            stop = items[part + 1] if part + 1 < len(items) else hi
            after = lines[start][column + 1 :]
            if after.strip() and not after.lstrip().startswith("#"):
                column = column + 1 + _indent(after)
                found = (start, column)
                lo, hi = start, stop
            else:
                first = next((j for j in range(start + 1, stop) if _content(lines[j])), None)
                if first is None:
                    return None
                column = _indent(lines[first])
                found = (first, column)
                lo, hi = first, stop
        if memo is not None:
            memo[loc[:step]] = (lo, hi, column, found)
    return found


def _first_content(lines: Sequence[str], lo: int, hi: int) -> int | None:
    return next((j for j in range(lo, hi) if _content(lines[j])), None)


def _block_end(lines: Sequence[str], lo: int, hi: int, column: int, dash: bool) -> int:
    """The first line from ``lo`` that is content indented ``column`` or less (with
    ``dash``, a list written at the key's own indentation continues the block)."""
    for j in range(lo, hi):
        line = lines[j]
        if _content(line):
            indent = _indent(line)
            if indent < column or (
                indent == column and not (dash and line[column:].startswith("-"))
            ):
                return j
    return hi


def workspace_positions(workspace: Workspace) -> Positions:
    """A :data:`Positions` for a workspace loaded with ``keep_documents=True``: each file
    is read again (and split into lines) the first time one of its documents is asked for."""
    paths = {r.document.id: r.path for r in workspace.results if r.document is not None}
    texts: dict[str, list[str] | None] = {}
    memos: dict[str, dict[YamlPath, _State]] = {}

    def position(doc_id: str, yaml_path: YamlPath) -> tuple[str, int, int]:
        path = paths.get(doc_id, "")
        if path not in texts:
            raw = workspace.read(path) if path else None
            texts[path] = raw.decode("utf-8", "replace").splitlines() if raw is not None else None
        lines = texts[path]
        if lines is None:
            return path, 1, 1
        where = scan(lines, yaml_path, memos.setdefault(path, {}))
        if where is None:
            where = _parsed(lines, yaml_path)
        return path, where[0] + 1, where[1] + 1

    return position


def _parsed(lines: Sequence[str], yaml_path: YamlPath) -> tuple[int, int]:
    from trygg_cli.yamlload import YamlError, load, locate

    try:
        root = load("\n".join(lines)).root
    except YamlError:
        return 0, 0
    return locate(root, yaml_path, at_key=True)
