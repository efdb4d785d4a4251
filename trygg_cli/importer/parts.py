"""A document's blocks arranged as a reader sees them: the title, the header's cells, the
parts under each heading, the sentences, and the signatures at the end."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from trygg_cli.check.personal import find as find_numbers
from trygg_cli.check.personal import mask
from trygg_cli.importer.source import Block

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"”(])")
_PERSON = re.compile(r"^[A-ZÅÄÖ][a-zåäöéü-]+(?: [A-ZÅÄÖ][a-zåäöéü-]+){1,2}$")
_TITLE_WORDS = re.compile(
    r"ordförande|chef\b|chef |direktör|polismästare|kommundirektör|polisområdeschef|"
    r"stadsdirektör|kommunalråd|lokalpolisområdeschef|regionpolischef",
    re.IGNORECASE,
)
# The cells of a steering document's header ("Styrdokument Program", "Ansvarig …").
_HEADER_CELL = re.compile(
    r"(?:Styrdokument|Ansvarig|Gäller|Senast|Beslutat?|Diarienummer|Dnr|Fastställd)\s+\S",
    re.IGNORECASE,
)
_SIGNED_AT = re.compile(r"^(?P<place>[A-ZÅÄÖ][\wåäö-]+),?\s+(?:den\s+)?(?P<date>.+\d{4})$")


@dataclass(frozen=True)
class Sentence:
    """A sentence and where it stands."""

    text: str
    where: str


@dataclass
class Part:
    """A heading (None before the first) and the blocks under it."""

    heading: Block | None
    blocks: list[Block] = field(default_factory=list)
    used: bool = False  # its text went into a field other than a section

    @property
    def title(self) -> str:
        return self.heading.text if self.heading is not None else ""

    def sentences(self) -> Iterator[Sentence]:
        for block in self.blocks:
            yield from sentences(block)

    def text(self) -> str:
        """The part's text as Markdown: paragraphs apart, list items as a list."""
        out: list[str] = []
        for block in self.blocks:
            line = f"- {block.text}" if block.kind == "item" else block.text
            if out and not (block.kind == "item" and out[-1].startswith("- ")):
                out.append("")
            out.append(line)
        return "\n".join(out)


@dataclass
class Layout:
    """The document as parts: its title, header cells, parts and signature blocks."""

    title: Block | None
    header: list[Block]
    parts: list[Part]
    signatures: list[tuple[Block, Block]]
    signed_at: Block | None


def masked(blocks: Sequence[Block]) -> list[Block]:
    """The blocks with every personnummer and samordningsnummer masked: nothing the
    import writes can hold one."""
    out = []
    for block in blocks:
        text = _mask(block.text)
        cells = tuple(_mask(c) for c in block.cells)
        out.append(
            block
            if text == block.text and cells == block.cells
            else replace(block, text=text, cells=cells)
        )
    return out


def _mask(text: str) -> str:
    for match, _kind in reversed(list(find_numbers(text))):
        text = text[: match.start()] + mask(match.group(0)) + text[match.end() :]
    return text


def sentences(block: Block) -> Iterator[Sentence]:
    for piece in _SENTENCE_END.split(block.text):
        if piece.strip():
            yield Sentence(piece.strip(), block.where)


def layout(blocks: Sequence[Block]) -> Layout:
    """Title (the first heading or line, with a following 'mellan …' line), the header's
    table rows before the first heading, the parts, and the signatures at the end."""
    rest = list(blocks)
    title = rest.pop(0) if rest else None
    if title is not None and rest and rest[0].text.lower().startswith("mellan "):
        title = replace(title, text=_join(title.text, rest.pop(0).text))
    header = []
    while rest and rest[0].kind == "row" and any(_HEADER_CELL.match(c) for c in rest[0].cells):
        header.append(rest.pop(0))
    rest, signatures, signed_at = _signatures(rest)
    parts = [Part(None)]
    for block in rest:
        if block.kind == "heading":
            parts.append(Part(block))
        else:
            parts[-1].blocks.append(block)
    # The first heading repeated (a cover page, then the title again) is no part.
    parts = [p for p in parts if p.blocks or (title is None or p.title != title.text)]
    return Layout(title, header, [p for p in parts if p.heading or p.blocks], signatures, signed_at)


def _join(first: str, second: str) -> str:
    """'Övergripande samverkans- överenskommelse' + 'mellan …' as one title."""
    joined = f"{first} {second}"
    return re.sub(r"(\w)- (?=[a-zåäö])", r"\1", joined)


def _signatures(
    blocks: list[Block],
) -> tuple[list[Block], list[tuple[Block, Block]], Block | None]:
    """Name-and-title pairs at the end ('Erik Nord' / 'Polisområdeschef Storgöteborg'),
    and the place and date above them ('Göteborg 15 november 2018')."""
    pairs: list[tuple[Block, Block]] = []
    signed = None
    first = len(blocks)
    i = len(blocks) - 1
    while i >= 0 and len(blocks) - i <= 16:
        block = blocks[i]
        if i > 0 and _TITLE_WORDS.search(block.text) and _PERSON.match(blocks[i - 1].text):
            pairs.insert(0, (blocks[i - 1], block))
            first, i = i - 1, i - 2
            continue
        if pairs and _SIGNED_AT.match(block.text):
            signed, first = block, i
        elif pairs and len(block.text) > 40:
            break
        elif pairs:
            first = i  # the parties' names and a bare "Datum" above the names
        i -= 1
    if not pairs:
        return blocks, [], None
    used = {id(b) for pair in pairs for b in pair} | {id(signed)}
    tail = [b for b in blocks[first:] if id(b) not in used and len(b.text) > 40]
    return blocks[:first] + tail, pairs, signed


def _in(block: Block, pairs: list[tuple[Block, Block]]) -> bool:
    return any(block is a or block is b for a, b in pairs)


def signed_at(block: Block) -> tuple[str, str] | None:
    """(place, the date in words) of 'Göteborg 15 november 2018'."""
    match = _SIGNED_AT.match(block.text)
    return (match.group("place"), match.group("date")) if match else None
