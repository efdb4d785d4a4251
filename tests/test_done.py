"""`trygg done REF`: the completion lands in the YAML as added lines, `trygg due` stops
listing the occasion, and nothing is written when anything is doubtful."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from helpers import EXAMPLES, MINIMAL_AGREEMENT

from trygg_cli.due.occurrence import Occurrence
from trygg_cli.due.refs import find

AS_OF = "2026-12-02"


def _git(folder: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.email=t@example.se", "-c", "user.name=t", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "repo"
    shutil.copytree(EXAMPLES, folder)
    _git(folder, "init", "-q")
    _git(folder, "add", "-A")
    _git(folder, "commit", "-qm", "examples")
    monkeypatch.chdir(folder)
    return folder


def _items(cli: Callable[..., Any]) -> list[dict[str, Any]]:
    result = cli("due", "--as-of", AS_OF, "--done", "-f", "json", ".")
    assert result.exit_code == 0, result.stderr
    items: list[dict[str, Any]] = json.loads(result.stdout)["items"]
    return items


def test_one_completion_per_kind_of_item_adds_lines_and_closes_the_occasion(
    repo: Path, cli: Callable[..., Any]
) -> None:
    first: dict[str, dict[str, Any]] = {}
    for item in _items(cli):
        if item["done"] is None:
            first.setdefault(item["item"], item)
    recordable = sorted(set(first) - {"validity-end", "promise-end", "period-end"})
    assert len(recordable) >= 9, recordable  # meetings, follow-ups, deadlines, promises …
    for kind in recordable:
        result = cli("done", first[kind]["ref"], "--as-of", AS_OF, "--date", "2026-11-30")
        assert result.exit_code == 0, (kind, result.stderr)
        assert "recorded as done on 30 November 2026" in result.stderr
    numstat = [line.split("\t") for line in _git(repo, "diff", "--numstat").splitlines()]
    removed = {name: int(deleted) for _added, deleted, name in numstat}
    # Only added lines, except the one status line of the action whose deadline is done.
    assert removed == {name: 0 for name in removed} | {"molndal/atgardsplan-2023.yaml": 1}
    assert "+    status: done" in _git(repo, "diff", "molndal/atgardsplan-2023.yaml")
    after = {item["ref"]: item for item in _items(cli)}
    for kind in recordable:
        ref = first[kind]["ref"]
        assert ref not in after or after[ref]["done"] is not None, kind
    assert cli("validate", ".").exit_code == 0


def test_a_backlog_is_recorded_on_the_planned_days(repo: Path, cli: Callable[..., Any]) -> None:
    # Mölndal's yearly follow-up of its agreement: only the follow-up document of 2025
    # (examples/molndal/uppfoljning-2024.yaml) closes one.
    def open_follow_ups() -> list[dict[str, Any]]:
        return [
            i
            for i in _items(cli)
            if i["doc_id"] == "molndal-lokal-2023" and i["item"] == "follow-up" and not i["done"]
        ]

    backlog = [i["planned"] for i in open_follow_ups() if i["planned"] < "2026-12-01"]
    assert backlog == ["2024-05-01", "2026-05-01"]
    ref = open_follow_ups()[0]["ref"]
    result = cli("done", ref, "--as-of", AS_OF, "--all-before", "2026-12-01")
    assert result.exit_code == 0, result.stderr
    added = [
        line
        for line in _git(repo, "diff", "-U0").splitlines()
        if line.startswith("+") and "date:" in line
    ]
    assert [line.split()[-1] for line in added] == backlog
    assert [i["planned"] for i in open_follow_ups() if i["planned"] < "2026-12-01"] == []


def test_doubtful_cases_write_nothing(repo: Path, cli: Callable[..., Any]) -> None:
    items = _items(cli)
    follow_up = next(i for i in items if i["item"] == "follow-up" and i["done"] is None)
    end = next(i for i in items if i["item"] == "validity-end")
    cases = {
        ("done", "zzzz"): "no occasion has the reference 'zzzz'",
        ("done", "xb"): "give at least 4 characters",
        ("done", follow_up["ref"], "--as-of", AS_OF, "--date", "2026-12-03"): (
            "3 December 2026 is in the future"
        ),
        ("done", end["ref"], "--as-of", AS_OF): "the end of a period is not something to mark",
    }
    for args, words in cases.items():
        result = cli(*args)
        assert result.exit_code == 2, args
        assert words in result.stderr, (args, result.stderr)
    assert _git(repo, "status", "--porcelain") == ""
    done_one = cli("done", follow_up["ref"], "--as-of", AS_OF)
    assert done_one.exit_code == 0
    again = cli("done", follow_up["ref"], "--as-of", AS_OF)
    assert again.exit_code == 2 and "is already recorded as done" in again.stderr


def test_a_file_it_cannot_edit_safely_is_left_as_it_was(
    tmp_path: Path, cli: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two list styles in one file: ruamel writes one of them the other way.
    odd = MINIMAL_AGREEMENT + "sections:\n- id: a\n  title: A\n  text: B\n"
    odd += "follow_up:\n  first: 2024\n  every: 1\n"
    path = tmp_path / "odd.yaml"
    path.write_text(odd, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    ref = next(i["ref"] for i in _items(cli) if i["occasion"] == "2024")
    result = cli("done", ref, "--as-of", AS_OF)
    assert result.exit_code == 2
    assert "add this under 'done:' by hand: - {date: 2026-12-02, occurrence: 2024}" in (
        result.stderr
    )
    assert path.read_text(encoding="utf-8") == odd


def test_a_file_that_changes_while_it_is_read_is_not_overwritten(
    repo: Path, cli: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from trygg_cli.cli.commands import done

    follow_up = next(i for i in _items(cli) if i["item"] == "follow-up" and i["done"] is None)
    path = repo / follow_up["path"]
    real = done._check

    def someone_saves(name: str, text: str) -> None:
        real(name, text)
        path.write_text(path.read_text(encoding="utf-8") + "# sparad av någon annan\n")

    monkeypatch.setattr(done, "_check", someone_saves)
    result = cli("done", follow_up["ref"], "--as-of", AS_OF)
    assert result.exit_code == 2 and "changed while trygg was reading it" in result.stderr
    assert path.read_text(encoding="utf-8").endswith("# sparad av någon annan\n")
    assert "done:" not in _git(repo, "diff", "-U0")


def _occurrence(key_tail: str) -> Occurrence:
    return Occurrence(
        date(2026, 1, 1),
        "d",
        "meeting",
        key_tail,
        date(2026, 1, 1),
        "2026",
        "agreement",
        "x",
        1,
        1,
        (),
        "t",
    )


def test_references_match_by_prefix_or_key_and_never_by_too_little() -> None:
    occurrences = [_occurrence(f"group-{n}") for n in range(2000)]
    some = occurrences[123]
    assert find(occurrences, some.ref) == [some]
    assert find(occurrences, some.ref.upper()) == [some]
    assert find(occurrences, some.key) == [some]
    assert find(occurrences, some.ref[:3]) == []
    # With 2,000 occasions some 4-character prefixes are shared: then all are returned.
    by_prefix: dict[str, list[Occurrence]] = {}
    for o in occurrences:
        by_prefix.setdefault(o.ref[:4], []).append(o)
    shared = next(group for group in by_prefix.values() if len(group) > 1)
    assert sorted(find(occurrences, shared[0].ref[:4]), key=str) == sorted(shared, key=str)
