"""The status a rendered document carries: the life ``trygg due`` acts on, and drafts.

"Har upphört att gälla den 30 april 2025", "Ersatt av … från och med …", "Utkast", "Gäller
från och med …", and who signed when; worked out by :mod:`trygg_cli.model.life`, the
rules due uses, which the last test checks on every example.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from helpers import EXAMPLES, Result, write_file
from test_render_shapes import AGREEMENT

from trygg_cli.check import KEEP_DOCUMENT
from trygg_cli.due.extract import SCHEDULES, schedules_of
from trygg_cli.model.life import lives_of, standings
from trygg_cli.render.status import statuses
from trygg_cli.workspace import load_paths

SIGNED = """\
signatories:
  - {name: Anna Ek, title: Kommunstyrelsens ordförande, party: kommunen, signed: 2024-05-02, place: Exempelby}
  - {title: Lokalpolisområdeschef, party: polisen, signed: 2024-05-03}
"""
NEWER = (
    AGREEMENT.replace("id: avtal", "id: avtal-2024").replace(
        "title: Lokal samverkansöverenskommelse", "title: Ny lokal överenskommelse"
    )
    + SIGNED
    + """\
validity: {from: 2024-05-11, until_further_notice: true}
supersedes:
  - {title: Lokal samverkansöverenskommelse, agreement: avtal}
"""
)


@pytest.fixture
def docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path / "docs"


def _html(cli: Callable[..., Result], doc_id: str, day: str = "2026-01-01") -> str:
    result = cli("render", "docs", "-d", doc_id, "--stamp-date", day)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_a_replaced_document_names_its_successor(docs: Path, cli: Callable[..., Result]) -> None:
    old = AGREEMENT + SIGNED.replace("2024-05", "2020-05")
    write_file(docs, "avtal.yaml", old + "validity: {from: 2020-05-11, until: 2026-05-10}\n")
    write_file(docs, "ny.yaml", NEWER)
    html = _html(cli, "avtal")
    assert (
        '<p class="status status-replaced"><strong>Ersatt av Ny lokal överenskommelse från och '
        "med 11 maj 2024.</strong></p>"
    ) in html
    site = cli("render", "docs", "--site", "site", "--stamp-date", "2026-01-01")
    assert site.exit_code == 0, site.stderr
    page = (docs.parent / "site" / "avtal.html").read_text("utf-8")
    assert 'Ersatt av <a href="avtal-2024.html">Ny lokal överenskommelse</a>' in page
    # Before the successor starts, the old one is still in force and says nothing.
    assert '<p class="status' not in _html(cli, "avtal", "2024-05-10")


def test_drafts_decided_and_signed(docs: Path, cli: Callable[..., Result]) -> None:
    write_file(
        docs,
        "ny.yaml",
        NEWER.replace(
            "supersedes:\n  - {title: Lokal samverkansöverenskommelse, agreement: avtal}\n", ""
        ),
    )
    html = _html(cli, "avtal-2024", "2024-05-05")
    assert '<p class="status"><strong>Gäller från och med 11 maj 2024.</strong></p>' in html
    assert (
        "<dt>Undertecknad</dt>\n<dd>Anna Ek (Kommunstyrelsens ordförande) 2 maj 2024 och "
        "Lokalpolisområdeschef 3 maj 2024</dd>"
    ) in html
    assert '<p class="signer">Anna Ek</p>' in html and "Exempelby den 2 maj 2024" in html
    write_file(docs, "ny.yaml", AGREEMENT + "validity: {from: 2024-05-11}\n")
    draft = _html(cli, "avtal")
    assert (
        '<p class="status status-draft"><strong>Utkast.</strong> Överenskommelsen är varken '
        "beslutad eller undertecknad.</p>"
    ) in draft
    assert "<title>Lokal samverkansöverenskommelse – Exempelby</title>" in draft
    decided = AGREEMENT + "decision: {body: Kommunstyrelsen, date: 2024-04-02}\n"
    write_file(docs, "ny.yaml", decided + "validity: {from: 2024-05-11}\n")
    assert "Utkast" not in _html(cli, "avtal")


def test_an_ended_promise_says_so_in_every_format(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    for fmt, expected in (
        (
            "html",
            '<p class="status status-ended"><strong>Har upphört att gälla den 30 april 2025.</strong></p>',
        ),
        ("markdown", "\n**Har upphört att gälla den 30 april 2025.**\n"),
    ):
        result = cli(
            "render", str(EXAMPLES), "-d", "molndal-medborgarlofte-2023", "-f", fmt,
            "--stamp-date", "2026-01-01",
        )  # fmt: skip
        assert expected in result.stdout


def test_render_and_due_read_the_same_life_from_every_example() -> None:
    """The same rules on both sides: the lives from the model documents (render) and from
    due's records built in the workers are the same, on days across the examples' span."""
    workspace = load_paths([str(EXAMPLES)], passes=(KEEP_DOCUMENT, SCHEDULES))
    documents = workspace.documents
    from_due = schedules_of(workspace)
    for day in (date(2019, 1, 1), date(2024, 6, 1), date(2025, 5, 1), date(2028, 1, 1)):
        assert lives_of(standings(documents.values()), day) == lives_of(from_due, day)
    shown = statuses(documents, date(2026, 1, 1))
    assert {doc_id: s.label for doc_id, s in shown.items()} == {
        "exempel-lofte-centrum": "Gällande",
        "exempel-lokal-2022": "Gällande",
        "goteborg-central-2018": "Gällande",
        "molndal-atgardsplan-2023": "Gällande",
        "molndal-lokal-2023": "Utkast",
        "molndal-medborgarlofte-2023": "Upphört",
        "molndal-uppfoljning-2024": "Genomförd",  # a follow-up: a record, not in force
        "stockholm-overgripande": "Utkast",
    }
