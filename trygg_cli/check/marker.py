"""Files that look like trygg documents but lack the ``trygg: 1`` marker.

A YAML file without the marker is someone else's (a CI workflow, an editor's settings) and
is skipped. But a coordinator who writes ``tryg: 1`` or ``Trygg: 1``, or forgets the line
while ``kind: agreement`` is there, would otherwise see "No problems" for a document trygg
never read. Such a file gets a warning at the line that gave it away, with the fix.
"""

from __future__ import annotations

import difflib
import re

from trygg_cli.check.results import MISSING_MARKER
from trygg_cli.findings import Finding, Fix, Severity
from trygg_cli.i18n import _
from trygg_cli.model import KINDS
from trygg_cli.text import show

# Byte-order marks of the encodings a Windows editor may save in, widest first (UTF-32-LE
# starts like UTF-16-LE).
WIDE = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_KEY = r"([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*(?:#.*)?$"
_LIST_ITEM = re.compile(r"^\ufeff?((?:- )*)")


def _top_key(text: str) -> tuple[re.Pattern[str], bool]:
    """How a key of the document's top level starts a line, and whether the document is
    an item of a list (``- trygg: 1``, lists of lists too): then its keys are indented."""
    first = next((ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")), "")
    match = _LIST_ITEM.match(first.lstrip("\ufeff"))
    depth = len(match.group(1)) // 2 if match else 0
    return re.compile(r"^\ufeff?(?:- |  ){" + str(depth) + "}" + _KEY), depth > 0


def near_miss(path: str, raw: bytes) -> Finding | None:
    """A warning when ``raw`` is a near-miss trygg document, else ``None``."""
    text = as_text(raw)
    top_key, listed = _top_key(text)
    kind_line: tuple[int, str] | None = None
    for number, line in enumerate(text.splitlines(), 1):
        match = top_key.match(line)
        if match is None:
            continue
        key, value = match.group(1), match.group(2).strip("'\"")
        if _looks_like_marker(key):
            return Finding(
                path,
                number,
                1,
                MISSING_MARKER,
                _(
                    "'{key}:' looks like a misspelt 'trygg:', so trygg did not read this "
                    "document; write 'trygg: 1'"
                ).format(key=show(key)),
                Severity.WARNING,
                (key,),
                # Certain only when the line says what the marker says: version 1.
                Fix((key,), "marker", key, "trygg") if value == "1" and not listed else None,
            )
        kind = value.split(" ", 1)[0]  # 'agreement', even with more on the line
        if key == "kind" and kind in KINDS and kind_line is None:
            kind_line = (number, kind)
    if kind_line is None:
        return None
    number, kind = kind_line
    return Finding(
        path,
        number,
        1,
        MISSING_MARKER,
        _(
            "this file says 'kind: {kind}' but has no 'trygg: 1' line, so trygg did not "
            "read it; add 'trygg: 1' as its first line"
        ).format(kind=kind),
        Severity.WARNING,
        ("kind",),
    )


def as_text(raw: bytes) -> str:
    """The text, as well as it can be read: a flipped byte or a UTF-16 file must not hide
    a document (its encoding is reported once its marker is there)."""
    for bom, encoding in WIDE:
        if raw.startswith(bom):
            return raw[len(bom) :].decode(encoding, "replace")
    return raw.decode("utf-8", "replace")


def _looks_like_marker(key: str) -> bool:
    lowered = key.lower()
    if lowered == "trygg":
        return key != "trygg"  # 'Trygg', 'TRYGG'
    return difflib.SequenceMatcher(None, lowered, "trygg").ratio() >= 0.8
