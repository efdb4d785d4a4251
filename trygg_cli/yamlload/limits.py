"""The YAML's shape, bounded before libyaml builds a node tree of it: nesting depth (its
composer recurses) and the number of values (each node costs memory; a 7 MB file of
``[[],[],…]`` would take a gigabyte). Cheap upper bounds first; only a file that could be
over a bound has its events counted, which needs no memory per node."""

from __future__ import annotations

from typing import Any

import yaml
from yaml._yaml import CParser
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from trygg_cli.i18n import _

MAX_DEPTH = 64
# Values (scalars, lists, mappings) per file: the largest real document has some 1,000.
MAX_NODES = 50_000


class YamlError(Exception):
    """A located problem with the YAML text itself (0-based line and column)."""

    def __init__(self, rule: str, message: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message
        self.line = line
        self.column = column


def check_shape(text: str) -> None:
    """A located ``yaml-limits`` error when ``text`` nests deeper than :data:`MAX_DEPTH`
    or holds more than :data:`MAX_NODES` values. A syntax error is left to the parser
    that follows, which says it better."""
    # Every value takes a character or more, so a short text is within both bounds as far
    # as the event count goes; its nesting is bounded as the tree is built
    # (:mod:`~trygg_cli.yamlload.build`).
    if len(text) <= MAX_NODES:
        return
    nodes = depth = 0
    try:
        parser: Any = CParser(text)
        while True:
            event: Any = parser.get_event()
            cls = event.__class__
            if cls is ScalarEvent or cls is AliasEvent:
                nodes += 1
            elif cls is MappingStartEvent or cls is SequenceStartEvent:
                nodes += 1
                depth += 1
                if depth > MAX_DEPTH:
                    raise too_deep(event.start_mark.line, event.start_mark.column)
            elif cls is MappingEndEvent or cls is SequenceEndEvent:
                depth -= 1
            elif cls is StreamEndEvent:
                return
            if nodes > MAX_NODES:
                raise _too_many(event.start_mark.line, event.start_mark.column)
    except yaml.YAMLError as exc:  # else a syntax error, which the parser reports
        mark = getattr(exc, "problem_mark", None)
        if "maximum nesting depth" in (getattr(exc, "problem", None) or "") and mark:
            # libyaml ≥ 0.2.5 has its own cap (1000) and its scanner can reach it
            # before our count does when the brackets come all at once.
            raise too_deep(mark.line, mark.column) from None


def too_deep(line: int, column: int) -> YamlError:
    return YamlError(
        "yaml-limits",
        _(
            "the YAML is nested more than {limit} levels deep; trygg documents never need that many"
        ).format(limit=MAX_DEPTH),
        line,
        column,
    )


def _too_many(line: int, column: int) -> YamlError:
    message = _(
        "the file holds more than {limit} values; trygg documents never need that many — "
        "split it up"
    )
    return YamlError("yaml-limits", message.format(limit=MAX_NODES), line, column)
