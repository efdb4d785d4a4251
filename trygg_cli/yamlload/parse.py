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

from dataclasses import dataclass
from typing import Any

import yaml
from yaml._yaml import CParser
from yaml.nodes import Node

from trygg_cli.i18n import N_, _
from trygg_cli.readfile import MAX_FILE_BYTES, too_large
from trygg_cli.yamlload.build import MAX_ALIAS_NODES, build, resolve_plain
from trygg_cli.yamlload.limits import YamlError, check_shape, too_deep

__all__ = ["MAX_ALIAS_NODES", "MAX_BYTES", "LoadedYaml", "decode", "load", "resolve_plain"]

MAX_BYTES = MAX_FILE_BYTES


@dataclass(frozen=True)
class LoadedYaml:
    """Plain data (dicts, lists, str, int, float, bool, None) and the node tree it came from."""

    data: Any
    root: Node | None


class _Composer(CParser):
    """libyaml's parser and composer; tags are resolved later, as the data is built
    (:mod:`~trygg_cli.yamlload.build`)."""

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
    return LoadedYaml(build(root, shared="&" in text), root)


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
