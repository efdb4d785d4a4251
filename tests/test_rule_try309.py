"""TRY309: a period's or schedule's `text:` read with the phrase parser and compared with
its data — Mölndal's "en period om fyra år" against 2023-05-01 – 2026-12-31 above all."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from helpers import ROOT, write_file

from trygg_cli.findings import Finding
from trygg_cli.lint.base import LintSettings
from trygg_cli.lint.engine import lint_workspace
from trygg_cli.lint.passes import lint_passes
from trygg_cli.lint.rules import RULES
from trygg_cli.workspace import load_paths

SETTINGS = LintSettings(today=date(2026, 11, 25), selected=frozenset(RULES))
ORIGINAL = ROOT / "tests" / "fixtures" / "lint" / "molndal-2023-original.yaml"

HEAD = """\
trygg: 1
kind: agreement
id: exempel-lokal
title: Lokal samverkansöverenskommelse för Exempelby
scope: local
municipality: Exempelby
parties:
  - {id: kommunen, name: Exempelby kommun, type: kommun}
  - {id: polisen, name: Lokalpolisområde Exempel, type: lokalpolisområde}
"""


def _findings(folder: Path, text: str) -> list[Finding]:
    write_file(folder, "doc.yaml", text)
    found = lint_workspace(load_paths([str(folder)], passes=lint_passes(SETTINGS)), SETTINGS)
    assert not [f for f in found if not f.rule.startswith("TRY")], found
    return [f for f in found if f.rule == "TRY309"]


def test_molndal_as_published_is_caught_once_the_term_is_only_words(tmp_path: Path) -> None:
    # As published, with 'term: 4 years' beside the dates, TRY301 reports it; with the
    # four years only in the words (as the hand-made example has it), TRY309 does.
    original = ORIGINAL.read_text("utf-8")
    assert _findings(tmp_path / "a", original) == []
    without_term = re.sub(r"  term:\n(    .*\n)+", "", original)
    found = _findings(tmp_path / "b", without_term)
    assert len(found) == 1
    line = without_term.splitlines()[found[0].line - 1]
    assert "en period om fyra år" in line
    assert found[0].column == line.index("en period om fyra år") + 1
    assert "31 December 2026" in found[0].message and "3 years and 8 months" in found[0].message
    until = next(n for n, t in enumerate(without_term.splitlines(), 1) if "until: 2026" in t)
    assert f"(line {until})" in found[0].message


def test_the_hand_made_example_is_silenced_with_a_reason() -> None:
    example = (ROOT / "examples" / "molndal" / "lokal-2023.yaml").read_text("utf-8")
    assert "# trygg: ignore[TRY309]" in example


def test_a_cadence_against_its_data(tmp_path: Path) -> None:
    found = _findings(
        tmp_path,
        HEAD
        + """\
validity: {from: 2024-01-01, until: 2027-12-31}
follow_up:
  text: Uppföljning görs cirka fyra gånger per år.
  times: 2
""",
    )
    assert [(f.line, f.yaml_path) for f in found] == [(12, ("follow_up", "text"))]
    assert "'{times: 2}' on line 13" in found[0].message


def test_words_in_passing_and_unknown_words_are_never_judged(tmp_path: Path) -> None:
    found = _findings(
        tmp_path,
        HEAD
        + """\
validity:
  from: 2024-01-01
  until: 2027-12-31
  text: Överenskommelsen kan sägas upp av endera parten.
follow_up:
  text: Uppföljningen görs vid behov tillsammans med berörda.
  times: 2
revision:
  text: Revidering efter överenskommelse mellan parterna.
  every: 2
  first: 2025
""",
    )
    assert found == []


def test_open_end_against_an_end_date(tmp_path: Path) -> None:
    found = _findings(
        tmp_path,
        HEAD
        + """\
validity:
  from: 2024-01-01
  until: 2027-12-31
  text: Överenskommelsen löper tills vidare.
""",
    )
    assert len(found) == 1 and "'until: 2027-12-31'" in found[0].message


def test_a_term_text_against_its_amount(tmp_path: Path) -> None:
    found = _findings(
        tmp_path,
        HEAD
        + """\
validity:
  from: 2024-01-01
  term: {amount: 3, unit: year, text: en period om fyra år}
""",
    )
    assert [f.yaml_path for f in found] == [("validity", "term", "text")]


def test_once_a_year_and_every_year_agree(tmp_path: Path) -> None:
    found = _findings(
        tmp_path,
        HEAD
        + """\
validity: {from: 2024-01-01, until: 2027-12-31, text: Gäller 2024–2027.}
follow_up:
  text: Följs upp en gång per år.
  every: 1
evaluation:
  text: Utvärderas årligen.
  times: 1
""",
    )
    assert found == []
