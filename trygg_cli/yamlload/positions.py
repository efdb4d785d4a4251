"""Positions in a YAML node tree: where a YAML path is written, and where a piece of text
inside a value is (so findings point at the word, not only the line)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from trygg_cli.findings import YamlPath
from trygg_cli.yamlload.build import MAY_RESOLVE, resolve_plain


def locate(root: Node | None, loc: Sequence[str | int], *, at_key: bool = False) -> tuple[int, int]:
    """0-based (line, column) of the node at ``loc`` (pydantic's error location).

    Follows the path as far as the node tree allows and returns the deepest node found, so
    a missing field is reported at its parent mapping. With ``at_key`` the last step
    returns the key's position instead of the value's (for unknown keys).
    """
    if root is None:
        return 0, 0
    node = node_at(root, loc, at_key=at_key)
    return node.start_mark.line, node.start_mark.column


def node_at(root: Node, loc: Sequence[str | int], *, at_key: bool = False) -> Node:
    """The node at ``loc``, or the deepest one the path reaches (see :func:`locate`)."""
    return reach(root, loc, at_key=at_key)[0]


def reach(root: Node, loc: Sequence[str | int], *, at_key: bool = False) -> tuple[Node, bool]:
    """The node at ``loc`` or the deepest one the path reaches, and whether it reached
    the end (so that a path under it can be followed from there).

    Every reference a document makes is located through here (tens of thousands in a
    large workspace), so the walk is one loop: a key as written in a small mapping is
    compared in place, a larger mapping's keys are looked up in a dict kept on its node.
    """
    node = root
    last = len(loc) - 1
    for index, part in enumerate(loc):
        cls = node.__class__
        if cls is MappingNode:
            wanted = part if isinstance(part, str) else str(part)
            pair: tuple[Node, Node] | None = None
            keys: dict[str, tuple[Node, Node]] | None = node.__dict__.get("_trygg_keys")
            if keys is None and len(node.value) <= _SCAN_KEYS:
                # Compare the text first; a key that is its own text when plain (or is
                # quoted) matches as it is, any other is resolved (a key `0x10`, `~`).
                for key_node, value_node in node.value:
                    if (
                        key_node.value == wanted
                        and key_node.__class__ is ScalarNode
                        and (
                            (
                                key_node.tag is None
                                and (key_node.style or wanted[:1] not in MAY_RESOLVE)
                            )
                            or str(_key_text(key_node)) == wanted
                        )
                    ):
                        pair = key_node, value_node
                        break
                else:
                    pair = keys_of(node).get(wanted)
            else:
                pair = (keys if keys is not None else keys_of(node)).get(wanted)
            if pair is None:
                return node, False
            node = pair[0] if (at_key and index == last) else pair[1]
        elif cls is SequenceNode and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
        else:
            return node, False
    return node, True


_SCAN_KEYS = 12
_WORD = re.compile(r"\s*(\S{1,40})")  # the word at an offset, as far as 40 characters


def keys_of(mapping: Node) -> dict[str, tuple[Node, Node]]:
    """The mapping's scalar keys as text → (key node, value node), the first of each.

    Built once per mapping and kept on the node: findings, references and schedules look
    up tens of thousands of paths in a large workspace, mostly through the same mappings.
    A caller that will look up several keys in one mapping builds it at once.
    """
    keys: dict[str, tuple[Node, Node]] | None = mapping.__dict__.get("_trygg_keys")
    if keys is None:
        keys = {}
        for key_node, value_node in mapping.value:
            if key_node.__class__ is ScalarNode:
                text = key_node.value
                if key_node.tag is not None or not (key_node.style or text[:1] not in MAY_RESOLVE):
                    text = str(_key_text(key_node))
                if text not in keys:
                    keys[text] = key_node, value_node
        mapping._trygg_keys = keys  # type: ignore[attr-defined]
    return keys


def _key_text(key_node: ScalarNode) -> Any:
    if key_node.tag is None and not key_node.style:
        return resolve_plain(key_node.value)
    return key_node.value


class Located:
    """A document's node tree and text: turns YAML paths and text offsets into positions."""

    def __init__(self, data: Any, root: Node, text: str) -> None:
        self.data = data
        self.root = root
        self.text = text
        self._lines: list[str] | None = None
        self._strings: list[tuple[YamlPath, ScalarNode, str]] | None = None
        self._found: dict[tuple[int, str], tuple[list[int], list[tuple[int, int]]]] = {}

    def strings(self) -> list[tuple[YamlPath, ScalarNode, str]]:
        """Every text value in the document (not keys), with its YAML path and node."""
        if self._strings is None:
            found: list[tuple[YamlPath, ScalarNode, str]] = []
            _walk(self.data, self.root, (), found)
            self._strings = found
        return self._strings

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self.text.splitlines()
        return self._lines

    def position(self, loc: YamlPath, *, at_key: bool = False) -> tuple[int, int]:
        """1-based (line, column) of the node at ``loc`` (or its deepest existing parent)."""
        line, column = locate(self.root, loc, at_key=at_key)
        return line + 1, column + 1

    def position_in(self, node: ScalarNode, value: str, start: int) -> tuple[int, int]:
        """1-based (line, column) of ``value[start:]``'s first character in the source.

        A single-line plain scalar maps directly. Elsewhere — block, folded, multi-line
        and quoted scalars, where folding and escapes make the text differ from the
        source — the word that starts there is looked for in the node's source lines
        (the same occurrence as in the value). When it cannot be found, the node's own
        position is returned. Where a word occurs, in the value and in the source, is
        found once per node and word: a value with 20,000 numbers in it took minutes.
        """
        first, last = node.start_mark.line, node.end_mark.line
        if not node.style and first == last:
            return first + 1, node.start_mark.column + 1 + start
        word = _WORD.match(value, start)
        if word is None:
            return first + 1, node.start_mark.column + 1
        fragment = word.group(1)
        in_value, in_source = self._occurrences(node, value, fragment)
        occurrence = bisect.bisect_right(in_value, start - len(fragment))
        if occurrence < len(in_source):
            return in_source[occurrence]
        if first == last:
            quote = 1 if node.style in ("'", '"') else 0
            return first + 1, node.start_mark.column + 1 + quote + start
        return first + 1, node.start_mark.column + 1

    def _occurrences(
        self, node: ScalarNode, value: str, fragment: str
    ) -> tuple[list[int], list[tuple[int, int]]]:
        """Where ``fragment`` starts in ``value`` (as ``str.count`` counts them), and
        1-based (line, column) of each place it starts in the node's source lines."""
        key = (id(node), fragment)
        found = self._found.get(key)
        if found is None:
            in_value: list[int] = []
            at = value.find(fragment)
            while at != -1:
                in_value.append(at)
                at = value.find(fragment, at + len(fragment))
            in_source: list[tuple[int, int]] = []
            lines = self.lines
            first, last = node.start_mark.line, node.end_mark.line
            for number in range(first, min(last + 1, len(lines))):
                line = lines[number]
                column = line.find(fragment, node.start_mark.column if number == first else 0)
                while column != -1:
                    in_source.append((number + 1, column + 1))
                    column = line.find(fragment, column + 1)
            found = self._found[key] = (in_value, in_source)
        return found

    def position_of(self, loc: YamlPath, offset: int | None = None) -> tuple[int, int]:
        """1-based position of the node at ``loc``, or of character ``offset`` of its text."""
        if offset is not None:
            node = node_at(self.root, loc)
            value = value_at(self.data, loc)
            if node.__class__ is ScalarNode and isinstance(value, str):
                return self.position_in(node, value, offset)
        return self.position(loc)


def _walk(
    value: Any, node: Node, path: YamlPath, found: list[tuple[YamlPath, ScalarNode, str]]
) -> None:
    """Collect every text value under ``node`` with its path, without recursion: rules
    that read text share this walk, and it is the largest part of their cost."""
    append = found.append
    stack: list[tuple[Any, Node, YamlPath]] = [(value, node, path)]
    pop, push = stack.pop, stack.append
    while stack:
        value, node, path = pop()
        cls = value.__class__
        if cls is str:
            if node.__class__ is ScalarNode:
                append((path, node, value))
        elif cls is dict:
            if node.__class__ is MappingNode:
                for (_key_node, child), (key, item) in zip(node.value, value.items()):  # noqa: B905
                    if item.__class__ in _CONTAINERS:
                        push((item, child, (*path, str(key))))
        elif cls is list and node.__class__ is SequenceNode:
            for index, (item, child) in enumerate(zip(value, node.value)):  # noqa: B905
                if item.__class__ in _CONTAINERS:
                    push((item, child, (*path, index)))
    found.reverse()


_CONTAINERS = frozenset((str, dict, list))


def value_at(data: Any, loc: YamlPath) -> Any:
    """The value at ``loc`` in a document's raw data, or ``None`` where there is none."""
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data
