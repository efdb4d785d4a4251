"""Editing YAML with ruamel.yaml round-trip, only where nothing else in the file changes.

ruamel writes indentation one way for a whole file, so a file is edited only when, read
and written back unchanged, it comes out byte for byte as it was (with the first of the
usual indentation styles that does). Callers then compare the edited text with the
original (:func:`changed_lines`) and refuse an edit that touched more than it should.
``record.py`` (``trygg done``) and ``fix.py`` (``--fix``) both edit this way.

:func:`yaml_scalar` writes a value into new YAML text (``trygg new``, ``trygg report
new``) so that a name with a colon or a quote cannot break the file.
"""

from __future__ import annotations

import difflib
import io
import json
import re
from typing import Any

_PLAIN = re.compile(r"[A-Za-zÅÄÖÉåäöé][\w .,()–/-]*\Z")


def yaml_scalar(value: Any) -> str:
    """``value`` as a YAML scalar: plain when that is safe, else double-quoted."""
    text = str(value)
    reserved = text.lower() in ("yes", "no", "true", "false", "on", "off", "null", "~")
    if _PLAIN.match(text) and not reserved and ": " not in text and " #" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


# (mapping, sequence, offset) indentation styles, most common first: "  - id:" under a key,
# "- id:" at the key's column, and the four-space variants.
_STYLES = ((2, 4, 2), (2, 2, 0), (4, 6, 4), (4, 4, 0), (4, 4, 2), (2, 3, 1), (3, 5, 2))


class _NotADate(str):
    """A value written like a date that is none (``2025-13-01``), kept as it was written."""

    __slots__ = ()


def _lenient_dates() -> None:
    """Read a date that does not exist as its text (ruamel raises), and write it back as
    it was, so a file with such a mistake can still be edited elsewhere."""
    from ruamel.yaml.constructor import RoundTripConstructor
    from ruamel.yaml.representer import RoundTripRepresenter

    tag = "tag:yaml.org,2002:timestamp"
    if RoundTripConstructor.yaml_constructors.get(tag) is _timestamp:
        return
    RoundTripConstructor.add_constructor(tag, _timestamp)
    RoundTripRepresenter.add_representer(
        _NotADate, lambda representer, value: representer.represent_scalar(tag, str(value))
    )


def _timestamp(constructor: Any, node: Any) -> Any:
    from ruamel.yaml.constructor import RoundTripConstructor

    try:
        return RoundTripConstructor.construct_yaml_timestamp(constructor, node)
    except ValueError:
        return _NotADate(node.value)


def round_trip(text: str) -> Any:
    """A ruamel round-trip loader and dumper that writes ``text`` back unchanged, or None."""
    from ruamel.yaml import YAML

    _lenient_dates()
    for mapping, sequence, offset in _STYLES:
        yaml = YAML(typ="rt")
        yaml.preserve_quotes = True
        yaml.width = 4096
        yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
        try:
            written = dump(yaml, yaml.load(text))
        except Exception:  # whatever ruamel cannot read and write back is not safe to edit
            return None
        if written == text:
            return yaml
    return None


def dump(yaml: Any, data: Any) -> str:
    """``data`` written by ``yaml`` (from :func:`round_trip`) as text."""
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def removed_lines(old: str, new: str) -> list[str]:
    """The lines of ``old`` that ``new`` no longer has, as a unified diff sees them."""
    diff = difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
    return [line[1:] for line in diff if line.startswith("-") and not line.startswith("---")]


def changed_lines(old: str, new: str) -> set[int] | None:
    """The 1-based numbers of the lines that differ between ``old`` and ``new``, or None
    when lines were added or removed."""
    before, after = old.splitlines(), new.splitlines()
    if len(before) != len(after):
        return None
    return {number for number, (a, b) in enumerate(zip(before, after, strict=True), 1) if a != b}
