"""``trygg render -f docx``: a Word file for a consultation version, made from the HTML.

Opened again with python-docx: Word's heading styles (the navigation pane and the table
of contents follow them), tables for the metadata, members, actions, commitments and the
signatures, the file's properties, and the same bytes on every run.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from helpers import EXAMPLES, Result

STAMP = "2026-01-01"


@pytest.fixture
def word(tmp_path: Path, cli: Callable[..., Result]) -> Callable[[str], Any]:
    """Render one example to a .docx file and open it with python-docx."""
    import docx

    def _open(doc_id: str) -> Any:
        target = tmp_path / f"{doc_id}.docx"
        result = cli(
            "render", str(EXAMPLES), "-d", doc_id, "-o", str(target), "--stamp-date", STAMP
        )
        assert result.exit_code == 0, result.stderr
        return docx.Document(str(target))

    return _open


def _headings(document: Any) -> list[tuple[str, str]]:
    return [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style.name == "Title" or p.style.name.startswith("Heading")
    ]


def _rows(table: Any) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_an_agreement_has_word_headings_metadata_members_and_signatures(
    word: Callable[[str], Any],
) -> None:
    document = word("molndal-lokal-2023")
    headings = _headings(document)
    assert headings[0] == ("Title", "Lokal samverkansöverenskommelse")
    assert ("Heading 1", "Samverkansorganisation") in headings
    assert ("Heading 2", "BRÅ Mölndal (Styrgrupp BRÅ)") in headings
    assert ("Heading 3", "Mål") in headings
    levels = [int(style.split()[1]) for style, _ in headings[1:]]
    assert all(b <= a + 1 for a, b in pairwise(levels))  # in order
    tables = document.tables
    assert _rows(tables[0])[:2] == [
        ["Dokumenttyp", "Styrdokument Program"],
        ["Beslutat av", "Kommunstyrelsen"],
    ]
    members = next(t for t in tables if _rows(t)[0] == ["Part", "Roller"])
    assert members.rows[0]._tr.trPr.xpath("./w:tblHeader")  # repeats on every page
    signatures = _rows(tables[-1])[0]
    assert signatures[0].startswith("Ort och datum") and "Stefan Gustafsson" in signatures[0]
    assert tables[-1].rows[0]._tr.trPr.xpath("./w:cantSplit")  # never split
    paragraphs = [p.text for p in document.paragraphs]
    assert "Utkast. Överenskommelsen är varken beslutad eller undertecknad." in paragraphs
    properties = document.core_properties
    assert properties.title == "Lokal samverkansöverenskommelse – Mölndal"
    assert properties.author == "Mölndals stad och Lokalpolisområde Storgöteborg Syd"
    assert properties.language == "sv-SE" and properties.created.year == 2026
    assert document.sections[0].header.paragraphs[0].text == "Lokal samverkansöverenskommelse"
    assert document.sections[0].footer.paragraphs[0].text.startswith("Sida 1 (")


def test_actions_and_commitments_are_tables(word: Callable[[str], Any]) -> None:
    plan = word("molndal-atgardsplan-2023")
    assert ("Heading 2", "Ungdomar i riskzon") in _headings(plan)
    actions = _rows(plan.tables[1])  # after the metadata
    assert actions[0] == ["Åtgärd", "Ansvarig", "Utförs av", "När", "Status"]
    assert actions[1][0] == "Drogvaneundersökning i skolor" and actions[1][4] == "Pågår"
    promise = word("molndal-medborgarlofte-2023")
    assert ("Heading 2", "Lokalpolisområde Storgöteborg Syd lovar") in _headings(promise)
    commitments = next(t for t in promise.tables if _rows(t)[0][0] == "Åtagande")
    assert _rows(commitments)[0] == ["Åtagande", "När", "Läge"]
    text = [p.text for p in promise.paragraphs]
    assert "Har upphört att gälla den 30 april 2025." in text


def test_the_same_bytes_on_every_run(tmp_path: Path, cli: Callable[..., Result]) -> None:
    for name in ("a.docx", "b.docx"):
        target = tmp_path / name
        result = cli("render", str(EXAMPLES / "goteborg"), "-o", str(target), "--stamp-date", STAMP)
        assert result.exit_code == 0, result.stderr
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()
