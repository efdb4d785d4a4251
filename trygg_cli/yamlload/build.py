"""A composed node tree → plain data (dicts, lists, str, int, float, bool, None), with
YAML 1.2 core-schema meaning for plain scalars (``on``/``no``/``yes`` stay text, ``0755``
is decimal, dates stay text).

Every node of every file passes through here, so the common case is made cheap: a text
without anchors (no ``&``) cannot share nodes, and is built by :meth:`_Builder.plain`
without counting what aliases expand to; a scalar that is quoted, or plain and starting
with a character no number, null or boolean starts with, is its own text without any
further look. Everything else takes the full path, which bounds aliases, nesting, tags and
number lengths with located errors.
"""

from __future__ import annotations

import re
from typing import Any

from yaml.nodes import Node, ScalarNode, SequenceNode

from trygg_cli.findings import show
from trygg_cli.i18n import _
from trygg_cli.yamlload.limits import MAX_DEPTH, YamlError, too_deep

MAX_ALIAS_NODES = 100_000
# Longer numbers are refused: no document needs them, and Python will not turn a number
# of more than 4,300 digits into text, which every output needs.
MAX_NUMBER_CHARS = 40

_TAG = "tag:yaml.org,2002:"
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_TRUES = frozenset(("true", "True", "TRUE"))
_FALSES = frozenset(("false", "False", "FALSE"))
# The first characters of every plain scalar that resolve_plain may turn into something
# other than its own text (the empty string included): a null, a boolean or a number.
# Its patterns are ASCII-only, so any other first character means text.
MAY_RESOLVE = frozenset(("", *"0123456789+-.~nNtTfF"))
_LONG_INT = re.compile(r"[-+]?[0-9]+\Z|0o[0-7]+\Z|0x[0-9a-fA-F]+\Z")
# The numbers of the core schema, one alternative each, tried in this order (a plain
# date like 2021-06-30 fails all of them in one match).
_NUMBER = re.compile(
    r"(?P<int10>[-+]?[0-9]+)\Z"
    r"|(?P<int8>0o[0-7]+)\Z"
    r"|(?P<int16>0x[0-9a-fA-F]+)\Z"
    r"|(?P<float>[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)\Z"
    r"|(?P<inf>[-+]?\.(?:inf|Inf|INF))\Z"
    r"|(?P<nan>\.(?:nan|NaN|NAN))\Z"
)
_COLLECTION_TAGS = frozenset((_TAG + "map", _TAG + "seq", "!"))


def resolve_plain(value: str) -> Any:
    """YAML 1.2 core schema resolution of a plain (unquoted) scalar."""
    if value in _NULLS:
        return None
    if value in _TRUES:
        return True
    if value in _FALSES:
        return False
    first = value[0]
    if first.isdigit() or first in "+-.":
        number = _NUMBER.match(value)
        if number is not None:
            form = number.lastgroup
            if form == "int10":
                return int(value)
            if form == "int8":
                return int(value[2:], 8)
            if form == "int16":
                return int(value[2:], 16)
            if form == "float":
                return float(value)
            if form == "inf":
                return float("-inf") if first == "-" else float("inf")
            return float("nan")
    return value


_EXPLICIT_SCALARS = {
    _TAG + "str": str,
    "!": str,
    _TAG + "int": int,
    _TAG + "float": float,
    _TAG + "bool": None,
    _TAG + "null": None,
}


def build(root: Node, shared: bool) -> Any:
    """The plain data of the tree at ``root``; ``shared``: the text has anchors, so nodes
    may be shared (aliases) and what they expand to is counted and bounded."""
    builder = _Builder()
    if shared:
        return builder.node(root)[0]
    if root.__class__ is ScalarNode:
        return scalar(root)
    return builder.plain(root, 0)


class _Builder:
    """Turns a composed node tree into plain data; one instance per document."""

    def __init__(self) -> None:
        self.done: dict[int, tuple[Any, int]] = {}
        self.active: set[int] = set()
        self.expanded = 0
        self.depth = 0  # collections open around the node being built

    def plain(self, node: Node, depth: int) -> Any:
        """A collection of a tree that shares no nodes (the text has no anchors): the same
        data and the same errors, in the same order, as :meth:`node`, with the common
        scalars inline."""
        if depth >= MAX_DEPTH:
            raise too_deep(node.start_mark.line, node.start_mark.column)
        _check_collection_tag(node)
        depth += 1
        if node.__class__ is SequenceNode:
            items: list[Any] = []
            append = items.append
            for child in node.value:
                if child.__class__ is not ScalarNode:
                    append(self.plain(child, depth))
                elif child.tag is None and (child.style or child.value[:1] not in MAY_RESOLVE):
                    append(child.value)
                else:
                    append(scalar(child))
            return items
        mapping: dict[Any, Any] = {}
        for key_node, child in node.value:
            if key_node.__class__ is not ScalarNode:
                raise _not_a_key(key_node)
            if key_node.tag is None and (key_node.style or key_node.value[:1] not in MAY_RESOLVE):
                key = key_node.value
            else:
                key = scalar(key_node)
            if key in mapping:
                raise _duplicate(node, key_node)
            if child.__class__ is not ScalarNode:
                mapping[key] = self.plain(child, depth)
            elif child.tag is None and (child.style or child.value[:1] not in MAY_RESOLVE):
                mapping[key] = child.value
            else:
                mapping[key] = scalar(child)
        return mapping

    def node(self, node: Node) -> tuple[Any, int]:
        """The node's value and how many nodes it expands to (aliases counted)."""
        if node.__class__ is not ScalarNode:
            key = id(node)
            if key in self.done:
                value, size = self.done[key]
                self.expanded += size
                if self.expanded > MAX_ALIAS_NODES:
                    raise _located(
                        node,
                        "yaml-limits",
                        _(
                            "aliases here expand to more than {limit} values; "
                            "write the content out instead"
                        ).format(limit=MAX_ALIAS_NODES),
                    )
                return value, size
            if key in self.active:
                raise _located(
                    node, "yaml-syntax", _("an alias refers to the node that contains it")
                )
            self.active.add(key)
            result = self._collection(node)
            self.active.discard(key)
            self.done[key] = result
            return result
        return scalar(node), 1

    def _collection(self, node: Node) -> tuple[Any, int]:
        # Nesting is bounded here, where every node passes anyway, rather than by a scan
        # of the text first; libyaml's composer (C) stops at 1,000 levels by itself.
        if self.depth >= MAX_DEPTH:
            raise too_deep(node.start_mark.line, node.start_mark.column)
        self.depth += 1
        try:
            return self._members(node)
        finally:
            self.depth -= 1

    def _members(self, node: Node) -> tuple[Any, int]:
        _check_collection_tag(node)
        size = 1
        if node.__class__ is SequenceNode:
            items = []
            for child in node.value:
                value, n = self.node(child)
                items.append(value)
                size += n
            return items, size
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.__class__ is not ScalarNode:
                raise _not_a_key(key_node)
            key = scalar(key_node)
            if key in mapping:
                raise _duplicate(node, key_node)
            value, n = self.node(value_node)
            mapping[key] = value
            size += n
        return mapping, size


def scalar(node: ScalarNode) -> Any:
    """A scalar's value: its text, or what its tag or (plain) its form makes it."""
    tag = node.tag
    value: str = node.value
    if tag is None and node.style:
        return value
    if len(value) > MAX_NUMBER_CHARS and _LONG_INT.match(value):
        message = _("a number longer than {limit} characters; quote it if it is text")
        raise _located(node, "yaml-limits", message.format(limit=MAX_NUMBER_CHARS))
    if tag is None:
        return resolve_plain(value)
    if tag not in _EXPLICIT_SCALARS:
        raise _located(
            node,
            "yaml-tags",
            _("the YAML tag '{tag}' is not supported; remove it").format(tag=_short_tag(tag)),
        )
    kind = _EXPLICIT_SCALARS[tag]
    if kind is str:
        return value
    resolved = resolve_plain(value)
    if (
        (kind is None and tag.endswith("bool") and isinstance(resolved, bool))
        or (kind is None and tag.endswith("null") and resolved is None)
        or (kind is not None and type(resolved) is kind)
    ):
        return resolved
    raise _located(
        node,
        "yaml-tags",
        _("'{value}' does not match its tag '{tag}'").format(value=value, tag=_short_tag(tag)),
    )


def _check_collection_tag(node: Node) -> None:
    tag = node.tag
    if tag is not None and tag not in _COLLECTION_TAGS:
        raise _located(
            node,
            "yaml-tags",
            _("the YAML tag '{tag}' is not supported; remove it").format(tag=_short_tag(tag)),
        )


def _not_a_key(key_node: Node) -> YamlError:
    return _located(key_node, "yaml-syntax", _("a key must be plain text, not a list or a mapping"))


def _duplicate(mapping: Node, repeated: ScalarNode) -> YamlError:
    """The error for ``repeated``, the first key of ``mapping`` that repeats an earlier
    one (found again here, on the rare path, so the common one keeps no key nodes)."""
    first: dict[Any, Node] = {}
    for key_node, _value in mapping.value:
        key = scalar(key_node)
        if key_node is repeated:
            break
        first.setdefault(key, key_node)
    earlier = first[scalar(repeated)]
    return _located(
        repeated,
        "duplicate-key",
        _(
            "the key '{key}' appears twice in the same mapping (first on line {line}); "
            "remove one of them"
        ).format(key=show(repeated.value), line=earlier.start_mark.line + 1),
    )


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


def _located(node: Node, rule: str, message: str) -> YamlError:
    return YamlError(rule, message, node.start_mark.line, node.start_mark.column)
