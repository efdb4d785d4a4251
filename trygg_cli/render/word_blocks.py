"""The rendered HTML page, element by element, as Word paragraphs and tables.

========================  ============================================================
HTML                      Word
========================  ============================================================
``h1``                    the Title style
``h2`` … ``h6``           Heading 1 … Heading 5 (the navigation pane and the TOC)
``p``, text in a cell     a paragraph; ``strong``/``em``/``code``/``a`` as runs
``ul``, ``ol``            List Bullet / List Number (… 2, … 3 when nested)
``table``                 a Table Grid table; header rows repeat on every page, the
                          caption is the table's title (its alt text) and, unless it
                          is visually hidden, a Caption paragraph before it
``dl.meta``               a two-column table: the metadata block
``dl.facts``              one paragraph per fact, its name in bold
``nav.toc``               "Innehåll" and Word's table-of-contents field
``div.signatures``        a table of the signature blocks, two a row, rows unsplit
``div.sign-line``         a line to sign on
========================  ============================================================

Anything else is walked for its content; what is visually hidden on the page is left out.
"""

from __future__ import annotations

from typing import Any

HEADINGS = {"h1": "Title", "h2": "Heading 1", "h3": "Heading 2", "h4": "Heading 3"}
HEADINGS.update({"h5": "Heading 4", "h6": "Heading 5"})
INLINE = frozenset({"a", "abbr", "b", "br", "code", "em", "i", "small", "span", "strong"})
SIGN_LINE = "_" * 36


def _classes(element: Any) -> set[str]:
    return set((element.get("class") or "").split())


def _hidden(element: Any) -> bool:
    return "visually-hidden" in _classes(element)


def _spaced(text: str | None) -> str:
    """Text as the browser shows it: every run of white space one space."""
    if not text:
        return ""
    words = " ".join(text.split())
    before = " " if text[:1].isspace() else ""
    after = " " if text[-1:].isspace() and words else ""
    return before + words + after


def add_run(paragraph: Any, text: str, **style: Any) -> Any:
    """A run of ``text``: ``bold``, ``italic``, ``code``, or a link to ``href``."""
    run = paragraph.add_run(text)
    run.bold = style.get("bold") or None
    run.italic = style.get("italic") or None
    if style.get("code"):
        run.font.name = "Courier New"
    if style.get("href"):
        _link(paragraph, run, style["href"])
    return run


def _link(paragraph: Any, run: Any, href: str) -> None:
    """Make ``run`` a hyperlink to the web address ``href``, underlined as one."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), paragraph.part.relate_to(href, RELATIONSHIP_TYPE.HYPERLINK, True))
    run._r.addprevious(link)
    link.append(run._r)
    run.underline = True


def _field_char(paragraph: Any, kind: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(char)


def add_field(paragraph: Any, code: str, shown: str, end: bool = True) -> None:
    """A Word field (PAGE, NUMPAGES, TOC …) showing ``shown`` until Word updates it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    _field_char(paragraph, "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = f" {code} "
    paragraph.add_run()._r.append(instruction)
    _field_char(paragraph, "separate")
    paragraph.add_run(shown)
    if end:
        _field_char(paragraph, "end")


class Blocks:
    """Writes the page's elements into a python-docx document."""

    def __init__(self, document: Any) -> None:
        self.document = document

    def flow(self, container: Any, element: Any, style: str | None = None) -> None:
        """The content of ``element`` into ``container`` (the document or a table
        cell): runs of inline content become paragraphs in ``style``, block children
        are written in turn."""
        pending: list[tuple[str, dict[str, Any]]] = []

        def flush() -> None:
            if "".join(text for text, _ in pending).strip():
                paragraph = self._paragraph(container, style)
                for i, (text, how) in enumerate(pending):
                    add_run(paragraph, text.lstrip() if i == 0 else text, **how)
            pending.clear()

        pending.extend(self._own_text(element.text))
        for child in element:
            if not isinstance(child.tag, str) or _hidden(child):
                pending.extend(self._own_text(child.tail))
                continue
            if child.tag in INLINE:
                pending.extend(self._inline(child, {}))
            else:
                flush()
                self.block(container, child)
            pending.extend(self._own_text(child.tail))
        flush()

    def _own_text(self, text: str | None) -> list[tuple[str, dict[str, Any]]]:
        return [(_spaced(text), {})] if text and text.strip() else []

    def _paragraph(self, container: Any, style: str | None) -> Any:
        """A new paragraph; a table cell's first paragraph is the empty one it has."""
        paragraphs = getattr(container, "paragraphs", [])
        if container is not self.document and len(paragraphs) == 1 and not paragraphs[0].text:
            paragraph = paragraphs[0]
            if style:
                paragraph.style = style
            return paragraph
        return container.add_paragraph(style=style)

    def _inline(self, element: Any, how: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
        """The runs of an inline element: its text with bold, italic or code."""
        if element.tag == "br":
            return [("\n", how)]
        own = dict(how)
        if element.tag in ("strong", "b"):
            own["bold"] = True
        elif element.tag in ("em", "i"):
            own["italic"] = True
        elif element.tag == "code":
            own["code"] = True
        elif element.tag == "a" and (element.get("href") or "").startswith(("http://", "https://")):
            own["href"] = element.get("href")
        runs = [(_spaced(element.text), own)] if element.text else []
        for child in element:
            if isinstance(child.tag, str) and not _hidden(child):
                runs.extend(self._inline(child, own))
            if child.tail:
                runs.append((_spaced(child.tail), own))
        return runs

    def block(self, container: Any, element: Any) -> None:
        """One block element (see the module docstring)."""
        tag, classes = element.tag, _classes(element)
        if tag in ("head", "style", "script"):
            return
        if tag in HEADINGS:
            self.flow(container, element, HEADINGS[tag])
        elif tag == "header":
            self._header(container, element)
        elif tag == "nav" and "toc" in classes:
            self._contents(container, element)
        elif tag in ("ul", "ol"):
            self._list(container, element, 1)
        elif tag == "dl":
            self._definitions(container, element, "meta" in classes)
        elif tag == "table":
            self._table(container, element)
        elif tag == "div" and "signatures" in classes:
            self._signatures(container, element)
        elif tag == "div" and "sign-line" in classes:
            container.add_paragraph()  # room to sign above the line
            container.add_paragraph(SIGN_LINE)
        else:
            self.flow(container, element, None if tag != "p" else self._p_style(classes))

    def _p_style(self, classes: set[str]) -> str | None:
        if "kind" in classes:
            return "Subtitle"
        return "Intense Quote" if "status" in classes else None

    def _header(self, container: Any, header: Any) -> None:
        """The page's header with the title first, then its kind, status and metadata."""
        title = header.find("h1")
        if title is not None:
            self.block(container, title)
            header.remove(title)
        self.flow(container, header)

    def _contents(self, container: Any, nav: Any) -> None:
        """The page's table of contents as "Innehåll" and Word's TOC field (headings 1–3),
        showing the chapters until Word updates it."""
        heading = nav.find(".//h2")
        container.add_paragraph(
            heading.text_content() if heading is not None else "", "TOC Heading"
        )
        titles = [a.text_content().strip() for a in nav.iter("a")] or [""]
        first = container.add_paragraph()
        add_field(first, 'TOC \\o "1-3" \\h \\z \\u', titles[0], end=len(titles) == 1)
        for i, title in enumerate(titles[1:], 2):
            paragraph = container.add_paragraph(title)
            if i == len(titles):
                _field_char(paragraph, "end")

    def _list(self, container: Any, element: Any, depth: int) -> None:
        kind = "List Number" if element.tag == "ol" else "List Bullet"
        style = kind if depth == 1 else f"{kind} {min(depth, 3)}"
        for item in element:
            if not isinstance(item.tag, str) or item.tag != "li":
                continue
            nested = [c for c in item if isinstance(c.tag, str) and c.tag in ("ul", "ol")]
            for child in nested:
                item.remove(child)
            self.flow(container, item, style)
            for child in nested:
                self._list(container, child, depth + 1)

    def _definitions(self, container: Any, element: Any, as_table: bool) -> None:
        """``dl.meta`` as a two-column table; other lists as 'Name: value' paragraphs."""
        pairs: list[tuple[Any, Any]] = []
        terms = [c for c in element.iter("dt")]
        for term in terms:
            value = term.getnext()
            if value is not None and value.tag == "dd":
                pairs.append((term, value))
        if as_table and pairs:
            table = container.add_table(rows=0, cols=2)
            table.style = "Table Grid"
            for term, value in pairs:
                cells = table.add_row().cells
                self.flow(cells[0], term)
                for paragraph in cells[0].paragraphs:
                    for run in paragraph.runs:
                        run.bold = True
                self.flow(cells[1], value)
            return
        for term, value in pairs:
            paragraph = container.add_paragraph()
            add_run(paragraph, term.text_content().strip() + ": ", bold=True)
            for text, how in self._inline(value, {}):
                add_run(paragraph, text, **how)

    def _table(self, container: Any, element: Any) -> None:
        rows = [tr for tr in element.iter("tr")]
        columns = max((len([c for c in tr if c.tag in ("th", "td")]) for tr in rows), default=0)
        if not columns:
            return
        caption = element.find("caption")
        if caption is not None and not _hidden(caption):
            self.flow(container, caption, "Caption")
        table = container.add_table(rows=0, cols=columns)
        table.style = "Table Grid"
        if caption is not None:
            _describe(table, caption.text_content().strip())
        for tr in rows:
            row = table.add_row()
            header = tr.getparent().tag == "thead"
            if header:
                _mark_row(row, "w:tblHeader")
            for cell, source in zip(
                row.cells, [c for c in tr if c.tag in ("th", "td")], strict=False
            ):
                self.flow(cell, source)
                if header:
                    for paragraph in cell.paragraphs:
                        for run in paragraph.runs:
                            run.bold = True

    def _signatures(self, container: Any, element: Any) -> None:
        """The signature blocks, two a row; no row is split over two pages."""
        blocks = [c for c in element if isinstance(c.tag, str) and "signature" in _classes(c)]
        if not blocks:
            return
        table = container.add_table(rows=0, cols=min(2, len(blocks)))
        for start in range(0, len(blocks), 2):
            row = table.add_row()
            _mark_row(row, "w:cantSplit")
            for cell, block in zip(row.cells, blocks[start : start + 2], strict=False):
                self.flow(cell, block)


def _mark_row(row: Any, what: str) -> None:
    """A row property: ``w:tblHeader`` (repeat on every page) or ``w:cantSplit``."""
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement(what))


def _describe(table: Any, text: str) -> None:
    """The table's caption as its title (what a screen reader announces)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    caption = OxmlElement("w:tblCaption")
    caption.set(qn("w:val"), text)
    properties = table._tbl.tblPr
    look = properties.find(qn("w:tblLook"))
    if look is not None:
        look.addnext(caption)
    else:
        properties.append(caption)
