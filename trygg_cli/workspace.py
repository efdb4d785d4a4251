"""A workspace: every trygg document under some paths, checked, with references resolved.

Files are checked one by one (in worker processes when there are many), then ids and
references are resolved across the whole workspace. A workspace can also be built from
``{path: bytes}`` so that a git revision goes through exactly the same code.
"""

from __future__ import annotations

import difflib
import json
import os
import pickle
import sys
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from trygg_cli.cache import ResultCache, file_key
from trygg_cli.errors import TryggError
from trygg_cli.findings import Finding, Severity
from trygg_cli.i18n import N_, _
from trygg_cli.memory import cycle_collector_paused
from trygg_cli.results import DocIndex, FileResult, Ref

if TYPE_CHECKING:
    from trygg_cli.due.extract import DocumentSchedules
    from trygg_cli.lint.base import LintSettings
    from trygg_cli.model import Document

Progress = Callable[[int, int], None]

_SUFFIXES = (".yaml", ".yml")
_SKIP_DIRS = frozenset((".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__"))
# Below these sizes a process pool costs more than it saves.
_PARALLEL_MIN_FILES = 64
_PARALLEL_MIN_BYTES = 2 * 1024 * 1024
_CHUNK = 24


@dataclass
class Workspace:
    """The checked files, the findings and (when asked for) the documents and what they
    schedule, by id."""

    results: list[FileResult]
    findings: list[Finding] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)
    schedules: dict[str, DocumentSchedules] = field(default_factory=dict)
    sources: Mapping[str, bytes] | None = None  # when built from {path: bytes}

    def read(self, path: str) -> bytes | None:
        """A checked file's bytes again (from the given sources, else from disk)."""
        if self.sources is not None:
            return self.sources.get(path)
        try:
            with open(path, "rb") as handle:
                return handle.read()
        except OSError:
            return None

    @property
    def checked(self) -> list[str]:
        return [r.path for r in self.results if r.checked]

    @property
    def skipped(self) -> list[str]:
        return [r.path for r in self.results if not r.checked]


def discover(paths: Iterable[str]) -> list[str]:
    """The YAML files under ``paths`` (files as given, directories recursed), sorted.

    Hidden directories such as ``.git`` are not entered; files in them are still skipped
    later unless they carry the ``trygg:`` marker, so ``.github/`` workflows are never read
    as documents.
    """
    found: list[str] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames[:] = sorted(
                    d for d in dirnames if d not in _SKIP_DIRS and not d.startswith(".")
                )
                found.extend(
                    os.path.normpath(os.path.join(dirpath, name))
                    for name in sorted(filenames)
                    if name.endswith(_SUFFIXES)
                )
        elif path.exists():
            found.append(str(path))
        else:
            raise TryggError(_("'{path}' does not exist").format(path=given))
    return sorted(dict.fromkeys(found))


def _read(path: str) -> bytes | Finding:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        return Finding(
            path,
            1,
            1,
            "read-error",
            _("the file could not be read: {reason}").format(reason=exc.strerror or exc),
        )


@dataclass(frozen=True)
class _Wanted:
    """What to keep of each file besides its findings (sent to worker processes)."""

    documents: bool = False
    lint: LintSettings | None = None
    schedules: bool = False
    references: bool = True
    pack: bool = False  # send results back pickled, with their cache key

    def findings_only(self) -> bool:
        """Whether nothing but findings is wanted (what validate needs)."""
        return not self.documents and self.lint is None and not self.schedules

    def fingerprint(self) -> str:
        """A stable description of what results hold, for the cache (no hash-ordered
        sets: those iterate differently from run to run)."""
        lint = self.lint
        described: dict[str, object] = {
            "documents": self.documents,
            "schedules": self.schedules,
            "references": self.references,
        }
        if lint is not None:
            described["lint"] = {
                "today": lint.today.isoformat(),
                "selected": sorted(lint.selected),
                "severities": sorted((k, str(v)) for k, v in lint.severities.items()),
                "options": repr(sorted((k, repr(v)) for k, v in lint.options.items())),
            }
        return json.dumps(described, sort_keys=True)


def _check(path: str, raw: bytes, wanted: _Wanted) -> FileResult:
    # Imported here: a run served wholly from the cache never needs the parser or models.
    from trygg_cli.check import check_source

    with cycle_collector_paused():  # also in worker processes that do not inherit it
        return check_source(
            path,
            raw,
            keep_document=wanted.documents,
            lint=wanted.lint,
            schedules=wanted.schedules,
            references=wanted.references,
        )


def _check_path(path: str, wanted: _Wanted) -> FileResult:
    raw = _read(path)
    if isinstance(raw, Finding):
        return FileResult(path, checked=True, findings=[raw])
    return _check(path, raw, wanted)


def _check_keyed(path: str, wanted: _Wanted) -> tuple[str | None, FileResult]:
    """Check ``path`` for the cache: the key of the bytes checked (``None``: the file could
    not be read, so its result is not kept) and the result."""
    raw = _read(path)
    if isinstance(raw, Finding):
        return None, FileResult(path, checked=True, findings=[raw])
    return file_key(path, raw), _check(path, raw, wanted)


_Packed = tuple[list[str | None], bytes]
"""A chunk's results pickled together, with the cache key of each (see :func:`_check_keyed`):
the bytes cross the process boundary and go into the cache as they are."""


def _pack(keyed: list[tuple[str | None, FileResult]]) -> _Packed:
    keys = [key for key, _result in keyed]
    results = [result for _key, result in keyed]
    return keys, pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)


def _check_chunk(paths: list[str], wanted: _Wanted) -> list[FileResult] | _Packed:
    if wanted.pack:
        return _pack([_check_keyed(p, wanted) for p in paths])
    return [_check_path(p, wanted) for p in paths]


def load_paths(
    paths: Iterable[str],
    *,
    jobs: int | None = None,
    progress: Progress | None = None,
    keep_documents: bool = False,
    lint: LintSettings | None = None,
    schedules: bool = False,
    references: bool = True,
    on_result: Callable[[FileResult], None] | None = None,
    cache: bool = False,
) -> Workspace:
    """Check every trygg file under ``paths`` and resolve references between them.

    With ``lint`` settings each valid document is also linted where it is read; with
    ``schedules`` what it schedules is taken out of it there (for ``trygg due``). Without
    ``references``, links between documents are not judged. ``on_result`` is called with
    each file's result as it arrives (in no particular order), so the caller can start on
    it while other files are still being read. With ``cache``, results of unchanged files
    are taken from the repository's cache (see :mod:`trygg_cli.cache`).
    """
    with cycle_collector_paused():
        wanted = _Wanted(keep_documents, lint, schedules, references)
        return _load(list(paths), jobs, progress, wanted, on_result, cache)


def _load(
    given: list[str],
    jobs: int | None,
    progress: Progress | None,
    wanted: _Wanted,
    on_result: Callable[[FileResult], None] | None,
    cache: bool,
) -> Workspace:
    files = discover(given)
    store = _open_cache(given, wanted) if cache else None
    by_path: dict[str, FileResult] = {}
    keys: dict[str, str | None] = {}  # path → cache key (None: unreadable)
    # Only findings wanted (validate): the whole run's outcome is kept too, by every
    # file's key, so that an unchanged tree needs no per-file results or resolving.
    whole = store is not None and on_result is None and wanted.findings_only()
    todo = files
    if store is not None:
        wanted = replace(wanted, pack=True)
    if store:  # an empty cache: nothing to look up first
        if whole:
            keys = {path: _key(path) for path in files}
            found = _cached_run(store, keys)
            if found is not None:
                return found
        todo = []
        for path in files:
            result = _cached(store, path, keys)
            if result is None:
                todo.append(path)
                continue
            by_path[path] = result
            if on_result is not None:
                on_result(result)
        if progress is not None and by_path:
            progress(len(by_path), len(files))

    def arrived(result: FileResult) -> None:
        by_path[result.path] = result
        if on_result is not None:
            on_result(result)
        if progress is not None:
            progress(len(by_path), len(files))

    def arrived_chunk(chunk: list[FileResult] | _Packed) -> None:
        if isinstance(chunk, list):
            results = chunk
        else:
            chunk_keys, blob = chunk
            results = pickle.loads(blob)
            if store is not None:
                store.add(chunk_keys, blob)
            keys.update(zip((r.path for r in results), chunk_keys, strict=True))
        for result in results:
            arrived(result)

    workers = jobs if jobs and jobs > 0 else (os.cpu_count() or 1)
    total_bytes = 0
    if workers > 1 and len(todo) >= _PARALLEL_MIN_FILES:
        total_bytes = sum(_size(p) for p in todo)
    if workers > 1 and len(todo) >= _PARALLEL_MIN_FILES and total_bytes >= _PARALLEL_MIN_BYTES:
        _check_parallel(todo, workers, wanted, arrived_chunk)
    elif store is not None:
        # In this process: results are used as they are and pickled for the cache in
        # chunks, as a worker would.
        for chunk in _chunks(todo):
            keyed = [_check_keyed(path, wanted) for path in chunk]
            for key, result in keyed:
                keys[result.path] = key
                arrived(result)
            store.add(*_pack(keyed))
    else:
        for path in todo:
            arrived(_check_path(path, wanted))
    workspace = _assemble([by_path[p] for p in files])
    if store is not None:
        if whole:
            _keep_run(store, keys, files, workspace)
        store.save()
    return workspace


def _key(path: str) -> str | None:
    raw = _read(path)
    return None if isinstance(raw, Finding) else file_key(path, raw)


def _run_key(keys: Mapping[str, str | None], files: list[str]) -> str | None:
    """The key of a whole run: every file's path and content, in order."""
    import hashlib

    digest = hashlib.sha256()
    for path in files:
        key = keys.get(path)
        if key is None:
            return None  # an unreadable file is checked again every time
        digest.update(key.encode("ascii") + b"\n")
    return "run:" + digest.hexdigest()


def _cached_run(store: ResultCache, keys: Mapping[str, str | None]) -> Workspace | None:
    run_key = _run_key(keys, list(keys))
    found = store.get(run_key) if run_key is not None else None
    if not isinstance(found, tuple) or len(found) != 2:
        return None
    findings, skipped = found
    return Workspace([FileResult(path, path not in skipped) for path in keys], findings=findings)


def _keep_run(
    store: ResultCache,
    keys: Mapping[str, str | None],
    files: list[str],
    workspace: Workspace,
) -> None:
    """Keep the run's outcome: the findings and which files were skipped, no more."""
    run_key = _run_key(keys, files)
    if run_key is None:
        return
    outcome = (workspace.findings, frozenset(workspace.skipped))
    store.add([run_key], pickle.dumps([outcome], protocol=pickle.HIGHEST_PROTOCOL))


def _open_cache(given: list[str], wanted: _Wanted) -> ResultCache | None:
    from trygg_cli.fsutil import repository_root

    start = Path(given[0]) if given else Path.cwd()
    return ResultCache.open(repository_root(start), wanted.fingerprint())


def _cached(store: ResultCache, path: str, keys: dict[str, str | None]) -> FileResult | None:
    """The stored result of ``path`` if its bytes are unchanged (and kept as current)."""
    if path in keys:
        key = keys[path]
    else:
        key = keys[path] = _key(path)
    if key is None:
        return None
    result = store.get(key)
    if not isinstance(result, FileResult) or result.path != path:
        return None
    store.reuse(key)
    return result


def load_sources(
    sources: Mapping[str, bytes],
    *,
    keep_documents: bool = True,
    lint: LintSettings | None = None,
    schedules: bool = False,
) -> Workspace:
    """Check documents given as ``{path: bytes}`` (a git revision, a test) in one process."""
    wanted = _Wanted(keep_documents, lint, schedules)
    with cycle_collector_paused():
        results = [_check(path, sources[path], wanted) for path in sorted(sources)]
        workspace = _assemble(results)
    workspace.sources = sources
    return workspace


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _chunks(files: list[str]) -> list[list[str]]:
    """``files`` in runs of _CHUNK: what a worker checks and the cache keeps together."""
    return [files[i : i + _CHUNK] for i in range(0, len(files), _CHUNK)]


def _check_parallel(
    files: list[str],
    workers: int,
    wanted: _Wanted,
    arrived: Callable[[list[FileResult] | _Packed], None],
) -> None:
    import multiprocessing

    context = multiprocessing.get_context("fork") if sys.platform == "linux" else None
    chunks = _chunks(files)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = [pool.submit(_check_chunk, chunk, wanted) for chunk in chunks]
        for future in as_completed(futures):
            arrived(future.result())


def _assemble(results: list[FileResult]) -> Workspace:
    workspace = Workspace(results)
    findings: list[Finding] = []
    index: dict[str, DocIndex] = {}
    for result in results:
        findings.extend(result.findings)
        doc = result.index
        if doc is None:
            continue
        first = index.get(doc.doc_id)
        if first is not None:
            findings.append(
                Finding(
                    doc.path,
                    doc.line,
                    doc.column,
                    "duplicate-id",
                    _(
                        "the document id '{id}' is already used in {other}:{line}; "
                        "give each document its own id"
                    ).format(id=doc.doc_id, other=first.path, line=first.line),
                    Severity.ERROR,
                    ("id",),
                )
            )
            continue
        index[doc.doc_id] = doc
        if result.document is not None:
            workspace.documents[doc.doc_id] = result.document
        if result.schedules is not None:
            workspace.schedules[doc.doc_id] = result.schedules
    for result in results:
        for ref in result.refs:
            # The common case, a reference that resolves, inline: there are tens of
            # thousands of them in a national corpus.
            if ref.collection == "document":
                target = index.get(ref.target_id)
                if target is not None and (not ref.expect_kind or target.kind == ref.expect_kind):
                    continue
            else:
                target = index.get(ref.target_doc)
                if target is None or not target.complete:
                    continue
                if ref.target_id in target.collections.get(ref.collection, ()):
                    continue
            finding = _resolve(ref, index)
            if finding is not None:
                findings.append(finding)
    workspace.findings = sorted(findings)
    return workspace


_KIND_NOUNS = {
    "agreement": N_("agreement"),
    "action-plan": N_("action plan"),
    "citizen-promise": N_("citizen promise"),
}
_KIND_WITH_ARTICLE = {
    "agreement": N_("an agreement"),
    "action-plan": N_("an action plan"),
    "citizen-promise": N_("a citizen promise"),
}
_ITEM_NOUNS = {
    "parties": N_("party"),
    "bodies": N_("body"),
    "priorities": N_("priority"),
}


def _resolve(ref: Ref, index: Mapping[str, DocIndex]) -> Finding | None:
    """A finding when ``ref`` points at nothing, else ``None``."""

    def finding(message: str) -> Finding:
        return Finding(
            ref.path,
            ref.line,
            ref.column,
            "dangling-reference",
            message,
            Severity.ERROR,
            ref.yaml_path,
        )

    if ref.collection == "document":
        target = index.get(ref.target_id)
        wanted = _(_KIND_NOUNS.get(ref.expect_kind or "", "document"))
        if target is None:
            same_kind = [d.doc_id for d in index.values() if d.kind == ref.expect_kind]
            return finding(
                _(
                    "there is no {noun} with id '{id}' in the files checked{hint}; "
                    "check the id or add its file"
                ).format(noun=wanted, id=ref.target_id, hint=_hint(ref.target_id, same_kind))
            )
        if ref.expect_kind and target.kind != ref.expect_kind:
            return finding(
                _("'{id}' is {actual} ({path}), but {wanted} is needed here").format(
                    id=ref.target_id,
                    actual=_(_KIND_WITH_ARTICLE[target.kind]),
                    path=target.path,
                    wanted=_(_KIND_WITH_ARTICLE[ref.expect_kind]),
                )
            )
        return None
    target = index.get(ref.target_doc)
    if target is None or not target.complete:
        return None  # reported once, at the link to the document itself
    known = target.collections.get(ref.collection, set())
    if ref.target_id in known:
        return None
    noun = _(_ITEM_NOUNS[ref.collection])
    where = (
        _("this document")
        if target.path == ref.path
        else _("{kind} '{id}'").format(kind=_(_KIND_NOUNS[target.kind]), id=target.doc_id)
    )
    listed = ", ".join(sorted(known)) or _("none")
    return finding(
        _("the {noun} '{id}' is not in {where}{hint}; known: {listed}").format(
            noun=noun,
            id=ref.target_id,
            where=where,
            hint=_hint(ref.target_id, known),
            listed=listed,
        )
    )


def _hint(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return _(" (did you mean '{choice}'?)").format(choice=close[0]) if close else ""
