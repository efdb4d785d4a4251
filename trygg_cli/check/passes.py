"""Passes: what the features take out of a file once the core has read it.

:func:`trygg_cli.check.check_source` reads a file once (bytes → text → YAML tree with
positions → model object) into a :class:`ParsedFile` and hands it to each pass it was
given. A pass is a small picklable object (it travels to worker processes) with a
``name`` (its output is kept in :attr:`FileResult.outputs` under it), a ``fingerprint``
(what it would compute differently; part of the cache key) and ``run``. The core knows
no feature: lint, due and render each bring their own pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from trygg_cli.findings import YamlPath

if TYPE_CHECKING:
    from yaml.nodes import Node

    from trygg_cli.model import Document


@dataclass
class ParsedFile:
    """One trygg file as the core read it, handed to every pass.

    ``text`` is always there; ``root`` and ``data`` when the YAML could be read;
    ``kind`` when it names a kind trygg knows; ``document`` when it is a valid document.
    """

    path: str
    text: str
    root: Node | None = None
    data: Any = None
    kind: str | None = None
    document: Document | None = None

    def where(self, loc: YamlPath, *, at_key: bool = False) -> tuple[int, int]:
        """The 1-based line and column of ``loc`` in the file."""
        from trygg_cli.yamlload import locate

        line, column = locate(self.root, loc, at_key=at_key)
        return line + 1, column + 1


class Pass(Protocol):
    """What a feature runs on every file it loads (see the module docstring)."""

    name: ClassVar[str]
    # True when the output only serves the workspace's own findings (references), so a
    # run's findings can stand for it in the cache.
    findings_only: ClassVar[bool]

    def fingerprint(self) -> str:
        """What makes this pass's output differ, for the cache key (stable across runs)."""
        ...

    def run(self, parsed: ParsedFile) -> Any:
        """This pass's output for one file; ``None`` keeps nothing."""
        ...


Passes = Sequence[Pass]


@dataclass(frozen=True)
class KeepDocument:
    """Keeps the model object of every valid document (render, diff, init/new)."""

    name: ClassVar[str] = "document"
    findings_only: ClassVar[bool] = False

    def fingerprint(self) -> str:
        return self.name

    def run(self, parsed: ParsedFile) -> Document | None:
        return parsed.document


@dataclass(frozen=True)
class CollectReferences:
    """Collects the references a valid document makes; the workspace resolves them.

    Each distinct target once (a :class:`~trygg_cli.check.results.Target`), without
    where it is written: finding that costs more than the rest of the pass, and only the
    few references that point at nothing need it. ``placed`` gives every reference with
    its place (a :class:`~trygg_cli.check.results.Ref`): the workspace reads such a file
    again with it.
    """

    name: ClassVar[str] = "references"
    findings_only: ClassVar[bool] = True
    placed: bool = False

    def fingerprint(self) -> str:
        return f"{self.name}-placed" if self.placed else self.name

    def run(self, parsed: ParsedFile) -> list[Any] | None:
        if parsed.document is None or parsed.root is None:
            return None
        from trygg_cli.check.references import references, targets

        if self.placed:
            return list(references(parsed.document, parsed.path, parsed.root))
        return targets(parsed.document)


KEEP_DOCUMENT = KeepDocument()
REFERENCES = CollectReferences()
PLACED_REFERENCES = CollectReferences(placed=True)
