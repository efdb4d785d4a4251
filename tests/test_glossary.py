"""The Swedish catalogue follows docs/glossary.md where a machine can tell: one word for a
repository, a schedule and each severity, ”…” quotes, the Swedish dash, no abbreviations,
and dates written out inside sentences."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from helpers import ROOT

from trygg_cli import i18n
from trygg_cli.date_words import day_or_year, long_date

PO = ROOT / "trygg_cli" / "locale" / "sv" / "LC_MESSAGES" / "trygg.po"


def _messages() -> list[tuple[str, str]]:
    with PO.open("rb") as handle:
        return [(m.id, m.string) for m in read_po(handle, locale="sv") if m.id]


MESSAGES = _messages()


def _prose(text: str) -> str:
    """The text without code in backticks (keys and YAML the reader types)."""
    return re.sub(r"`[^`]*`", "", text)


def _outside_quotes(text: str) -> str:
    """The prose without what is quoted: the documents' own words, values to type."""
    return re.sub(r"”[^”]*”", "", _prose(text))


def _breaking(pattern: str, where: str = "prose", flags: int = 0) -> list[str]:
    part = _prose if where == "prose" else _outside_quotes
    found = re.compile(pattern, flags)
    return [text for _msgid, text in MESSAGES if found.search(part(text))]


def test_a_repository_is_a_git_repo() -> None:
    assert _breaking(r"repositor", flags=re.I) == []
    assert _breaking(r"(?<!git-)\b[Rr]epo(?:t|n)?\b") == []
    # "arkiv" for a git-repo; "arkivbeständig" (a PDF/A that a registry keeps) is another word.
    assert _breaking(r"arkiv(?!beständig)", "unquoted", re.I) == []
    assert any("git-repot" in text for _msgid, text in MESSAGES)


def test_a_schedule_is_a_tidsplan_and_scheman_is_never_said() -> None:
    assert _breaking(r"scheman", flags=re.I) == []
    about_schedules = [
        text
        for msgid, text in MESSAGES
        if re.search(r"\b[Ss]chedul", msgid) and re.search(r"schema(?!lag)", _prose(text), re.I)
    ]
    assert about_schedules == []


def test_the_severities_are_fel_varning_tips() -> None:
    translated = dict(MESSAGES)
    assert (translated["{n} error"], translated["{n} errors"]) == ("{n} fel", "{n} fel")
    assert translated["{n} warning"] == "{n} varning"
    assert translated["{n} warnings"] == "{n} varningar"
    assert (translated["{n} info"], translated["{n} infos"]) == ("{n} tips", "{n} tips")
    assert [
        text
        for msgid, text in MESSAGES
        if re.search(r"\binfos?\b", msgid) and re.search(r"\binformation\b", text)
    ] == []


def test_quotes_are_swedish() -> None:
    """”…” on both sides; a straight quote is left only inside code in backticks."""
    straight = r"(?<![\w”])'[^'\s][^']*'(?![\w])|\"[^\"]*\""
    assert _breaking(straight) == []
    assert [text for _msgid, text in MESSAGES if text.count("”") % 2] == []
    assert _breaking(r"[“‘’]") == []


def test_the_dash_and_no_abbreviations() -> None:
    assert _breaking(r" — ") == []
    assert _breaking(r"\bt\.ex\.", "unquoted") == []


def test_no_iso_date_inside_a_swedish_sentence() -> None:
    """An ISO date stands only where the reader types it or the documents say it: in
    backticks, in ”…”, or in a message that says how to write a date (ÅÅÅÅ-MM-DD)."""
    iso = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
    assert [
        text
        for _msgid, text in MESSAGES
        if iso.search(_outside_quotes(text)) and "ÅÅÅÅ-MM-DD" not in text
    ] == []


@pytest.mark.parametrize(
    ("lang", "day", "quoted"),
    [("sv", "30 april 2025", "”Mölnåls”"), ("en", "30 April 2025", "'Mölnåls'")],
)
def test_long_dates_and_quotes_in_both_languages(lang: str, day: str, quoted: str) -> None:
    i18n.set_language(lang)
    try:
        assert (long_date(date(2025, 4, 30)), i18n.quoted("Mölnåls")) == (day, quoted)
        assert (day_or_year(date(2023, 5, 1)), day_or_year(2023)) == (
            long_date(date(2023, 5, 1)),
            "2023",
        )
    finally:
        i18n.set_language(None)


# Where code may put an ISO date into a translated message: the calendar's own lines and
# the notes beside the date column of due's table and Markdown rows.
ISO_ALLOWED = {
    ("due/report/ics.py", "_description"),
    ("due/report/words.py", "ended_when"),
    ("due/report/words.py", "unrecorded_note"),
}


def _iso_into_messages() -> Iterator[tuple[str, str, int]]:
    for path in sorted((ROOT / "trygg_cli").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef):
                continue
            for node in ast.walk(function):
                if not (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "format"
                    and isinstance(node.func.value, ast.Call)
                    and isinstance(node.func.value.func, ast.Name)
                    and node.func.value.func.id == "_"
                ):
                    continue
                values = [kw.value for kw in node.keywords] + list(node.args)
                if any(
                    isinstance(sub, ast.Attribute) and sub.attr == "isoformat"
                    for value in values
                    for sub in ast.walk(value)
                ):
                    yield str(path.relative_to(ROOT / "trygg_cli")), function.name, node.lineno


def test_code_writes_dates_in_sentences_out() -> None:
    """A date given to a message goes through date_words.long_date(), not isoformat()."""
    found = [
        f"{path}:{line} ({name})"
        for path, name, line in _iso_into_messages()
        if (Path(path).as_posix(), name) not in ISO_ALLOWED
    ]
    assert found == []
