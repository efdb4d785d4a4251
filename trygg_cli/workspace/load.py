"""Load a workspace: check every file (in worker processes when there are many, from the
cache when unchanged), run the passes asked for, then resolve references across files."""

from __future__ import annotations

import json
import os
import pickle
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, partial
from typing import TYPE_CHECKING, Any

from trygg_cli.cache import file_key
from trygg_cli.check.passes import KEEP_DOCUMENT, REFERENCES, Pass
from trygg_cli.check.results import MISSING_MARKER, FileResult
from trygg_cli.findings import Finding, Severity
from trygg_cli.memory import cycle_collector_paused
from trygg_cli.workspace import incremental, memo
from trygg_cli.workspace.discover import (
    discover,
    link_outside,
    named_files,
    not_a_document,
    read,
    size,
)
from trygg_cli.workspace.resolve import assemble, references_of, reread
from trygg_cli.workspace.workers import in_processes

if TYPE_CHECKING:
    from trygg_cli.model import Document

Progress = Callable[[int, int], None]
OnResult = Callable[[FileResult], None]

# What validate runs: the core's own checks and references, nothing a feature adds.
VALIDATE: tuple[Pass, ...] = (REFERENCES,)
# Below these sizes a process pool costs more than it saves.
_PARALLEL_MIN_FILES = 64
_PARALLEL_MIN_BYTES = 2 * 1024 * 1024
_CHUNK = 24


@dataclass
class Workspace:
    """The checked files and their findings; by id, the result that holds each document."""

    results: list[FileResult]
    findings: list[Finding] = field(default_factory=list)
    by_id: dict[str, FileResult] = field(default_factory=dict)
    sources: Mapping[str, bytes] | None = None  # when built from {path: bytes}

    def read(self, path: str) -> bytes | None:
        """A checked file's bytes again (from the given sources, else from disk)."""
        if self.sources is not None:
            return self.sources.get(path)
        raw = read(path)
        return None if isinstance(raw, Finding) else raw

    def outputs(self, name: str) -> dict[str, Any]:
        """What the pass called ``name`` kept, by document id (the file that holds the id)."""
        return {doc_id: r.outputs[name] for doc_id, r in self.by_id.items() if name in r.outputs}

    @cached_property
    def documents(self) -> dict[str, Document]:
        """The valid documents by id (loaded with :data:`KEEP_DOCUMENT` among the passes)."""
        return self.outputs(KEEP_DOCUMENT.name)

    @property
    def checked(self) -> list[str]:
        return [r.path for r in self.results if r.checked]

    @property
    def skipped(self) -> list[str]:
        return [r.path for r in self.results if not r.checked]


@dataclass(frozen=True)
class _Job:
    """What each file is checked for (sent to worker processes)."""

    passes: tuple[Pass, ...]
    pack: bool = False  # send results back pickled, with their cache key

    def fingerprint(self) -> str:
        """The passes, described for the cache key."""
        return json.dumps([[p.name, p.fingerprint()] for p in self.passes])

    def findings_only(self) -> bool:
        """Whether nothing but the run's findings is wanted (what validate needs)."""
        return all(p.findings_only for p in self.passes)


def _check(path: str, raw: bytes, job: _Job) -> FileResult:
    # Imported here: a run served wholly from the cache never needs the parser or models.
    from trygg_cli import check

    with cycle_collector_paused():  # also in worker processes that do not inherit it
        return check.check_source(path, raw, passes=job.passes)


_Keyed = tuple[str | None, memo.Stamp | None, FileResult]


def _check_keyed(path: str, job: _Job) -> _Keyed:
    """Check ``path``: the cache key of the bytes checked (``None``: the file could not be
    read, so its result is not kept), the file's stamp taken before reading it, and the
    result."""
    stamp = memo.stamp_of(path) if job.pack else None
    raw = read(path)
    if isinstance(raw, Finding):
        return None, None, FileResult(path, checked=True, findings=[raw])
    return (file_key(path, raw) if job.pack else None), stamp, _check(path, raw, job)


_Packed = tuple[list[str | None], list[memo.Stamp | None], bytes]
"""A chunk's results pickled together, with the cache key and stamp of each (see
:func:`_check_keyed`): the bytes cross the process boundary and go into the cache as they
are."""


def _pack(keyed: list[_Keyed]) -> _Packed:
    results = [result for _key, _stamp, result in keyed]
    blob = pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)
    return [key for key, _s, _r in keyed], [stamp for _k, stamp, _r in keyed], blob


def _check_chunk(paths: list[str], job: _Job) -> list[FileResult] | _Packed:
    keyed = [_check_keyed(p, job) for p in paths]
    if job.pack:
        return _pack(keyed)
    return [result for _key, _stamp, result in keyed]


def load_paths(
    paths: Iterable[str],
    *,
    passes: Sequence[Pass] = VALIDATE,
    jobs: int | None = None,
    progress: Progress | None = None,
    on_result: OnResult | None = None,
    cache: bool = False,
    keep_outputs: Collection[str] | None = None,
    conclude: memo.Conclusion | None = None,
    conclude_settings: str = "",
) -> Workspace:
    """Check every trygg file under ``paths``, run ``passes`` on each, and resolve the
    references between them (when :data:`~trygg_cli.check.REFERENCES` is among them).

    ``on_result`` is called with each file's result as it arrives (in no particular
    order), so the caller can start on it while other files are still being read. With
    ``cache``, results of unchanged files are taken from the repository's cache (see
    :mod:`trygg_cli.cache`).

    ``keep_outputs`` names the passes whose outputs the workspace keeps once ``on_result``
    has seen a result (``None``: all). A caller that consumes the outputs as they arrive
    keeps none, and the workspace's memory stays that of the findings, ids and references.

    ``conclude`` makes the workspace's findings what it returns for the whole workspace
    (lint's rules across documents); with ``cache``, a run whose files and
    ``conclude_settings`` are as the last run's takes those findings from the cache and
    checks nothing.
    """
    with cycle_collector_paused():
        load = _Load(list(paths), _Job(tuple(passes)), progress, on_result, cache)
        if keep_outputs is not None:
            load.keep_outputs = frozenset(keep_outputs)
        if conclude is not None:
            load.conclude, load.settings = conclude, conclude_settings
            load.whole = load.store is not None and on_result is None
        return load.run(jobs)


class _Load:
    """One load: which files, what is already known of them, and what arrives."""

    def __init__(
        self,
        given: list[str],
        job: _Job,
        progress: Progress | None,
        on_result: OnResult | None,
        cache: bool,
    ) -> None:
        self.outside: list[str] = []  # links out of the folders, not followed
        self.files = discover(given, self.outside)
        self.named = named_files(given)
        self.store = memo.open_cache(given, job.fingerprint()) if cache else None
        self.job = _Job(job.passes, pack=True) if self.store is not None else job
        self.progress = progress
        self.on_result = on_result
        self.keep_outputs: frozenset[str] | None = None  # None: all
        self.by_path: dict[str, FileResult] = {}
        self.keys: dict[str, str | None] = {}  # path → cache key (None: unreadable)
        self.file_keys = memo.FileKeys(self.store) if self.store is not None else None
        self.conclude: memo.Conclusion | None = None
        self.settings = ""
        # Only findings wanted (validate): the whole run's outcome is kept too, by every
        # file's key, so that an unchanged tree needs no per-file results or resolving.
        self.whole = self.store is not None and on_result is None and job.findings_only()

    def run(self, jobs: int | None) -> Workspace:
        todo = self.files
        if self.store is not None and self.file_keys is not None:
            if self.whole:
                self.keys = {path: self.file_keys.key(path) for path in self.files}
                found = memo.cached_run(self.store, self.keys, self.named, self._settings())
                if found is not None:
                    self.file_keys.save(self.store)
                    findings, skipped = found
                    results = [FileResult(p, p not in skipped) for p in self.keys]
                    return Workspace(results, findings)
                if self.conclude is None:
                    changed = self._incremental()
                    if changed is not None:
                        return changed
            if self.store:  # an empty pack: nothing to look up
                todo = self._from_cache()
        self._check(todo, jobs)
        results = [self._named(self.by_path[p]) for p in self.files]
        findings, by_id = assemble(results, reread)
        if self.whole and self.conclude is None and self.store is not None:
            links = incremental.links_of(self._settings(), self.keys, results, findings)
            if links is not None:
                self.store.keep_note("links", links)
        workspace = Workspace(results, sorted(findings + self._links()), by_id)
        if self.conclude is not None:
            for result in results:  # resolved: what a conclusion needs is the outputs
                result.refs, result.index = [], None
            workspace = replace(workspace, findings=self.conclude(workspace))
        if self.store is not None and self.file_keys is not None:
            if self.whole:
                outcome = (workspace.findings, frozenset(workspace.skipped))
                settings = self._settings()
                memo.keep_run(self.store, self.keys, self.files, outcome, self.named, settings)
            self.store.save()
            self.file_keys.save(self.store)
        return workspace

    def _incremental(self) -> Workspace | None:
        """A run in which a few files changed since the last one (see
        :mod:`trygg_cli.workspace.incremental`); None: check the whole tree."""
        assert self.store is not None and self.file_keys is not None
        links = incremental.read_links(self.store.note("links"), self._settings())
        if links is None:
            return None
        checked: list[_Keyed] = []

        def check(paths: list[str]) -> dict[str, FileResult]:
            for path in paths:
                key, stamp, result = _check_keyed(path, self.job)
                self._keyed(path, key, stamp)
                checked.append((key, stamp, result))
            return {result.path: self._named(result) for _k, _s, result in checked}

        def stored(path: str, key: str) -> FileResult | None:
            found = self.store.get(key) if self.store is not None else None
            if not isinstance(found, FileResult) or found.path != path:
                return None
            return self._named(found)

        outcome = incremental.update(links, self.keys, self.files, check, stored, reread)
        if outcome is None:
            return None
        findings, links = outcome
        findings = sorted(findings + self._links())
        results = [FileResult(p, p not in links.skipped) for p in self.files]
        settings = self._settings()
        memo.keep_run(
            self.store, self.keys, self.files, (findings, links.skipped), self.named, settings
        )
        self.store.keep_note("links", links)
        if checked:
            keys, _stamps, blob = _pack(checked)
            self.store.add(keys, blob)
            self.store.save_beside(links.keys.values())
        self.file_keys.save(self.store)
        return Workspace(results, findings)

    def _settings(self) -> str:
        """What, beside the files, a whole run's outcome depends on."""
        return "\0".join((self.settings, *self.outside, "named:", *sorted(self.named)))

    def _links(self) -> list[Finding]:
        return [link_outside(path) for path in self.outside]

    def _named(self, result: FileResult) -> FileResult:
        """A file named on the command line is checked even when it is not a document:
        one that only looks like a document (no marker, or a misspelt one) is an error."""
        if result.path not in self.named:
            return result
        if result.checked:
            return _marker_as_error(result)
        raw = read(result.path)
        found = not_a_document(result.path, None if isinstance(raw, Finding) else raw)
        return FileResult(result.path, checked=True, findings=[found])

    def _from_cache(self) -> list[str]:
        """Take what the cache knows; the files still to check."""
        assert self.store is not None
        todo = []
        for path in self.files:
            assert self.file_keys is not None
            result = memo.cached_file(self.store, path, self.keys, self.file_keys)
            if result is None:
                todo.append(path)
            else:
                self._arrived(result, progress=False)
        if self.progress is not None and self.by_path:
            self.progress(len(self.by_path), len(self.files))
        return todo

    def _arrived(self, result: FileResult, progress: bool = True) -> None:
        if self.on_result is not None:
            self.on_result(result)
        if self.keep_outputs is not None and result.outputs:
            kept = {k: v for k, v in result.outputs.items() if k in self.keep_outputs}
            result = replace(result, outputs=kept)
        self.by_path[result.path] = result
        if progress and self.progress is not None:
            self.progress(len(self.by_path), len(self.files))

    def _keyed(self, path: str, key: str | None, stamp: memo.Stamp | None) -> None:
        self.keys[path] = key
        if self.file_keys is not None:
            self.file_keys.learn(path, key, stamp)

    def _arrived_chunk(self, chunk: list[FileResult] | _Packed) -> None:
        if isinstance(chunk, list):
            results = chunk
        else:
            chunk_keys, stamps, blob = chunk
            results = pickle.loads(blob)
            if self.store is not None:
                self.store.add(chunk_keys, blob)
            for result, key, stamp in zip(results, chunk_keys, stamps, strict=True):
                self._keyed(result.path, key, stamp)
        for result in results:
            self._arrived(result)

    def _check(self, todo: list[str], jobs: int | None) -> None:
        workers = jobs if jobs and jobs > 0 else (os.cpu_count() or 1)
        if (
            workers > 1
            and len(todo) >= _PARALLEL_MIN_FILES
            and sum(size(p) for p in todo) >= _PARALLEL_MIN_BYTES
        ):
            work = partial(_check_chunk, job=self.job)
            in_processes(work, _chunks(todo), workers, self._arrived_chunk)
        elif self.store is not None:
            # In this process: results are used as they are and pickled for the cache in
            # chunks, as a worker would.
            for chunk in _chunks(todo):
                keyed = [_check_keyed(path, self.job) for path in chunk]
                for key, stamp, result in keyed:
                    self._keyed(result.path, key, stamp)
                    self._arrived(result)
                keys, _stamps, blob = _pack(keyed)
                self.store.add(keys, blob)
        else:
            for path in todo:
                self._arrived(_check_keyed(path, self.job)[2])


def load_sources(sources: Mapping[str, bytes], *, passes: Sequence[Pass] = VALIDATE) -> Workspace:
    """Check documents given as ``{path: bytes}`` (a git revision, a test) in one process."""
    job = _Job(tuple(passes))
    with cycle_collector_paused():
        results = [_check(path, sources[path], job) for path in sorted(sources)]
        findings, by_id = assemble(results, lambda path: references_of(path, sources.get(path)))
    return Workspace(results, findings, by_id, sources)


def _marker_as_error(result: FileResult) -> FileResult:
    """``result`` with a missing or misspelt marker made an error: the file was named."""
    if not any(f.rule == MISSING_MARKER for f in result.findings):
        return result
    findings = [
        replace(f, severity=Severity.ERROR) if f.rule == MISSING_MARKER else f
        for f in result.findings
    ]
    return replace(result, findings=findings)


def _chunks(files: list[str]) -> list[list[str]]:
    """``files`` in runs of _CHUNK: what a worker checks and the cache keeps together."""
    return [files[i : i + _CHUNK] for i in range(0, len(files), _CHUNK)]
