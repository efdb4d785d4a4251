"""Recording a completion edits the YAML in place: only added lines, or nothing at all."""

from __future__ import annotations

import difflib
from datetime import date
from pathlib import Path

import pytest
from helpers import EXAMPLES, MINIMAL_AGREEMENT

from trygg_cli.check import KEEP_DOCUMENT
from trygg_cli.errors import TryggError
from trygg_cli.model.dates import schedules
from trygg_cli.record import Entry, add_completion
from trygg_cli.workspace import load_sources


def _changes(old: str, new: str) -> tuple[list[str], list[str]]:
    diff = list(difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0))
    removed = [line[1:] for line in diff if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in diff if line.startswith("+") and not line.startswith("+++")]
    return removed, added


def _done(text: str, loc: tuple[str | int, ...]) -> list[str]:
    workspace = load_sources({"x.yaml": text.encode()}, passes=(KEEP_DOCUMENT,))
    assert workspace.findings == []
    [document] = workspace.documents.values()
    found = dict(schedules(document))
    return [d.label for d in found[loc].done]


@pytest.mark.parametrize("path", sorted(EXAMPLES.rglob("*.yaml")), ids=lambda p: p.name)
def test_every_schedule_of_every_example_takes_a_completion_as_added_lines(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    workspace = load_sources({"x.yaml": text.encode()}, passes=(KEEP_DOCUMENT,))
    [document] = workspace.documents.values()
    for loc, schedule in schedules(document):
        if schedule.tied or schedule.qualifier == "as_needed":
            continue
        new = add_completion(text, loc, Entry(day=date(2026, 11, 30)))
        removed, added = _changes(text, new)
        if removed:  # a schedule written on one line in flow style grows on that line
            assert len(removed) == 1 and removed[0].rstrip().endswith("}"), (loc, removed)
            assert any(line.startswith(removed[0].rstrip()[:-1]) for line in added)
        assert added, loc
        assert _done(new, loc)[-1] == "2026-11-30"


def test_a_schedule_without_done_gets_a_list_and_entries_keep_their_fields() -> None:
    text = MINIMAL_AGREEMENT + "follow_up:\n  first: 2024\n  every: 1  # årligen\n"
    new = add_completion(text, ("follow_up",), Entry(year=2024, note="Redovisad för KS"))
    removed, added = _changes(text, new)
    assert removed == []
    assert added == ["  done:", "    - year: 2024", "      note: Redovisad för KS"]
    assert "# årligen" in new
    assert _done(new, ("follow_up",)) == ["2024"]


def test_a_flow_list_grows_on_its_own_line() -> None:
    text = MINIMAL_AGREEMENT + "follow_up: {first: 2024, every: 1, done: [2024-11-30]}\n"
    new = add_completion(text, ("follow_up",), Entry(day=date(2025, 11, 30)))
    removed, added = _changes(text, new)
    assert removed == ["follow_up: {first: 2024, every: 1, done: [2024-11-30]}"]
    assert added == ["follow_up: {first: 2024, every: 1, done: [2024-11-30, 2025-11-30]}"]


def test_a_file_it_cannot_rewrite_unchanged_is_left_alone_with_what_to_add() -> None:
    # Two list styles in one file: ruamel writes one of them the other way.
    text = MINIMAL_AGREEMENT + "sections:\n- id: a\n  title: A\n  text: B\n"
    text += "follow_up:\n  first: 2024\n  every: 1\n"
    with pytest.raises(TryggError) as caught:
        add_completion(text, ("follow_up",), Entry(day=date(2025, 11, 30), occurrence=2025))
    assert "by hand: - {date: 2025-11-30, occurrence: 2025}" in str(caught.value)


def test_no_schedule_there_is_an_error() -> None:
    with pytest.raises(TryggError, match="there is no schedule at follow_up"):
        add_completion(MINIMAL_AGREEMENT, ("follow_up",), Entry(day=date(2025, 1, 1)))


def test_a_flow_mapping_without_done_gets_a_flow_list_on_its_line() -> None:
    text = MINIMAL_AGREEMENT + "follow_up: {first: 2024, every: 1}\n"
    new = add_completion(text, ("follow_up",), Entry(day=date(2025, 11, 30)))
    assert _changes(text, new) == (
        ["follow_up: {first: 2024, every: 1}"],
        ["follow_up: {first: 2024, every: 1, done: [2025-11-30]}"],
    )
