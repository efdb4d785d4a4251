"""The one diagnostic type: every problem trygg reports is a :class:`Finding`."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Literal

from trygg_cli.text import show

__all__ = ["Finding", "Fix", "Severity", "YamlPath", "format_yaml_path", "show"]


class Severity(enum.IntEnum):
    """How serious a finding is; higher is worse."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()


YamlPath = tuple[str | int, ...]


def format_yaml_path(path: YamlPath) -> str:
    """``("bodies", 0, "members")`` → ``bodies[0].members``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


@dataclass(frozen=True)
class Fix:
    """A certain fix for a finding: at ``yaml_path``, the value (``"value"``), the last
    key (``"key"``) or the top-level format marker (``"marker"``) ``old`` becomes ``new``.
    ``trygg validate --fix`` and ``trygg lint --fix`` apply it."""

    yaml_path: YamlPath
    kind: Literal["value", "key", "marker"]
    old: str
    new: str


@dataclass(frozen=True, order=True)
class Finding:
    """A located problem: where (path, 1-based line and column, YAML path), what and how bad.

    Findings sort by file, then position, so reports read top to bottom.
    """

    path: str
    line: int
    column: int
    rule: str
    message: str
    severity: Severity = Severity.ERROR
    yaml_path: YamlPath = field(default=(), compare=False)
    fix: Fix | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The shape documented in docs/json-output.md (version 1)."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "yaml_path": format_yaml_path(self.yaml_path),
            "rule": self.rule,
            "severity": self.severity.label,
            "message": self.message,
        }
