"""``trygg render -f pdf``: a tagged, archival PDF from the same templates as the HTML.

WeasyPrint takes about a second a document, so the PDFs are few: one example rendered once
for the session (checked with pypdf: structure tree, language, title, author, the PDF/A
identification in its XMP, bookmarks, "Sida 1 (" and the title on page 1), and one tiny
agreement rendered twice for the same bytes. The rest runs before any PDF is made.
"""

from __future__ import annotations

import importlib.abc
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import EXAMPLES, MINIMAL_AGREEMENT, Result, run_cli

from trygg_cli.cli.commands.render import PdfVariant
from trygg_cli.render.pdf import DEFAULT_VARIANT, VARIANTS

EPOCH = "1767225600"  # 2026-01-01 00:00 UTC


@pytest.fixture(scope="session")
def example_pdf(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """examples/exempel's agreement as a PDF (four pages), read with pypdf."""
    from pypdf import PdfReader

    folder = tmp_path_factory.mktemp("pdf")
    target = folder / "lokal.pdf"
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        result = run_cli("render", str(EXAMPLES), "-d", "exempel-lokal-2022", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    return PdfReader(target)


def test_the_pdf_is_tagged_archival_swedish_and_titled(example_pdf: Any) -> None:
    root = example_pdf.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "sv-SE"
    title = "Lokal samverkansöverenskommelse mellan Exempelby kommun och Lokalpolisområde Exempel"
    assert example_pdf.metadata.title == title
    assert example_pdf.metadata.author == "Exempelby kommun och Lokalpolisområde Exempel"
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert 'pdfaid:part="2"' in xmp and 'pdfaid:conformance="A"' in xmp
    # Bookmarks from the headings: the title, with the chapters under it.
    assert example_pdf.outline[0].title == title
    chapters = [item.title for item in example_pdf.outline[1] if not isinstance(item, list)]
    assert chapters[:3] == ["Innehåll", "Bakgrund", "Parter"] and "Giltighetstid" in chapters


def test_page_one_has_the_title_and_a_swedish_page_number(example_pdf: Any) -> None:
    pages = len(example_pdf.pages)
    first = " ".join(example_pdf.pages[0].extract_text().split())
    assert "Lokal samverkansöverenskommelse mellan Exempelby kommun" in first
    assert f"Sida 1 ({pages})" in first
    assert f"Sida {pages} ({pages})" in example_pdf.pages[-1].extract_text()
    # The table of contents gives each chapter's page (target-counter).
    assert "Giltighetstid ....." in first


def test_the_same_bytes_with_source_date_epoch(
    tmp_path: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("avtal.yaml").write_text(MINIMAL_AGREEMENT, encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    for name in ("a.pdf", "b.pdf"):
        result = cli("render", "avtal.yaml", "-o", name)
        assert result.exit_code == 0, result.stderr
    assert Path("a.pdf").read_bytes() == Path("b.pdf").read_bytes()
    assert Path("a.pdf").read_bytes().startswith(b"%PDF-1.7")


def test_a_pdf_or_word_file_needs_a_file_and_is_refused_like_the_html(
    tmp_path: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("avtal.yaml").write_text(
        MINIMAL_AGREEMENT
        + "sections:\n  - id: kontakt\n    title: Kontakt\n    text: Anna 19121212-1212.\n",
        encoding="utf-8",
    )
    screen = cli("render", "avtal.yaml", "-f", "pdf")
    assert screen.exit_code == 2 and screen.stdout == ""
    assert "a PDF file is not shown on the screen: give --output FILE" in screen.stderr
    for name in ("avtal.pdf", "avtal.docx"):
        refused = cli("render", "avtal.yaml", "-o", name)
        assert refused.exit_code == 1
        assert "avtal.yaml:20:16: not rendered: a personal identity number" in refused.stderr
        assert not Path(name).exists()
    site = cli("render", "avtal.yaml", "-f", "pdf", "--site", "site")
    assert site.exit_code == 2 and "--site writes HTML or Markdown pages, not pdf" in site.stderr


class _NoPango(importlib.abc.MetaPathFinder):
    """Importing WeasyPrint fails as it does on a machine without Pango."""

    def find_spec(self, name: str, *args: object) -> None:
        if name == "weasyprint":
            print("\n-----\n\nWeasyPrint could not import some external libraries.")
            raise OSError("cannot load library 'libpango-1.0-0': No such file")


@pytest.fixture
def no_pango(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in [m for m in sys.modules if m == "weasyprint" or m.startswith("weasyprint.")]:
        monkeypatch.delitem(sys.modules, name)
    finder = _NoPango()
    sys.meta_path.insert(0, finder)
    yield
    sys.meta_path.remove(finder)


@pytest.mark.usefixtures("no_pango")
def test_without_pango_the_user_is_told_what_to_install(
    tmp_path: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("avtal.yaml").write_text(MINIMAL_AGREEMENT, encoding="utf-8")
    result = cli("render", "avtal.yaml", "-f", "pdf", "-o", "-")
    assert result.exit_code == 2
    assert result.stdout == ""  # WeasyPrint's own advice does not land in the PDF
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert "PDF output needs WeasyPrint's system libraries" in line
    assert "sudo apt install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0" in line
    assert "brew install pango" in line


def test_the_offered_variants_are_weasyprints() -> None:
    from weasyprint.pdf import VARIANTS as WEASYPRINT_VARIANTS

    assert {v.value for v in PdfVariant} == set(VARIANTS)
    assert set(VARIANTS) <= set(WEASYPRINT_VARIANTS)
    assert DEFAULT_VARIANT == PdfVariant.a2a.value == "pdf/a-2a"
