"""What a coordinator reads names its sources as a reader knows them ("Mölndal's local
agreement 2023–2026"), never by our internal file numbers ("seed 004").

Checked: every rule's documentation in English and in Swedish (the catalogue and the text
`trygg lint --explain` shows), the user documentation in docs/*.md and README.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from helpers import ROOT

from trygg_cli import i18n
from trygg_cli.lint.rules import RULES

SEED_NUMBER = re.compile(r"\bseeds? \d", re.IGNORECASE)
SWEDISH_CATALOGUE = ROOT / "trygg_cli" / "locale" / "sv" / "LC_MESSAGES" / "trygg.po"
DOCUMENTS = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]


def _seed_numbers(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if SEED_NUMBER.search(line)]


@pytest.fixture
def swedish() -> Iterator[None]:
    i18n.set_language("sv")
    yield
    i18n.set_language(None)


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_documentation_names_its_sources(rule_id: str) -> None:
    assert _seed_numbers(RULES[rule_id].doc) == []


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_swedish_rule_documentation_names_its_sources(rule_id: str, swedish: None) -> None:
    assert i18n.language() == "sv"
    assert _seed_numbers(RULES[rule_id].translated_doc()) == []


def test_swedish_catalogue_names_its_sources() -> None:
    with SWEDISH_CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle, locale="sv", domain="trygg")
    found = [m.string for m in catalogue if m.id and SEED_NUMBER.search(str(m.string))]
    assert found == []


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.name)
def test_user_documentation_names_its_sources(path: Path) -> None:
    assert _seed_numbers(path.read_text("utf-8")) == []


def test_the_check_finds_a_seed_number() -> None:
    assert _seed_numbers('Mölndal\'s (seed 004) says "…"') != []
    assert _seed_numbers("(Mölndals, seed 004, anger inget)") != []
    assert _seed_numbers("Mölndal's local agreement 2023–2026 says") == []
