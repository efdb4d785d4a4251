"""``trygg due`` plans in the workers and writes its reports as a stream (issue 22): the
same bytes as planning the whole workspace at once and making each report whole.

The corpus is the benchmark's, small: enough files and bytes for the workspace to check
them in worker processes with ``--jobs 2``.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import shutil
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from helpers import run_cli

from trygg_cli.due.config import DueConfig
from trygg_cli.due.engine import plan
from trygg_cli.due.extract import SCHEDULES, schedules_of
from trygg_cli.due.life import settle
from trygg_cli.due.occurrence import DuePlan, Occurrence
from trygg_cli.due.report import DUE_STREAMS, DueReportContext
from trygg_cli.due.run import DueQuery, run_due
from trygg_cli.jsonfmt import Encoded, dumps_records, iter_records
from trygg_cli.workspace import load as loading
from trygg_cli.workspace import load_paths

AS_OF = "2026-11-25"
BENCHMARKS = Path(__file__).parent.parent / "benchmarks"

# sha256 of `trygg due corpus --as-of 2026-11-25 --no-cache --format F` (LANG C, no colour)
# made with the code before streaming (main at 86b58b3), from the corpus folder's parent.
MAIN_DIGESTS = {
    "json": "9913c7993ceb6ea5524024fd5e85f9b4b7bcde23d1c9126d425c8bce3213fe23",
    "table": "3b2394ce28c7cef619a7474e2b6e2f15ee0b565cb137e430127fce3ed7fa3280",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The benchmark corpus of 28 municipalities (the seeded generator): over 64 files and
    2 MB, so that ``--jobs 2`` checks them in worker processes."""
    spec = importlib.util.spec_from_file_location(
        "generate_corpus", BENCHMARKS / "generate_corpus.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    folder = tmp_path_factory.mktemp("stream")
    module.main(["--municipalities", "28", "--out", str(folder / "corpus")])
    files = list((folder / "corpus").rglob("*.yaml"))
    assert len(files) >= loading._PARALLEL_MIN_FILES
    assert sum(f.stat().st_size for f in files) >= loading._PARALLEL_MIN_BYTES
    return folder


def _whole(paths: list[str], query: DueQuery) -> tuple[DuePlan, list[Occurrence], list[str]]:
    """The plan made the way it was before streaming: every document's schedules kept,
    the whole workspace planned at once (:func:`plan`), settled (:func:`settle`) and
    filtered; and the files that could not be read."""
    return _whole_in(str(Path.cwd()), tuple(paths), query)


@functools.cache
def _whole_in(
    folder: str, paths: tuple[str, ...], query: DueQuery
) -> tuple[DuePlan, list[Occurrence], list[str]]:
    del folder  # the working folder the paths are relative to: part of the cache key
    workspace = load_paths(list(paths), passes=(SCHEDULES,), jobs=1)
    documents = schedules_of(workspace)
    planned = plan(
        documents,
        until=query.until,
        fallback_start=query.fallback_start,
        shift_holidays=query.shift_holidays,
        as_of=query.as_of,
    )
    settled = settle(planned, documents, as_of=query.as_of, every_upcoming=query.every_upcoming)
    shown = [o for o in settled.occurrences if query.wants(o)]
    if query.documents:
        settled = replace(
            settled,
            unanchored=[u for u in settled.unanchored if u.doc_id in query.documents],
            unmatched=[u for u in settled.unmatched if u.doc_id in query.documents],
        )
    settled = replace(
        settled,
        tied=[t for t in settled.tied if query.wants_tied(t)],
        ended=[e for e in settled.ended if query.wants_ended(e)],
        unrecorded=[u for u in settled.unrecorded if query.wants_unrecorded(u)],
    )
    unread = []
    for r in workspace.results:
        source = r.outputs.get(SCHEDULES.name)
        if r.checked and (source is None or documents.get(source.doc_id) is not source):
            unread.append(r.path)
    return settled, shown, unread


QUERIES = {
    "plain": DueQuery(as_of=date(2026, 11, 25)),
    "done-within": DueQuery(as_of=date(2026, 11, 25), within_days=200, include_done=True),
    "overdue-kind": DueQuery(
        as_of=date(2026, 11, 25), overdue_only=True, items=frozenset({"follow-up", "meeting"})
    ),
    "calendar": DueQuery(
        as_of=date(2026, 11, 25), within_days=400, include_done=True, every_upcoming=True
    ),
}


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("name", list(QUERIES))
def test_planning_in_the_workers_shows_what_the_whole_workspace_shows(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, name: str, jobs: int
) -> None:
    monkeypatch.chdir(corpus)
    query = QUERIES[name]
    expected, shown, unread = _whole(["corpus"], query)
    assert len(shown) > 50 and unread
    streamed = run_due(["corpus"], query, jobs=jobs, config=DueConfig(), shown_only=True)
    assert streamed.shown == shown
    assert streamed.plan == replace(expected, occurrences=[])
    assert streamed.unread == unread
    full = run_due(["corpus"], query, jobs=jobs, config=DueConfig())
    assert full.plan == expected and full.shown == shown


def _cli_output(corpus: Path, args: list[str], jobs: int, to_file: bool) -> str:
    if not to_file:
        result = run_cli("due", "corpus", "--as-of", AS_OF, "--jobs", str(jobs), *args)
        assert result.exit_code == 0, result.stderr
        return result.stdout
    out = corpus / "out" / "report.txt"
    result = run_cli("due", "corpus", "--as-of", AS_OF, "--jobs", str(jobs), *args, "-o", str(out))
    assert result.exit_code == 0, result.stderr
    text = out.read_bytes().decode("utf-8")
    out.unlink()
    return text


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("fmt", ["json", "table", "markdown", "ics"])
def test_each_format_streams_the_same_bytes_as_the_whole_report(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, jobs: int
) -> None:
    """The command's stream, to standard output and to a file, is the report made whole
    from the plan of the whole workspace; and json and the table are byte for byte what
    trygg wrote before streaming."""
    from trygg_cli import __version__
    from trygg_cli.due.report.ics import IcsOptions, horizon, ics, names_by_document
    from trygg_cli.due.report.json import json_report
    from trygg_cli.due.report.markdown import markdown
    from trygg_cli.due.report.table import table

    monkeypatch.chdir(corpus)
    today = date(2026, 11, 25)
    query = DueQuery(as_of=today)
    if fmt == "ics":
        query = DueQuery(
            as_of=today, within_days=(horizon(today) - today).days, every_upcoming=True
        )
    expected, shown, unread = _whole(["corpus"], query)
    context = DueReportContext(version=__version__, unread=tuple(unread))
    if fmt == "ics":
        names = names_by_document(schedules_of(load_paths(["corpus"], passes=(SCHEDULES,))))
        whole = ics(expected, shown, today, context, IcsOptions(names=names))
    else:
        whole = {"json": json_report, "table": table, "markdown": markdown}[fmt](
            expected, shown, today, context
        )
    # (The test runner reads standard output with CRLF made LF; the file keeps them.)
    assert _cli_output(corpus, ["--format", fmt], jobs, False) == whole.replace("\r\n", "\n")
    assert _cli_output(corpus, ["--format", fmt], jobs, True) == whole
    if fmt in MAIN_DIGESTS:
        assert hashlib.sha256(whole.encode()).hexdigest() == MAIN_DIGESTS[fmt]


def test_json_stream_parses_and_counts_what_it_lists(corpus: Path, monkeypatch: Any) -> None:
    monkeypatch.chdir(corpus)
    text = _cli_output(corpus, ["--format", "json", "--done"], 2, to_file=False)
    report = json.loads(text)
    assert sum(report["summary"].values()) == len(report["items"]) > 100
    assert report["unreadable"] and report["ended"]


def _list_based(payload: dict[str, Any]) -> str:
    """``dumps_records`` as it was before it streamed: the whole list of lines, joined."""
    from trygg_cli.jsonfmt import encode

    def compact(value: Any) -> str:
        return value if isinstance(value, Encoded) else encode(value)

    lines = ["{"]
    last = len(payload) - 1
    for index, (key, value) in enumerate(payload.items()):
        comma = "," if index < last else ""
        if isinstance(value, list) and value:
            lines.append(f"  {compact(key)}: [")
            end = len(value) - 1
            lines.extend(
                f"    {compact(element)}{',' if i < end else ''}" for i, element in enumerate(value)
            )
            lines.append(f"  ]{comma}")
        else:
            lines.append(f"  {compact(key)}: {compact(value)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


PAYLOADS = [
    {},
    {"a": []},
    {"a": [1]},
    {"version": 1, "items": [{"x": "å", "y": None}, [1, 2], "t"], "pair": (1, 2), "n": {}},
    {"items": [Encoded('{"pre": "encoded"}'), {"b": 1}], "summary": {"overdue": 2}},
]


@pytest.mark.parametrize("payload", PAYLOADS, ids=str)
def test_records_stream_as_the_list_based_writer_wrote_them(payload: dict[str, Any]) -> None:
    assert dumps_records(payload) == _list_based(payload)
    assert "".join(iter_records(payload)) == _list_based(payload)
    lazy = {k: iter(v) if isinstance(v, list) else v for k, v in payload.items()}
    assert "".join(iter_records(lazy)) == _list_based(payload)


def test_a_stream_that_fails_leaves_no_file_behind(tmp_path: Path) -> None:
    from trygg_cli.cli.terminal import write_chunks

    out = tmp_path / "due.json"
    out.write_text("as it was\n", encoding="utf-8")

    def failing() -> Iterator[str]:
        yield "{\n" * 5000
        raise RuntimeError("stop")

    with pytest.raises(RuntimeError):
        write_chunks(failing(), out)
    assert out.read_text(encoding="utf-8") == "as it was\n"
    assert [p.name for p in tmp_path.iterdir()] == ["due.json"]
    write_chunks(iter(["a", "b\n"] * 1000), out)
    assert out.read_text(encoding="utf-8") == "ab\n" * 1000


def test_every_stream_is_its_reporter(corpus: Path, monkeypatch: Any) -> None:
    """DUE_STREAMS and DUE_REPORTERS give the same text for a plan with every section."""
    from trygg_cli.due.report import DUE_REPORTERS

    monkeypatch.chdir(corpus)
    query = DueQuery(as_of=date(2026, 11, 25), include_done=True)
    expected, shown, unread = _whole(["corpus"], query)
    context = DueReportContext(unread=tuple(unread))
    for name, stream in DUE_STREAMS.items():
        chunks = list(stream(expected, shown, query.as_of, context))
        assert len(chunks) > 10
        assert "".join(chunks) == DUE_REPORTERS[name](expected, shown, query.as_of, context)


@pytest.mark.parametrize("order", ["serial", "parallel", "reversed"])
def test_follow_ups_successors_and_agreements_in_other_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, order: str
) -> None:
    """The examples have what only the whole workspace settles: follow-up documents that
    close occasions in other files, documents replaced by later ones, ended ones, and
    action plans whose agreement another worker reads, first or last."""
    shutil.copytree(Path(__file__).parent.parent / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    if order != "serial":
        monkeypatch.setattr(loading, "_PARALLEL_MIN_FILES", 1)
        monkeypatch.setattr(loading, "_PARALLEL_MIN_BYTES", 0)
        monkeypatch.setattr(loading, "_CHUNK", 1)
    if order == "reversed":
        chunks = loading._chunks
        monkeypatch.setattr(loading, "_chunks", lambda files: chunks(files)[::-1])
    jobs = 1 if order == "serial" else 2
    for query in QUERIES.values():
        expected, shown, unread = _whole(["examples"], query)
        streamed = run_due(["examples"], query, jobs=jobs, config=DueConfig(), shown_only=True)
        assert streamed.shown == shown
        assert streamed.plan == replace(expected, occurrences=[])
        assert streamed.unread == unread
        if query.include_done:  # closed by the follow-up document, in another file
            assert "molndal-uppfoljning-2024" in {o.done_report for o in shown}


@pytest.mark.parametrize("command", ["validate", "lint"])
def test_findings_from_workers_the_cache_and_a_few_edits_are_a_whole_runs(
    corpus: Path, tmp_path: Path, command: str
) -> None:
    """validate's and lint's JSON through every path issue 22 added — worker processes,
    compact results, the whole run's note, the incremental run after an edit — byte for
    byte that of a run in one process without the cache."""
    repo = tmp_path / "repo"
    shutil.copytree(corpus / "corpus", repo / "corpus")
    (repo / ".git").mkdir()
    path = str(repo / "corpus")
    extra = ["--today", AS_OF] if command == "lint" else []

    def output(*args: str) -> str:
        result = run_cli(command, path, "--format", "json", *extra, *args)
        assert result.exit_code in (0, 1), result.stderr
        return result.stdout

    edited = sorted((repo / "corpus").glob("*/*-lofte-0.yaml"))[3]
    agreement = edited.parent / "agreement.yaml"
    for change in (
        None,
        None,
        lambda: edited.write_text(
            edited.read_text("utf-8").replace("\ntitle: ", "\ntitle: Ny ", 1)
        ),
        lambda: agreement.write_text(agreement.read_text("utf-8").replace("\nid: ", "\nid: x-", 1)),
    ):
        if change is not None:
            change()
        assert output("--jobs", "2") == output("--no-cache", "--jobs", "1")
