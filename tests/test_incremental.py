"""A validate run after a few files changed puts together again only what they touch;
its findings must be exactly those of a whole run, edit after edit."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import EXAMPLES

from trygg_cli import workspace as ws
from trygg_cli.workspace import incremental


def _repo(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    shutil.copytree(EXAMPLES, tmp_path / "docs")
    return tmp_path / "docs"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _rename_agreement(docs: Path) -> None:
    _edit(
        docs / "molndal" / "lokal-2023.yaml", "\nid: molndal-lokal-2023", "\nid: molndal-lokal-2024"
    )


EDITS: list[tuple[str, Callable[[Path], None]]] = [
    (
        "a title",
        lambda d: _edit(d / "molndal" / "medborgarlofte-2023.yaml", "\ntitle: ", "\ntitle: Ny "),
    ),
    (
        "a link to a missing agreement",
        lambda d: _edit(
            d / "molndal" / "atgardsplan-2023.yaml",
            "\nagreement: molndal-lokal-2023",
            "\nagreement: molndal-lokal-2033",
        ),
    ),
    (
        "a priority renamed",
        lambda d: _edit(
            d / "molndal" / "lokal-2023.yaml",
            "  - id: ungdomar-i-riskzon",
            "  - id: unga-i-riskzon",
        ),
    ),
    ("the agreement's id", _rename_agreement),
    (
        "a copy of a document",
        lambda d: shutil.copy(d / "molndal" / "lokal-2023.yaml", d / "kopia.yaml"),
    ),
    ("the original removed", lambda d: (d / "molndal" / "lokal-2023.yaml").unlink()),
    ("broken YAML", lambda d: _edit(d / "kopia.yaml", "\ntitle: ", "\ntitle: [\n")),
    (
        "a new file",
        lambda d: (d / "ny.yaml").write_text("trygg: 1\nkind: agreement\nid: x\n", "utf-8"),
    ),
    ("a file that is no document", lambda d: (d / "annat.yaml").write_text("a: 1\n", "utf-8")),
]


def test_each_edit_gives_the_findings_of_a_whole_run(tmp_path: Path, monkeypatch: Any) -> None:
    docs = _repo(tmp_path)
    taken: list[bool] = []
    real = incremental.update

    def recording(*args: Any) -> Any:
        outcome = real(*args)
        taken.append(outcome is not None)
        return outcome

    monkeypatch.setattr(incremental, "update", recording)
    ws.load_paths([str(docs)], jobs=1, cache=True)
    for what, edit in EDITS:
        edit(docs)
        cached = ws.load_paths([str(docs)], jobs=1, cache=True)
        whole = ws.load_paths([str(docs)], jobs=1)
        assert cached.findings == whole.findings, what
        assert cached.skipped == whole.skipped and cached.checked == whole.checked, what
        assert taken and taken[-1], what  # the incremental run, not the whole one
        taken.clear()


def test_many_changes_check_the_whole_tree(tmp_path: Path, monkeypatch: Any) -> None:
    docs = _repo(tmp_path)
    monkeypatch.setattr(incremental, "MAX_CHANGED", 1)
    ws.load_paths([str(docs)], jobs=1, cache=True)
    for path in sorted(docs.rglob("*.yaml"))[:3]:
        path.write_text(path.read_text("utf-8") + "# ändrad\n", "utf-8")
    found: list[Any] = []
    real = incremental.update
    monkeypatch.setattr(incremental, "update", lambda *a: found.append(real(*a)) or found[-1])
    cached = ws.load_paths([str(docs)], jobs=1, cache=True)
    assert found == [None]
    assert cached.findings == ws.load_paths([str(docs)], jobs=1).findings


@pytest.mark.parametrize("named", [True, False])
def test_named_files_and_folders_keep_notes_apart(tmp_path: Path, named: bool) -> None:
    docs = _repo(tmp_path)
    other = docs / "annat.yaml"
    other.write_text("a: 1\n", "utf-8")
    given = [str(docs), str(other)] if named else [str(docs)]
    ws.load_paths([str(docs)], jobs=1, cache=True)
    _edit(docs / "molndal" / "medborgarlofte-2023.yaml", "\ntitle: ", "\ntitle: Ny ")
    cached = ws.load_paths(given, jobs=1, cache=True)
    assert cached.findings == ws.load_paths(given, jobs=1).findings


def test_a_few_new_results_go_beside_the_pack_not_into_a_new_one(tmp_path: Path) -> None:
    import os

    docs = _repo(tmp_path)
    cache = Path(os.environ["TRYGG_CACHE_DIR"])
    ws.load_paths([str(docs)], jobs=1, cache=True)
    (pack,) = cache.glob("*.pack")
    before = pack.read_bytes()
    _edit(docs / "molndal" / "medborgarlofte-2023.yaml", "\ntitle: ", "\ntitle: Ny ")
    ws.load_paths([str(docs)], jobs=1, cache=True)
    assert pack.read_bytes() == before and pack.with_suffix(".beside").is_file()
    for note in cache.glob("*.links"):
        note.unlink()  # the next run reads every result: from the pack and beside it
    for note in cache.glob("*.run"):
        note.unlink()
    again = ws.load_paths([str(docs)], jobs=1, cache=True)
    assert again.findings == ws.load_paths([str(docs)], jobs=1).findings
