"""A document on disk as blocks of text: headings, paragraphs, list items and table rows,
each with where it stands (a line, a page, a paragraph of a Word file).

Word files are read with python-docx, PDFs with pypdf (page by page, so that every value
can say its page), web pages with the standard library's HTML parser, text and Markdown
as they are. The heavy libraries are imported here, when a file of their kind is read.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from trygg_cli.errors import TryggError
from trygg_cli.i18n import _
from trygg_cli.readfile import NotARegularFile, TooLarge, read_regular

# A Word file or a PDF with pictures can be larger than a YAML file ever is.
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
SUFFIXES = (".docx", ".pdf", ".html", ".htm", ".txt", ".md", ".markdown")


@dataclass(frozen=True)
class Block:
    """One piece of text: ``kind`` is heading, paragraph, item or row; ``level`` a
    heading's level when the file says it; ``cells`` a table row's cells; ``where`` how a
    reader finds it again ('rad 12', 'sida 3', 'stycke 7')."""

    kind: str
    text: str
    where: str
    level: int | None = None
    cells: tuple[str, ...] = field(default_factory=tuple)


def read_document(path: Path) -> list[Block]:
    """The blocks of the document at ``path``; a TryggError (one line) when it cannot be
    read: not a file, empty, corrupt, locked with a password, or pictures only."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise TryggError(
            _("cannot import {path}: trygg reads .docx, .pdf, .html, .txt and .md files").format(
                path=path
            )
        )
    raw = _read(path)
    if not raw.strip():
        raise TryggError(_("cannot import {path}: the file is empty").format(path=path))
    if suffix == ".docx":
        blocks = _docx(path, raw)
    elif suffix == ".pdf":
        blocks = _pdf(path, raw)
    elif suffix in (".html", ".htm"):
        blocks = _html(raw.decode("utf-8", "replace"))
    else:
        blocks = _text(raw.decode("utf-8", "replace"), markdown=suffix != ".txt")
    if not any(b.text.strip() for b in blocks):
        raise TryggError(_("cannot import {path}: the file has no text").format(path=path))
    return blocks


def _read(path: Path) -> bytes:
    try:
        return read_regular(str(path), MAX_DOCUMENT_BYTES)
    except FileNotFoundError:
        raise TryggError(_("cannot import {path}: no such file").format(path=path)) from None
    except NotARegularFile as exc:
        reason = exc.what
    except TooLarge as exc:
        reason = _("it is {size} MB, more than {limit} MB").format(
            size=round(exc.size / 1048576, 1), limit=MAX_DOCUMENT_BYTES // 1048576
        )
    except OSError as exc:
        reason = exc.strerror or str(exc)
    raise TryggError(_("cannot import {path}: {reason}").format(path=path, reason=reason))


# --- plain text and Markdown -------------------------------------------------------------

_TAGS = re.compile(r"</?[a-zA-Z][^>]*>")
_ITEM = re.compile(r"^\s*(?:[-•*–]|\d{1,2}[.)])\s+")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_TOC_LINE = re.compile(r"(?:\.{3,}|…)\s*\d+\s*$|\t\s*\d{1,3}\s*$")


def _text(text: str, *, markdown: bool) -> list[Block]:
    """Each line of a text file: a heading when it stands alone, short and without a full
    stop (or with '#' in Markdown), a list item, a table row (cells split by tabs) or a
    paragraph. Markdown joins the lines of a paragraph."""
    lines = [_TAGS.sub("", line).rstrip() for line in text.splitlines()]
    blocks: list[Block] = []
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped or _TOC_LINE.search(line):
            continue
        where = _("line {n}").format(n=number)
        alone = (number == 1 or not lines[number - 2].strip()) and (
            number == len(lines) or not lines[number].strip()
        )
        heading = _MD_HEADING.match(stripped) if markdown else None
        if heading is not None:
            blocks.append(Block("heading", heading.group(2), where, len(heading.group(1))))
        elif _ITEM.match(line):
            blocks.append(Block("item", _ITEM.sub("", line).strip(), where))
        elif "\t" in stripped:
            cells = tuple(c.strip() for c in stripped.split("\t") if c.strip())
            blocks.append(Block("row", " ".join(cells), where, cells=cells))
        elif (
            markdown
            and blocks
            and blocks[-1].kind == "paragraph"
            and not alone
            and (lines[number - 2].strip())
        ):
            last = blocks.pop()
            blocks.append(Block("paragraph", f"{last.text} {stripped}", last.where))
        elif alone and looks_like_heading(stripped) and not markdown:
            blocks.append(Block("heading", stripped, where))
        elif blocks and _runs_on(blocks[-1], stripped):
            last = blocks.pop()
            blocks.append(Block("paragraph", f"{last.text} {stripped}", last.where))
        else:
            blocks.append(Block("paragraph", stripped, where))
    return blocks


def _runs_on(block: Block, line: str) -> bool:
    """A paragraph cut by a page break: it ends without a full stop, the next line starts
    in lower case."""
    return (
        block.kind == "paragraph"
        and not block.text.endswith((".", ":", "!", "?"))
        and line[:1].islower()
    )


# A line that says something (a verb) is a sentence without its full stop, not a heading.
_VERBS = re.compile(r"\s(?:gäller|löper|är|ska|har|finns|träffas|består|kan|görs)\s", re.IGNORECASE)


def looks_like_heading(text: str) -> bool:
    """A short line that starts with a capital and ends without a full stop or a verb."""
    return (
        len(text) <= 100
        and len(text.split()) <= 14
        and text[0].isupper()
        and not text.endswith((".", ",", ";", ":", "!", "?"))
        and not _VERBS.search(f" {text} ")
    )


# --- HTML --------------------------------------------------------------------------------


_HTML_BLOCKS = frozenset(
    ("p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "div")
)
_HTML_SKIP = frozenset(("script", "style", "nav", "header", "footer", "noscript", "template"))


class _Html(HTMLParser):
    _BLOCKS = _HTML_BLOCKS
    _SKIP = _HTML_SKIP

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._text: list[str] = []
        self._tag: str | None = None
        self._line = 1
        self._skip = 0
        self._cells: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skip += 1
        elif tag in self._BLOCKS:
            self._flush()
            self._tag, self._line = tag, self.getpos()[0]
        elif tag == "br":
            self._text.append("\n")
        elif tag == "tr":
            self._cells = []

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCKS:
            self._flush()
        elif tag == "tr" and self._cells:
            where = _("line {n}").format(n=self.getpos()[0])
            self.blocks.append(Block("row", " ".join(self._cells), where, cells=tuple(self._cells)))
            self._cells = []

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._text.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        tag, self._text, self._tag = self._tag, [], None
        if not text or tag is None:
            return
        if tag in ("td", "th"):
            self._cells.append(text)
            return
        where = _("line {n}").format(n=self._line)
        if tag.startswith("h") and tag[1:].isdigit():
            self.blocks.append(Block("heading", text, where, int(tag[1:])))
        else:
            self.blocks.append(Block("item" if tag == "li" else "paragraph", text, where))


def _html(text: str) -> list[Block]:
    parser = _Html()
    parser.feed(text)
    parser.close()
    return parser.blocks


# --- Word --------------------------------------------------------------------------------

_HEADING_STYLE = re.compile(r"(?:heading|rubrik)\s*(\d)", re.IGNORECASE)


def _docx(path: Path, raw: bytes) -> list[Block]:
    import docx  # python-docx, only when a Word file is imported

    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception as exc:  # not a zip, no Word part, broken XML: all say the same
        raise TryggError(
            _("cannot import {path}: it is not a Word file that can be read ({reason})").format(
                path=path, reason=type(exc).__name__
            )
        ) from None
    blocks: list[Block] = []
    for number, paragraph in enumerate(document.paragraphs, 1):
        text = " ".join(paragraph.text.split())
        if not text:
            continue
        where = _("paragraph {n}").format(n=number)
        style = paragraph.style.name if paragraph.style is not None else ""
        match = _HEADING_STYLE.search(style or "")
        if match or (style or "").lower() in ("title", "rubrik"):
            blocks.append(Block("heading", text, where, int(match.group(1)) if match else 0))
        elif "list" in (style or "").lower():
            blocks.append(Block("item", text, where))
        else:
            blocks.append(Block("paragraph", text, where))
    for t, table in enumerate(document.tables, 1):
        for r, row in enumerate(table.rows, 1):
            cells = tuple(" ".join(c.text.split()) for c in row.cells)
            where = _("table {t}, row {r}").format(t=t, r=r)
            blocks.append(Block("row", " ".join(c for c in cells if c), where, cells=cells))
    return blocks


# --- PDF ---------------------------------------------------------------------------------


def _pdf(path: Path, raw: bytes) -> list[Block]:
    import logging

    import pypdf  # only when a PDF is imported

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # the one-line error says it
    try:
        reader = pypdf.PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise TryggError(
                _("cannot import {path}: the PDF is locked with a password").format(path=path)
            )
        pages = [page.extract_text() or "" for page in reader.pages]
    except TryggError:
        raise
    except Exception as exc:  # pypdf's own errors, and a crypto library it may lack
        raise TryggError(
            _("cannot import {path}: the PDF cannot be read ({reason})").format(
                path=path, reason=type(exc).__name__
            )
        ) from None
    if not "".join(pages).strip():
        raise TryggError(
            _(
                "cannot import {path}: the PDF has no text, only pictures; it needs OCR first"
            ).format(path=path)
        )
    blocks: list[Block] = []
    for number, text in enumerate(pages, 1):
        where = _("page {n}").format(n=number)
        blocks.extend(_pdf_page(text, where))
    return blocks


def _pdf_page(text: str, where: str) -> list[Block]:
    """A page's lines as blocks: a line that runs on (no full stop, the next starts in
    lower case) is joined to the next; a short line alone is a heading."""
    blocks: list[Block] = []
    lines = [_TAGS.sub("", line).strip() for line in text.splitlines()]
    lines = [line for line in lines if line and not _TOC_LINE.search(line)]
    paragraph = ""
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if _ITEM.match(line):
            blocks.append(Block("item", _ITEM.sub("", line), where))
            continue
        paragraph = f"{paragraph} {line}".strip() if paragraph else line
        runs_on = not line.endswith((".", ":", "!", "?")) and following[:1].islower()
        if runs_on or (len(line) > 70 and not line.endswith((".", ":"))):
            continue
        kind = "heading" if paragraph == line and looks_like_heading(line) else "paragraph"
        blocks.append(Block(kind, paragraph, where))
        paragraph = ""
    if paragraph:
        blocks.append(Block("paragraph", paragraph, where))
    return blocks
