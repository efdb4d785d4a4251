"""The result cache: reused only for unchanged files, never trusted when not ours."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers import EXAMPLES, MINIMAL_AGREEMENT

from trygg_cli import workspace as ws
from trygg_cli.cache import _MAGIC, FOLDER
from trygg_cli.lint.passes import lint_passes

BROKEN = MINIMAL_AGREEMENT.replace("from: 2023-05-01", "from: 2023-13-01")


def _repo(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "docs").mkdir()
    for example in EXAMPLES.rglob("*.yaml"):
        (tmp_path / "docs" / example.name).write_bytes(example.read_bytes())
    return tmp_path


def _packs(repo: Path) -> list[Path]:
    return sorted((repo / FOLDER).glob("*.pack"))


def _forget_runs(repo: Path) -> None:
    """Remove the notes of whole runs, so that the next run looks into the pack."""
    for note in [*(repo / FOLDER).glob("*.run"), *(repo / FOLDER).glob("*.links")]:
        note.unlink()


def test_second_run_reuses_results_and_says_the_same(cli: Any, tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "docs" / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    first = cli("validate", str(repo / "docs"))
    assert first.exit_code == 1 and "2023-13-01" in first.stdout
    assert len(_packs(repo)) == 1
    assert (repo / FOLDER / ".gitignore").read_text(encoding="utf-8").endswith("*\n")
    assert (repo / FOLDER / "CACHEDIR.TAG").is_file()
    second = cli("validate", str(repo / "docs"))
    assert (second.exit_code, second.stdout) == (first.exit_code, first.stdout)


def test_unchanged_files_are_not_checked_again(tmp_path: Path, monkeypatch: Any) -> None:
    repo = _repo(tmp_path)
    docs = str(repo / "docs")
    before = ws.load_paths([docs], jobs=1, cache=True)
    (repo / "docs" / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    checked: list[str] = []
    import trygg_cli.check as checking

    real = checking.check_source

    def counting(path: str, raw: bytes, **kwargs: Any) -> Any:
        checked.append(path)
        return real(path, raw, **kwargs)

    monkeypatch.setattr(checking, "check_source", counting)
    after = ws.load_paths([docs], jobs=1, cache=True)
    assert checked == [str(repo / "docs" / "broken.yaml")]
    assert len(after.findings) == len(before.findings) + 1
    assert after.findings[0].rule == "bad-date"
    # A run on one file keeps the others' results for the next run on all of them.
    ws.load_paths([str(repo / "docs" / "broken.yaml")], jobs=1, cache=True)
    checked.clear()
    lint = ws.load_paths([docs], jobs=1, cache=True, passes=lint_passes(_settings()))
    assert checked == sorted(checked) and len(checked) == 9  # lint keeps a pack of its own
    checked.clear()
    assert (
        ws.load_paths([docs], jobs=1, cache=True, passes=lint_passes(_settings())).findings
        == lint.findings
    )
    assert ws.load_paths([docs], jobs=1, cache=True).findings == after.findings
    assert checked == []


def _settings() -> Any:
    from datetime import date

    from trygg_cli.lint.base import LintSettings
    from trygg_cli.lint.rules import RULES

    return LintSettings(today=date(2026, 11, 24), selected=frozenset(RULES))


def test_results_checked_in_worker_processes_are_kept(tmp_path: Path, monkeypatch: Any) -> None:
    """Workers send each chunk's results pickled once; those bytes are what the cache keeps."""
    from trygg_cli.cache import ResultCache, file_key
    from trygg_cli.check.results import FileResult

    repo = _repo(tmp_path)
    docs = repo / "docs"
    for number in range(30):
        (docs / f"copy-{number}.yaml").write_text(
            MINIMAL_AGREEMENT.replace("id: ", f"id: kopia-{number}-", 1), encoding="utf-8"
        )
    (docs / "unreadable.yaml").symlink_to(docs / "gone")  # reported, never kept
    monkeypatch.setattr(ws.load, "_PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(ws.load, "_PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(ws.load, "_CHUNK", 4)
    expected = ws.load_paths([str(docs)], jobs=1)
    first = ws.load_paths([str(docs)], jobs=2, cache=True)
    assert first.findings == expected.findings
    assert any(f.rule == "read-error" for f in first.findings)
    (pack,) = _packs(repo)
    store = ResultCache(repo / FOLDER, pack.stem, _secret_of_this_user())
    readable = [path for path in sorted(docs.glob("*.yaml")) if path.exists()]
    assert len(readable) == 38
    for path in readable:
        kept = store.get(file_key(str(path), path.read_bytes()))
        assert isinstance(kept, FileResult) and kept.path == str(path)
    assert ws.load_paths([str(docs)], jobs=2, cache=True).findings == expected.findings


def _secret_of_this_user() -> bytes:
    from trygg_cli.cache import _secret

    secret = _secret()
    assert secret is not None
    return secret


def test_an_edited_file_is_checked_again(cli: Any, tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    target = repo / "docs" / "agreement.yaml"
    target.write_text(MINIMAL_AGREEMENT, encoding="utf-8")
    assert cli("validate", str(target)).exit_code == 0
    target.write_text(BROKEN, encoding="utf-8")
    assert cli("validate", str(target)).exit_code == 1
    target.write_text(MINIMAL_AGREEMENT, encoding="utf-8")
    assert cli("validate", str(target)).exit_code == 0


def test_a_pack_not_signed_with_our_secret_is_never_unpickled(cli: Any, tmp_path: Path) -> None:
    """A pack committed by someone else (or edited) could run code when unpickled."""

    class Boom:
        def __reduce__(self) -> tuple[Any, tuple[str]]:
            return (os.system, (f"touch {tmp_path / 'pwned'}",))

    repo = _repo(tmp_path)
    assert cli("validate", str(repo / "docs")).exit_code == 0
    (pack,) = _packs(repo)
    payload = pickle.dumps({"x": pickle.dumps(Boom())})
    pack.write_bytes(_MAGIC + b"\0" * 32 + payload)
    _forget_runs(repo)
    result = cli("validate", str(repo / "docs"))
    assert result.exit_code == 0
    assert not (tmp_path / "pwned").exists()
    assert pack.read_bytes().startswith(_MAGIC) and b"pwned" not in pack.read_bytes()


@pytest.mark.parametrize("damage", ["truncate", "garbage", "empty"])
def test_a_damaged_pack_is_discarded(cli: Any, tmp_path: Path, damage: str) -> None:
    repo = _repo(tmp_path)
    first = cli("validate", str(repo / "docs"))
    (pack,) = _packs(repo)
    data = pack.read_bytes()
    pack.write_bytes(
        {"truncate": data[: len(data) // 2], "garbage": os.urandom(500), "empty": b""}[damage]
    )
    _forget_runs(repo)
    second = cli("validate", str(repo / "docs"))
    assert (second.exit_code, second.stdout) == (first.exit_code, first.stdout)
    assert pack.read_bytes() != data[: len(data) // 2]


def test_no_repository_no_cache_and_no_cache_option(cli: Any, tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(MINIMAL_AGREEMENT, encoding="utf-8")
    assert cli("validate", str(tmp_path)).exit_code == 0
    assert not (tmp_path / FOLDER).exists()
    (tmp_path / ".git").mkdir()
    assert cli("validate", "--no-cache", str(tmp_path)).exit_code == 0
    assert not (tmp_path / FOLDER).exists()


def test_an_unwritable_cache_folder_only_costs_time(cli: Any, tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / FOLDER).write_text("a file where the folder should be", encoding="utf-8")
    result = cli("validate", str(repo / "docs"))
    assert result.exit_code == 0 and result.stderr == "No problems in 8 files.\n"


def test_lint_settings_and_due_keep_packs_of_their_own(cli: Any, tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    docs = str(repo / "docs")
    args = ("lint", "--today", "2026-11-24", docs)
    first = cli(*args)
    assert cli(*args).stdout == first.stdout
    cli("lint", "--today", "2026-11-24", "--select", "TRY4", docs)
    due = cli("due", "--as-of", "2026-11-24", "--format", "json", docs)
    assert cli("due", "--as-of", "2026-11-24", "--format", "json", docs).stdout == due.stdout
    assert len(_packs(repo)) == 3


def test_concurrent_runs_leave_a_readable_pack(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    command = [sys.executable, "-m", "trygg_cli", "validate", str(repo / "docs")]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE) for _ in range(4)]
    outputs = [run.communicate()[0] for run in runs]
    assert [run.returncode for run in runs] == [0] * 4
    assert len(set(outputs)) == 1
    assert not list((repo / FOLDER).glob(".pack-*"))  # no temporary file left behind
    hits = ws.load_paths([str(repo / "docs")], jobs=1, cache=True)
    assert not hits.findings


def test_a_pack_from_another_language_is_not_used(tmp_path: Path) -> None:
    """Messages are translated where a file is checked, so the language is in the key."""
    import subprocess
    import sys

    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / ".git").mkdir()
    (repo / "a.yaml").write_text("trygg: 1\nkind: agreement\nid: Trasig\n", encoding="utf-8")

    def run(lang: str) -> str:
        env = {**os.environ, "TRYGG_LANG": lang}
        done = subprocess.run(
            [sys.executable, "-m", "trygg_cli", "validate", "a.yaml"],
            cwd=repo,
            capture_output=True,
            text=True,
            env=env,
        )
        return done.stdout

    swedish = run("sv")
    assert "går inte att använda som id" in swedish
    english = run("en")
    assert "is not a usable id" in english and "går inte" not in english
    assert run("sv") == swedish


def test_a_pack_that_is_a_link_or_a_fifo_is_not_read(tmp_path: Path) -> None:
    from trygg_cli.cache import ResultCache

    folder = tmp_path / ".trygg-cache"
    folder.mkdir()
    blob = pickle.dumps(["v"])
    store = ResultCache(folder, "p", b"s" * 32)
    store.add(["k"], blob)
    store.save()
    assert ResultCache(folder, "p", b"s" * 32).get("k") == "v"
    os.mkfifo(folder / "q.pack")
    assert not ResultCache(folder, "q", b"s" * 32)  # a FIFO: no hang, nothing read
    target = tmp_path / "elsewhere.pack"  # a pack that would be read, but for the link
    target.write_bytes((folder / "p.pack").read_bytes())
    other = tmp_path / "other-cache"
    other.mkdir()
    (other / "p.pack").symlink_to(target)
    assert not ResultCache(other, "p", b"s" * 32)
    linked = tmp_path / "linked-cache"
    linked.symlink_to(tmp_path / "real", target_is_directory=True)
    (tmp_path / "real").mkdir()
    through_link = ResultCache(linked, "p", b"s" * 32)
    through_link.add(["k"], blob)
    through_link.save()
    assert list((tmp_path / "real").iterdir()) == []  # nothing written through the link


def test_past_the_cap_the_oldest_results_go_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from trygg_cli import cache
    from trygg_cli.cache import ResultCache

    monkeypatch.setattr(cache, "_KEEP_MIN", 0)  # keep twice this run's entries, no more
    folder = tmp_path / ".trygg-cache"
    for version in ("v1", "v2", "v3"):
        store = ResultCache(folder, "p", b"s" * 32)
        store.add([version], pickle.dumps([version]))
        store.save()
    last = ResultCache(folder, "p", b"s" * 32)
    assert [last.get(v) for v in ("v1", "v2", "v3")] == [None, "v2", "v3"]


def test_a_run_wholly_from_the_cache_loads_neither_parser_nor_models(tmp_path: Path) -> None:
    """What keeps an unchanged tree near-instant: nothing is parsed or validated."""
    import subprocess
    import sys

    repo = _repo(tmp_path)
    code = (
        "import sys\n"
        "sys.argv = ['trygg', 'validate', 'docs']\n"
        "from trygg_cli.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('trygg_cli.model', 'trygg_cli.yamlload', 'ruamel.yaml')"
        " if m in sys.modules), file=sys.stderr)\n"
    )
    runs = [
        subprocess.run([sys.executable, "-c", code], cwd=repo, capture_output=True, text=True)
        for _ in range(2)
    ]
    assert "trygg_cli.model" in runs[0].stderr  # the first run checks the files
    assert runs[1].stderr.strip().splitlines()[-1] == "[]"
    assert runs[0].stdout == runs[1].stdout


def _in_the_past(folder: Path) -> None:
    """Files last changed a minute ago: their stamps are trusted (see workspace/memo.py)."""
    for path in folder.rglob("*.yaml"):
        info = path.stat()
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns - 60_000_000_000))


def _reads(monkeypatch: Any) -> list[str]:
    from trygg_cli.workspace import load, memo

    read: list[str] = []
    real = memo.read

    def counting(path: str) -> Any:
        read.append(path)
        return real(path)

    monkeypatch.setattr(memo, "read", counting)
    monkeypatch.setattr(load, "read", counting)
    return read


def test_an_unchanged_tree_is_not_even_read(tmp_path: Path, monkeypatch: Any) -> None:
    """Keys come from the files' sizes and times while those are unchanged; the whole
    run's outcome comes from its note, without opening the pack."""
    repo = _repo(tmp_path)
    docs = repo / "docs"
    _in_the_past(docs)
    first = ws.load_paths([str(docs)], jobs=1, cache=True)
    read = _reads(monkeypatch)
    pack = _packs(repo)[0]
    pack.write_bytes(b"not read")  # a run that opened the pack would check every file
    second = ws.load_paths([str(docs)], jobs=1, cache=True)
    assert read == [] and second.findings == first.findings
    assert len(second.checked) == len(first.checked)


def test_a_file_changed_behind_its_times_is_read_again(tmp_path: Path, monkeypatch: Any) -> None:
    """Same size, modification time set back: the change time still tells."""
    repo = _repo(tmp_path)
    docs = repo / "docs"
    target = docs / "agreement.yaml"
    target.write_text(MINIMAL_AGREEMENT, encoding="utf-8")
    _in_the_past(docs)
    assert ws.load_paths([str(docs)], jobs=1, cache=True).findings == []
    info = target.stat()
    broken = BROKEN.encode("utf-8")
    assert len(broken) == info.st_size
    target.write_bytes(broken)
    os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns))
    read = _reads(monkeypatch)
    again = ws.load_paths([str(docs)], jobs=1, cache=True)
    assert set(read) == {str(target)}  # for its key, then to check it
    assert [f.rule for f in again.findings] == ["bad-date"]


def test_a_file_changed_just_before_the_stamps_were_kept_is_read_again(
    tmp_path: Path, monkeypatch: Any
) -> None:
    """Within the clock's tick a file can change again without its times showing it."""
    repo = _repo(tmp_path)
    docs = repo / "docs"
    ws.load_paths([str(docs)], jobs=1, cache=True)  # the files were written just now
    read = _reads(monkeypatch)
    ws.load_paths([str(docs)], jobs=1, cache=True)
    assert sorted(read) == sorted(str(p) for p in docs.rglob("*.yaml"))


def test_lint_takes_an_unchanged_run_from_its_note(tmp_path: Path, monkeypatch: Any) -> None:
    from trygg_cli.lint.config import LintConfig
    from trygg_cli.lint.run import run_lint

    repo = _repo(tmp_path)
    docs = repo / "docs"
    (docs / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    _in_the_past(docs)
    day = _settings().today
    first = run_lint([str(docs)], LintConfig(), today=day, jobs=1, cache=True)
    read = _reads(monkeypatch)
    second = run_lint([str(docs)], LintConfig(), today=day, jobs=1, cache=True)
    assert read == [] and second.findings == first.findings
    other_day = run_lint(
        [str(docs)], LintConfig(), today=day.replace(year=day.year + 1), jobs=1, cache=True
    )
    uncached = run_lint([str(docs)], LintConfig(), today=day.replace(year=day.year + 1), jobs=1)
    assert other_day.findings == uncached.findings


def test_a_few_files_read_again_leave_the_stamps_note_as_it_is(
    tmp_path: Path, monkeypatch: Any
) -> None:
    repo = _repo(tmp_path)
    docs = repo / "docs"
    _in_the_past(docs)
    ws.load_paths([str(docs)], jobs=1, cache=True)
    note = repo / FOLDER / "stamps.note"
    written = note.read_bytes()
    target = docs / "agreement.yaml"
    target.write_text(MINIMAL_AGREEMENT, encoding="utf-8")
    ws.load_paths([str(docs)], jobs=1, cache=True)
    assert note.read_bytes() == written  # one file read: not worth writing them all
    read = _reads(monkeypatch)
    ws.load_paths([str(docs)], jobs=1, cache=True)
    assert read == [str(target)]  # read again for its key, as it costs little
