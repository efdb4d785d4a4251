"""The draft as YAML: every value with a comment above it that quotes the sentence it was
read from and where; what is required but was not found marked TODO, so that lint
(TRY501) reports it until a person completes it. Written with ruamel.yaml, which keeps the
comments where they belong."""

from __future__ import annotations

import io
import re
import textwrap
import unicodedata
from collections.abc import Iterable
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from trygg_cli.i18n import _, quoted
from trygg_cli.importer.parts import Sentence

# A quotation in a comment is cut after this many characters; the sentence is in the
# value or in a section, whole.
QUOTE_LIMIT = 300
_WIDTH = 96


def slug(text: str, fallback: str = "x") -> str:
    """'Mölndals stad' → 'molndals-stad': a usable id."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:60].strip("-") or fallback


def unique(wanted: str, taken: set[str]) -> str:
    """``wanted``, or ``wanted-2`` … when it is taken; recorded as taken."""
    candidate, n = wanted, 2
    while candidate in taken:
        candidate, n = f"{wanted}-{n}", n + 1
    taken.add(candidate)
    return candidate


def text_value(text: str) -> Any:
    """A text as YAML: a block scalar of lines at most 88 long when it does not fit on one
    line (a line break inside a paragraph changes nothing in Markdown)."""
    if "\n" not in text and len(text) <= 80:
        return text
    paragraphs = []
    for paragraph in text.split("\n"):
        if paragraph.startswith("- "):
            paragraphs.append(textwrap.fill(paragraph, 88, subsequent_indent="  "))
        else:
            paragraphs.append(textwrap.fill(paragraph, 88) if paragraph else "")
    return LiteralScalarString("\n".join(paragraphs).rstrip() + "\n")


class Draft:
    """A draft document being built: its root mapping and the gaps found on the way."""

    def __init__(self) -> None:
        self.root = CommentedMap()
        self.gaps: list[str] = []

    def quote(self, source: Sentence | Iterable[Sentence]) -> str:
        """The comment that quotes where a value comes from."""
        found = [source] if isinstance(source, Sentence) else list(source)
        lines = []
        for sentence in found:
            said = (
                sentence.text
                if len(sentence.text) <= QUOTE_LIMIT
                else (sentence.text[: QUOTE_LIMIT - 1].rstrip() + "…")
            )
            lines.append(_("{where}: {quote}").format(where=sentence.where, quote=quoted(said)))
        return "\n".join(textwrap.fill(line, _WIDTH) for line in lines)

    def put(
        self,
        mapping: CommentedMap,
        key: str,
        value: Any,
        source: Sentence | Iterable[Sentence] | None,
        indent: int,
    ) -> None:
        """``mapping[key] = value`` with the quotation of ``source`` above it."""
        mapping[key] = value
        if source is not None:
            comment = self.quote(source)
            if comment:
                mapping.yaml_set_comment_before_after_key(key, before=comment, indent=indent)

    def note(self, mapping: CommentedMap, key: str, note: str, indent: int) -> None:
        """A comment of trygg's own above ``key``."""
        mapping.yaml_set_comment_before_after_key(
            key, before=textwrap.fill(note, _WIDTH), indent=indent
        )

    def append(
        self,
        seq: CommentedSeq,
        item: Any,
        source: Sentence | Iterable[Sentence] | None,
        indent: int,
    ) -> None:
        """An item with the quotation of ``source`` above it."""
        seq.append(item)
        if source is not None:
            comment = self.quote(source)
            if comment:
                seq.yaml_set_comment_before_after_key(len(seq) - 1, before=comment, indent=indent)

    def gap(self, where: str, what: str) -> str:
        """A TODO: what is required but was not found (``where`` is its YAML path)."""
        line = _("TODO: {where}: {what}").format(where=where, what=what)
        self.gaps.append(line)
        return line

    def dump(self, header: str) -> str:
        yaml = YAML()
        yaml.indent(mapping=2, sequence=4, offset=2)
        yaml.width = 4096  # long sentences stay on one line, with no space left at an end
        yaml.allow_unicode = True
        yaml.representer.ignore_aliases = lambda *_args: True
        out = io.StringIO()
        yaml.dump(self.root, out)
        wrapped = [textwrap.fill(line, _WIDTH) for line in header.splitlines()]
        lines = [f"# {line}".rstrip() for line in "\n".join(wrapped).splitlines()]
        return "\n".join(lines) + "\n" + out.getvalue()


def mapping(**values: Any) -> CommentedMap:
    out = CommentedMap()
    for key, value in values.items():
        if value is not None:
            out[key] = value
    return out
