"""Parse YAML fast, with YAML 1.2 meaning and every node's position kept.

Why not ruamel.yaml here: its round-trip loader parses about 0.2 MB/s, far too slow for a
national corpus (see benchmarks/). We let libyaml (through PyYAML's C parser) compose the
node tree — which carries every line and column — and turn nodes into plain Python data
ourselves, resolving plain scalars by the YAML 1.2 core schema: ``on``/``no``/``yes`` stay
text, ``0755`` is decimal, and dates stay text so that pydantic can report a bad one where
it stands. ruamel.yaml stays the library for writing YAML back; ``tests/test_yamlload.py``
checks that both read every example and fixture to the same data.

Hostile input is bounded: files over :data:`MAX_BYTES`, nesting deeper than
:data:`MAX_DEPTH`, more than :data:`MAX_NODES` values (both checked in
:mod:`~trygg_cli.yamlload.limits`) and aliases that expand past :data:`MAX_ALIAS_NODES` are
located errors, found before any deep recursion or large allocation happens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml._yaml import CParser
from yaml.nodes import Node, ScalarNode, SequenceNode

from trygg_cli.findings import show
from trygg_cli.i18n import N_, _
from trygg_cli.readfile import MAX_FILE_BYTES, too_large
from trygg_cli.yamlload.limits import MAX_DEPTH, YamlError, check_shape, too_deep

MAX_BYTES = MAX_FILE_BYTES
MAX_ALIAS_NODES = 100_000
# Longer numbers are refused: no document needs them, and Python will not turn a number
# of more than 4,300 digits into text, which every output needs.
MAX_NUMBER_CHARS = 40

_TAG = "tag:yaml.org,2002:"
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_TRUES = frozenset(("true", "True", "TRUE"))
_FALSES = frozenset(("false", "False", "FALSE"))
_LONG_INT = re.compile(r"[-+]?[0-9]+\Z|0o[0-7]+\Z|0x[0-9a-fA-F]+\Z")
_INT10 = re.compile(r"[-+]?[0-9]+\Z")
_INT8 = re.compile(r"0o[0-7]+\Z")
_INT16 = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_INF = re.compile(r"[-+]?\.(?:inf|Inf|INF)\Z")
_NAN = re.compile(r"\.(?:nan|NaN|NAN)\Z")


@dataclass(frozen=True)
class LoadedYaml:
    """Plain data (dicts, lists, str, int, float, bool, None) and the node tree it came from."""

    data: Any
    root: Node | None


class _Composer(CParser):
    """libyaml's parser and composer; tags are resolved later, by :func:`_construct`."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> None:
        return None

    def descend_resolver(self, parent: Any, index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


def decode(raw: bytes) -> str:
    """UTF-8 (a byte-order mark, which YAML allows, is dropped), or a located
    :class:`YamlError` that says how to save the file."""
    if len(raw) > MAX_BYTES:
        raise YamlError("file-too-large", too_large(len(raw)))
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise YamlError("encoding", _("the file is saved as UTF-32; save it as UTF-8 instead"))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YamlError("encoding", _("the file is saved as UTF-16; save it as UTF-8 instead"))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n")
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace"))
        raise YamlError(
            "encoding",
            _("byte {byte} is not UTF-8 text; save the file as UTF-8").format(
                byte=f"0x{raw[exc.start]:02x}"
            ),
            line,
            column,
        ) from None


def load(text: str) -> LoadedYaml:
    """Parse one YAML document into plain data, keeping the node tree for positions."""
    check_shape(text)
    try:
        root = _Composer(text).get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        if "maximum nesting depth" in (exc.problem or "") and mark is not None:
            raise too_deep(mark.line, mark.column) from None  # libyaml's own cap, 1,000
        raise _syntax_error(exc, text) from None
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml always gives marks
        raise YamlError(
            "yaml-syntax",
            _("the YAML could not be read: {problem}").format(problem=str(exc).splitlines()[0]),
        ) from None
    if root is None:
        return LoadedYaml(None, None)
    builder = _Builder(shared="&" in text)
    return LoadedYaml(builder.build(root), root)


# libyaml's problem (or context) wording → a sentence a coordinator can act on.
_FRIENDLY = {
    "mapping values are not allowed": N_(
        "a ':' appears where a new key cannot start; if this is text that contains ': ', "
        "put the whole value in quotes, otherwise check the indentation"
    ),
    "could not find expected ':'": N_(
        "a key is missing its ':' or the indentation is off; every line under a key needs "
        "the same indentation"
    ),
    "did not find expected key": N_(
        "a line is indented differently from the lines around it; line up keys of the same "
        "mapping under each other"
    ),
    "did not find expected '-' indicator": N_(
        "a list and a mapping are mixed at the same indentation; indent the list under its key"
    ),
    "did not find expected ',' or ']'": N_("a list in brackets [ ] is not closed with ']'"),
    "did not find expected ',' or '}'": N_("a mapping in braces { } is not closed with '}'"),
    "found unexpected end of stream": N_("a quoted text is not closed; add the closing quote"),
    "found undefined alias": N_("an alias (*name) refers to an anchor (&name) that is not defined"),
    "expected a single document in the stream": N_(
        "the file holds more than one YAML document ('---'); keep one document per file"
    ),
    "found duplicate anchor": N_("the same anchor (&name) is defined twice"),
    "found unknown escape character": N_(
        "a backslash in double quotes starts an unknown escape; write \\\\ or use single quotes"
    ),
    "found character that cannot start any token": N_(
        "this character cannot start a value here (for example @ or `); put the value in quotes"
    ),
}
_TAB_MESSAGE = N_("a tab is used for indentation; YAML needs spaces — replace the tab with spaces")


def _syntax_error(exc: yaml.MarkedYAMLError, text: str) -> YamlError:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line, mark.column) if mark is not None else (0, 0)
    problem = exc.problem or exc.context or "syntax error"
    lines = text.splitlines()
    for candidate in (line, line - 1):
        if 0 <= candidate < len(lines):
            content = lines[candidate]
            indent = content[: len(content) - len(content.lstrip(" \t"))]
            if "\t" in indent:
                return YamlError("yaml-syntax", _(_TAB_MESSAGE), candidate, indent.index("\t"))
    if (
        "control characters are not allowed" in problem
        or "special characters are not allowed" in problem
    ):
        message = _("the file contains a control character that YAML does not allow; remove it")
    else:
        wording = f"{exc.problem or ''} | {exc.context or ''}"
        friendly = next((text for key, text in _FRIENDLY.items() if key in wording), None)
        message = (
            _(friendly)
            if friendly
            else _("the YAML could not be read: {problem}").format(problem=problem)
        )
    return YamlError("yaml-syntax", message, line, column)


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
        if _INT10.match(value):
            return int(value)
        if _INT8.match(value):
            return int(value[2:], 8)
        if _INT16.match(value):
            return int(value[2:], 16)
        if _FLOAT.match(value):
            return float(value)
        if _INF.match(value):
            return float("-inf") if first == "-" else float("inf")
        if _NAN.match(value):
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


class _Builder:
    """Turns a composed node tree into plain data; one instance per document."""

    def __init__(self, shared: bool) -> None:
        self.shared = shared
        self.done: dict[int, tuple[Any, int]] = {}
        self.active: set[int] = set()
        self.expanded = 0
        self.depth = 0  # collections open around the node being built

    def build(self, root: Node) -> Any:
        return self._node(root)[0]

    def _node(self, node: Node) -> tuple[Any, int]:
        """The node's value and how many nodes it expands to."""
        if self.shared and node.__class__ is not ScalarNode:
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
        if node.__class__ is ScalarNode:
            return self._scalar(node), 1
        return self._collection(node)

    def _scalar(self, node: ScalarNode) -> Any:
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
        tag = node.tag
        if tag is not None and tag not in (_TAG + "map", _TAG + "seq", "!"):
            raise _located(
                node,
                "yaml-tags",
                _("the YAML tag '{tag}' is not supported; remove it").format(tag=_short_tag(tag)),
            )
        size = 1
        if node.__class__ is SequenceNode:
            items = []
            for child in node.value:
                value, n = self._node(child)
                items.append(value)
                size += n
            return items, size
        mapping: dict[Any, Any] = {}
        seen: dict[Any, Node] = {}
        for key_node, value_node in node.value:
            if key_node.__class__ is not ScalarNode:
                raise _located(
                    key_node, "yaml-syntax", _("a key must be plain text, not a list or a mapping")
                )
            key = self._scalar(key_node)
            first = seen.get(key)
            if first is not None:
                raise _located(
                    key_node,
                    "duplicate-key",
                    _(
                        "the key '{key}' appears twice in the same mapping (first on line {line}); "
                        "remove one of them"
                    ).format(key=show(key_node.value), line=first.start_mark.line + 1),
                )
            seen[key] = key_node
            value, n = self._node(value_node)
            mapping[key] = value
            size += n
        return mapping, size


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


def _located(node: Node, rule: str, message: str) -> YamlError:
    return YamlError(rule, message, node.start_mark.line, node.start_mark.column)
