"""``trygg render -f docx``: the document as a Word file, for a consultation version
(remissversion) that is edited in Word.

The Word file is made from the rendered HTML page — the same templates, so a template
of one's own changes both — element by element (:mod:`trygg_cli.render.word_blocks`):
Word's own styles (Title, Heading 1–3 for the chapters and their parts, so that Word's
navigation pane and table of contents follow them, lists, Caption), tables for the
metadata block, members, actions and commitments, a signature block whose rows never
split, and Word's table-of-contents field in place of the page's. A4, language sv-SE,
a page header with the short title and the diarienummer, "Sida 3 (8)" in the footer.

The same document gives the same bytes: the file's dates are the stamp's day, and the
zip archive is written again with its entries in the same order and a fixed date.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, date, datetime
from typing import Any

from trygg_cli.errors import TryggError
from trygg_cli.i18n import _
from trygg_cli.render.word_blocks import Blocks, add_field, add_run

LANG = "sv-SE"


def to_docx(html: str, day: date) -> bytes:
    """``html`` (a rendered page) as the bytes of a Word file dated ``day``."""
    try:
        import docx
        from docx.shared import Mm, Pt
        from lxml import html as lxml_html
    except ImportError as exc:
        raise TryggError(
            _("Word output needs python-docx ({error}); install it with 'pip install python-docx'")
            .format(error=exc)
        ) from None  # fmt: skip
    page = lxml_html.document_fromstring(html)
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(20)
    document.styles["Normal"].font.size = Pt(11)
    _language(document)
    header = page.find(".//header")
    title = page.findtext(".//title") or ""
    _properties(document, title, page, day)
    _running(document, header)
    Blocks(document).flow(document, page.body)
    return _fixed_zip(document, day)


def _language(document: Any) -> None:
    """Swedish spelling and hyphenation for the whole document (the defaults' language)."""
    from docx.oxml.ns import qn

    defaults = document.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(".//" + qn("w:lang"))
    lang.set(qn("w:val"), LANG)
    lang.set(qn("w:eastAsia"), LANG)


def _properties(document: Any, title: str, page: Any, day: date) -> None:
    """Title, author, language and dates: the page's, and the stamp's day."""
    properties = document.core_properties
    author = page.find('.//meta[@name="author"]')
    properties.title = title
    properties.author = author.get("content") if author is not None else ""
    properties.last_modified_by = "trygg"
    properties.language = LANG
    properties.comments = ""
    properties.revision = 1
    moment = datetime(day.year, day.month, day.day, tzinfo=UTC)
    properties.created = properties.modified = properties.last_printed = moment


def _running(document: Any, header: Any) -> None:
    """The page header (short title, diarienummer) and footer ("Sida 3 (8)")."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    section = document.sections[0]
    if header is not None:
        words = [header.get("data-short-title", ""), header.get("data-dnr", "")]
        top = section.header.paragraphs[0]
        top.text = " · ".join(w for w in words if w)
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    add_run(foot, "Sida ")
    add_field(foot, "PAGE", "1")
    add_run(foot, " (")
    add_field(foot, "NUMPAGES", "1")
    add_run(foot, ")")


def _fixed_zip(document: Any, day: date) -> bytes:
    """The saved file with every zip entry dated ``day``: python-docx dates them now."""
    saved = io.BytesIO()
    document.save(saved)
    fixed = io.BytesIO()
    stamp = (max(day.year, 1980), day.month, day.day, 0, 0, 0)
    with (
        zipfile.ZipFile(saved) as source,
        zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry.filename))
    return fixed.getvalue()
