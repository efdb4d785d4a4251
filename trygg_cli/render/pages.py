"""A site's pages, rendered and written in worker processes, a few documents at a time.

A worker takes the documents of the pages it is given, and of the documents those pages
read in full (:attr:`~trygg_cli.render.facts.Facts.reads`), from the spool the main
process set them aside in as their files were read (pickled and compressed by
:data:`~trygg_cli.render.facts.SITE_DOCUMENT`: the very documents that were checked),
renders each page with the facts the main process worked out for the whole site
(statuses, titles, addresses), and writes it whole (a temporary file renamed into
place). Only the names, sizes and times of what was written go back. The workers are
started before the files are first read, while the main process is small, and ignore
Ctrl-C: the main process stops them between chunks, so no page is left half-written.
"""

from __future__ import annotations

import gc
import os
import pickle
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from trygg_cli.atomicfile import write_atomic
from trygg_cli.model import Document
from trygg_cli.render.siteconfig import SiteConfig
from trygg_cli.render.stamp import GitState
from trygg_cli.render.status import Status


@dataclass(frozen=True)
class Setting:
    """What every page of one site is rendered with (sent once to each worker)."""

    output_format: str
    template_dir: Path | None
    stamp_day: date
    git: GitState | None
    pdf_variant: str
    config: SiteConfig
    folder: Path
    spool: str  # the file the documents are set aside in


class Source(NamedTuple):
    """A document a chunk reads: its id, its file, and where it lies in the spool."""

    doc_id: str
    path: str
    offset: int
    length: int


@dataclass(frozen=True)
class Chunk:
    """Some pages to render (document id → page name) and what they need."""

    pages: dict[str, str]
    sources: list[Source]  # the pages' documents and the documents they read in full
    titles: dict[str, str]  # the other documents they name
    hrefs: dict[str, str]
    statuses: dict[str, Status]


class Written(NamedTuple):
    name: str
    size: int
    mtime_ns: int


class _Named:
    """A document the page only names: its title is all that is read of it."""

    def __init__(self, doc_id: str, title: str) -> None:
        self.id = doc_id
        self.title = title


@dataclass
class _Known(Mapping[str, Any]):
    """The documents a chunk read, then the others by title only."""

    read: dict[str, Document]
    named: dict[str, _Named] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Any:
        found = self.read.get(key)
        return found if found is not None else self.named[key]

    def __iter__(self) -> Iterator[str]:
        yield from self.read
        yield from (k for k in self.named if k not in self.read)

    def __len__(self) -> int:
        return len(self.read) + sum(1 for k in self.named if k not in self.read)


class _Statuses:
    def __init__(self, statuses: Mapping[str, Status]) -> None:
        self.statuses = statuses

    def status(self, doc: Document) -> Status:
        return self.statuses[doc.id]


_setting: Setting | None = None
_renderer: Any = None


def start(setting: Setting) -> None:
    """Make this process ready to render pages of the site (a worker's initializer)."""
    global _setting, _renderer
    from trygg_cli.render import engine
    from trygg_cli.render.run import Renderer

    _setting = setting
    env = engine.environment(setting.template_dir)
    _renderer = Renderer(
        setting.output_format,
        setting.template_dir,
        setting.stamp_day,
        setting.git,
        env,
        setting.pdf_variant,
    )


def _start_worker(setting: Setting) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    start(setting)


def render_chunk(chunk: Chunk) -> list[Written]:
    """Render and write the chunk's pages (in a worker, or here after :func:`start`)."""
    from trygg_cli.memory import cycle_collector_paused

    assert _setting is not None and _renderer is not None
    with cycle_collector_paused():
        known = _Known(_read(chunk.sources))
        for doc_id, title in chunk.titles.items():
            known.named[doc_id] = _Named(doc_id, title)
        statuses = _Statuses(chunk.statuses)
        paths = {source.doc_id: source.path for source in chunk.sources}
        written = []
        for doc_id, name in chunk.pages.items():
            view = _renderer.view(known.read[doc_id], paths[doc_id], known, chunk.hrefs, statuses)
            view.extra["site"] = _setting.config
            target = _setting.folder / name
            write_atomic(target, _renderer.text(view))
            info = os.stat(target)
            written.append(Written(name, info.st_size, info.st_mtime_ns))
    # The collector stays paused for the whole command (as in the process this one was
    # forked from), but a page's rendering leaves reference cycles (Jinja's contexts and
    # macros): the chunk's, all in the youngest generation, are freed here.
    gc.collect(0)
    return written


def _read(sources: list[Source]) -> dict[str, Document]:
    """The documents of ``sources``, from the spool."""
    assert _setting is not None
    found: dict[str, Document] = {}
    with open(_setting.spool, "rb") as spool:
        for source in sources:
            spool.seek(source.offset)
            found[source.doc_id] = pickle.loads(zlib.decompress(spool.read(source.length)))
    return found


# Below this many files the pages are rendered in this process: workers cost more.
_PARALLEL_MIN_FILES = 64


def _many_files(paths: Iterable[str]) -> bool:
    """Whether ``paths`` hold at least :data:`_PARALLEL_MIN_FILES` YAML files (the walk
    stops as soon as they do)."""
    found = 0
    for given in paths:
        if not os.path.isdir(given):
            found += 1
        for _root, _dirs, files in os.walk(given):
            found += sum(1 for name in files if name.endswith((".yaml", ".yml")))
            if found >= _PARALLEL_MIN_FILES:
                return True
    return found >= _PARALLEL_MIN_FILES


class Workers:
    """Processes that render pages, started now (see the module docstring) when the
    ``paths`` given hold many files; else none, and the pages are rendered here."""

    def __init__(self, setting: Setting, jobs: int | None, paths: Iterable[str]) -> None:
        count = jobs if jobs and jobs > 0 else (os.cpu_count() or 1)
        self.setting = setting
        self.pool: ProcessPoolExecutor | None = None
        if count > 1 and _many_files(paths):
            import multiprocessing

            context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
            self.pool = ProcessPoolExecutor(
                count, mp_context=context, initializer=_start_worker, initargs=(setting,)
            )
            self.pool.submit(int).result()  # the workers start now, while this process is small

    def run(self, chunks: list[Chunk], progress: Callable[[int], None]) -> list[Written]:
        """Render every chunk; what was written. ``progress`` is told the pages done."""
        written: list[Written] = []
        if self.pool is None:
            start(self.setting)
            for chunk in chunks:
                written += render_chunk(chunk)
                progress(len(written))
            return written
        from concurrent.futures import as_completed

        futures: list[Future[list[Written]]] = [
            self.pool.submit(render_chunk, chunk) for chunk in chunks
        ]
        try:
            for future in as_completed(futures):
                written += future.result()
                progress(len(written))
        except BaseException:
            # Chunks not started are dropped; those under way finish their pages whole.
            self.pool.shutdown(wait=True, cancel_futures=True)
            raise
        return written

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
