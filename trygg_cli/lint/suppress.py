"""``# trygg: ignore[TRY401] reason`` comments: parsed from the source text.

A comment at the end of a line covers that line. A comment on a line of its own covers
the block that follows: the next line and every line indented deeper than it (and the
list items of a key written at the key's own indentation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

_COMMENT = re.compile(r"(?:^|\s)#\s*trygg:\s*ignore\[([^\]]*)\]:?\s*(.*?)\s*$")


@dataclass(frozen=True)
class Suppression:
    """One ignore comment: where it is, the rules it names, its reason and what it covers."""

    line: int  # 1-based line of the comment
    column: int  # 1-based column of the '#'
    rules: tuple[str, ...]
    reason: str
    first: int  # first covered line (1-based)
    last: int  # last covered line (1-based)

    def covers(self, rule: str, line: int) -> bool:
        return rule in self.rules and self.first <= line <= self.last


def parse(text: str) -> list[Suppression]:
    """Every ignore comment in ``text``."""
    if "ignore[" not in text:
        return []
    lines = text.splitlines()
    found = []
    for number, line in enumerate(lines):
        if "ignore[" not in line:
            continue
        match = _COMMENT.search(line)
        if match is None:
            continue
        rules = tuple(r.strip().upper() for r in match.group(1).split(",") if r.strip())
        hash_column = line.index("#", match.start())
        own_line = not line[:hash_column].strip()
        if own_line:
            first, last = _block_after(lines, number)
        else:
            first = last = number + 1
        found.append(Suppression(number + 1, hash_column + 1, rules, match.group(2), first, last))
    return found


def _content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _block_after(lines: list[str], comment: int) -> tuple[int, int]:
    start = next((i for i in range(comment + 1, len(lines)) if _content(lines[i])), None)
    if start is None:
        return comment + 1, comment + 1
    head = lines[start]
    indent = _indent(head)
    head_is_item = head.lstrip().startswith("-")
    end = start
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if not _content(line):
            continue
        deeper = _indent(line) > indent
        same_level_items = (
            _indent(line) == indent and not head_is_item and line.lstrip().startswith("- ")
        )
        if not (deeper or same_level_items):
            break
        end = i
    return start + 1, end + 1


def outside_text(items: list[Suppression], root: Node) -> list[Suppression]:
    """The ignore comments that are YAML comments, not text inside a quoted or block value.

    ``text: |`` followed by a line "Ring 070… # trygg: ignore[TRY402] x" is published
    text, and must not silence the rule that reads it.
    """
    spans: list[tuple[tuple[int, int], tuple[int, int]]] = []
    stack: list[Node] = [root]
    while stack:
        node = stack.pop()
        if node.__class__ is ScalarNode:
            if node.style:  # quoted or block: '#' inside it is text
                start, end = node.start_mark, node.end_mark
                spans.append(((start.line, start.column), (end.line, end.column)))
        elif node.__class__ is MappingNode:
            for key, value in node.value:
                stack.extend((key, value))
        elif node.__class__ is SequenceNode:
            stack.extend(node.value)
    return [
        item
        for item in items
        if not any(start < (item.line - 1, item.column - 1) < end for start, end in spans)
    ]
