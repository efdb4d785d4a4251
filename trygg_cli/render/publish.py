"""``trygg render --site`` without PDFs: read every file once for the small facts a site
needs (:mod:`~trygg_cli.render.facts`), then render in worker processes only the pages
whose inputs changed (:mod:`~trygg_cli.render.pages`, :mod:`~trygg_cli.render.manifest`),
and the index page last, written only when it differs.

No whole document is kept: a page needs every other document's status (a document
anywhere may replace it), so no page can be rendered as its file arrives, and the workers
read again the few files each page needs.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any, Protocol

from trygg_cli import __version__
from trygg_cli.check.passes import Pass
from trygg_cli.check.results import FileResult
from trygg_cli.findings import Finding
from trygg_cli.model.life import lives_of
from trygg_cli.readfile import read_regular
from trygg_cli.render import engine, manifest
from trygg_cli.render.facts import SITE_DOCUMENT, SITE_FACTS, Facts, page_key
from trygg_cli.render.index import FollowUp, IndexEntry, index_name, page_names, site_index
from trygg_cli.render.pages import Chunk, Setting, Source, Workers, Written
from trygg_cli.render.passes import PERSONAL_NUMBERS
from trygg_cli.render.run import Renderer, refusals, renderable
from trygg_cli.render.siteconfig import SiteConfig
from trygg_cli.render.stamp import stamp_text
from trygg_cli.render.status import Lives, Status
from trygg_cli.workspace import Workspace, load_paths

_CHUNK = 16  # pages a worker renders at a time
_MAX_INDEX = 1 << 30


@dataclass
class SiteRead:
    """The facts of the documents that may be rendered (by id, in file order), where
    each was read from, and why the others may not be rendered."""

    workspace: Workspace
    facts: dict[str, Facts] = field(default_factory=dict)
    paths: dict[str, str] = field(default_factory=dict)
    refused: dict[str, list[Finding]] = field(default_factory=dict)
    spooled: dict[str, tuple[int, int]] = field(default_factory=dict)  # id → offset, length


class FollowUps(Protocol):
    """Each document's next follow-up, for the index: what is needed of each file is
    taken as it arrives (:meth:`seen`, given the outputs of the site's extra passes),
    then the follow-ups of the documents rendered are worked out (:meth:`of`)."""

    def seen(self, result: FileResult) -> None: ...

    def of(self, workspace: Workspace, documents: Collection[str]) -> Mapping[str, FollowUp]: ...


@dataclass(frozen=True)
class Site:
    """One site run: where to, with what, and where each document's next follow-up
    comes from."""

    folder: Path
    config: SiteConfig
    follow_ups: FollowUps
    jobs: int | None = None


def publish(
    paths: Sequence[str],
    render: Renderer,
    site: Site,
    *,
    allow_personal_data: bool,
    extra_passes: Sequence[Pass] = (),
    progress_context: Callable[[], Any],
    cache: bool = False,
) -> SiteRead:
    """Read ``paths`` (with ``cache``: unchanged files from the repository's cache) and
    bring the site in ``site.folder`` up to date."""
    setting = Setting(
        render.output_format,
        render.template_dir,
        render.stamp_day,
        render.git,
        render.pdf_variant,
        site.config,
        site.folder,
        "",
    )
    with tempfile.NamedTemporaryFile(prefix="trygg-site-", suffix=".spool") as spool:
        setting = replace(setting, spool=spool.name)
        workers = Workers(setting, site.jobs, paths)
        try:
            with progress_context() as progress:
                read = read_site(
                    paths,
                    allow_personal_data,
                    extra_passes,
                    (site.jobs, progress, cache),
                    _Arrivals(spool, site.follow_ups),
                )
            spool.flush()
            _write(read, render, site, workers, progress_context)
        finally:
            workers.close()
    return read


class _Arrivals:
    """What is done with each file's result as it arrives: its document set aside in the
    spool (where it lies is kept), its schedules handed to the follow-ups."""

    def __init__(self, spool: IO[bytes], follow_ups: FollowUps) -> None:
        self.spool = spool
        self.follow_ups = follow_ups
        self.at: dict[str, tuple[int, int]] = {}  # path → offset, length

    def seen(self, result: FileResult) -> None:
        blob = result.outputs.get(SITE_DOCUMENT.name)
        if blob is not None:
            self.at[result.path] = (self.spool.tell(), len(blob))
            self.spool.write(blob)
        self.follow_ups.seen(result)


def read_site(
    paths: Sequence[str],
    allow_personal_data: bool,
    extra_passes: Sequence[Pass],
    load: tuple[int | None, Callable[[int, int], None] | None, bool],
    arrivals: _Arrivals,
) -> SiteRead:
    """Read ``paths`` for the facts of each document; its document and the extra passes'
    outputs go to ``arrivals`` as each file arrives and are not kept. ``load``: the
    jobs, the progress callback and whether to use the cache."""
    own = (SITE_FACTS,) if allow_personal_data else (SITE_FACTS, PERSONAL_NUMBERS)
    jobs, progress, cache = load
    workspace = load_paths(
        paths,
        jobs=jobs,
        progress=progress,
        cache=cache,
        passes=(*own, SITE_DOCUMENT, *extra_passes),
        on_result=arrivals.seen,
        keep_outputs=[p.name for p in own],
    )
    read = SiteRead(workspace, refused=refusals(workspace, allow_personal_data))
    for doc_id, result in renderable(workspace, read.refused, SITE_FACTS.name):
        if result.path in arrivals.at:
            read.facts[doc_id] = result.outputs[SITE_FACTS.name]
            read.paths[doc_id] = result.path
            read.spooled[doc_id] = arrivals.at[result.path]
    return read


def _write(
    read: SiteRead,
    render: Renderer,
    site: Site,
    workers: Workers,
    progress_context: Callable[[], Any],
) -> None:
    fmt, folder, facts = render.output_format, site.folder, read.facts
    hrefs = page_names(facts, fmt)
    standings = {doc_id: f.standing for doc_id, f in facts.items()}
    lives = Lives(render.stamp_day, standings, lives_of(standings, render.stamp_day))
    statuses = {doc_id: lives.status_by(doc_id, f.draft, f.record) for doc_id, f in facts.items()}
    reads = _reads(facts)
    base = "\0".join(
        (__version__, manifest.templates_fingerprint(render.template_dir), fmt, repr(site.config))
    )
    base = hashlib.blake2b(base.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    before = manifest.read(folder, Path(index_name(fmt)).suffix)
    after: dict[str, manifest.Entry] = {}
    todo: list[str] = []
    for doc_id, f in facts.items():
        stamp = stamp_text(read.paths[doc_id], render.stamp_day, render.git)
        key = page_key(base, f, facts, hrefs, statuses, stamp, reads[doc_id])
        name = hrefs[doc_id]
        known = before.get(name)
        if known is not None and known.key == key and manifest.as_left(folder, name, known):
            after[name] = known
        else:
            after[name] = manifest.Entry(key, -1, -1)
            todo.append(doc_id)
    chunks = _chunks(todo, read, hrefs, statuses, reads)
    # The index first, so that a mistake in its template stops the run before any page
    # is written; it is written last, so that it never links to a page not yet there.
    index = _index(read, render, site, hrefs, statuses)
    with progress_context() as progress:

        def done(n: int) -> None:
            if progress is not None:
                progress(n, len(todo))

        written: list[Written] = workers.run(chunks, done)
    for page in written:
        after[page.name] = manifest.Entry(after[page.name].key, page.size, page.mtime_ns)
    _write_index(folder / index_name(fmt), index)
    manifest.remove_gone(folder, before, after)
    manifest.write(folder, after)


def _reads(facts: Mapping[str, Facts]) -> dict[str, tuple[str, ...]]:
    """The documents each page reads in full: its own :attr:`Facts.reads`, and for a
    follow-up the follow-ups of the same documents or indicators (the one before it, the
    series of its indicators)."""
    peers: dict[object, list[str]] = {}
    for doc_id, f in facts.items():
        if f.follows is not None:
            followed, measured = f.follows
            peers.setdefault(("followed", followed), []).append(doc_id)
            if measured is not None:
                peers.setdefault(("measured", measured), []).append(doc_id)
    out: dict[str, tuple[str, ...]] = {}
    for doc_id, f in facts.items():
        found = [r for r in f.reads if r in facts]
        if f.follows is not None:
            followed, measured = f.follows
            found += peers[("followed", followed)] + peers.get(("measured", measured), [])
        out[doc_id] = tuple(r for r in dict.fromkeys(found) if r != doc_id)
    return out


def _chunks(
    todo: list[str],
    read: SiteRead,
    hrefs: Mapping[str, str],
    statuses: Mapping[str, Status],
    reads: Mapping[str, tuple[str, ...]],
) -> list[Chunk]:
    """The pages to render in chunks, a document with those that read it where possible
    (an agreement with its action plans and citizen promises), so each file is read once."""
    facts = read.facts
    groups: dict[str, list[str]] = {}
    for doc_id in todo:
        first = reads[doc_id][0] if reads[doc_id] else doc_id
        groups.setdefault(first, []).append(doc_id)
    chunks, pending = [], []
    for group in groups.values():
        pending += group
        if len(pending) >= _CHUNK:
            chunks.append(pending)
            pending = []
    if pending:
        chunks.append(pending)
    made = []
    for ids in chunks:
        needed = list(dict.fromkeys([*ids, *(r for i in ids for r in reads[i])]))
        named = {n for i in ids for n in facts[i].names}
        named.update(s for i in ids if (s := statuses[i].successor) is not None)
        made.append(
            Chunk(
                pages={i: hrefs[i] for i in ids},
                sources=[Source(i, read.paths[i], *read.spooled[i]) for i in needed],
                titles={n: facts[n].title for n in named if n in facts},
                hrefs={n: hrefs[n] for n in {*needed, *named} if n in hrefs},
                statuses={i: statuses[i] for i in ids},
            )
        )
    return made


def _index(
    read: SiteRead,
    render: Renderer,
    site: Site,
    hrefs: Mapping[str, str],
    statuses: Mapping[str, Status],
) -> str:
    """The index page's text."""
    from trygg_cli.render.site import site_stamp

    follow_ups = site.follow_ups.of(read.workspace, read.facts.keys())
    entries = {
        doc_id: IndexEntry(
            doc_id, f.title, hrefs[doc_id], statuses[doc_id], f.period, follow_ups.get(doc_id)
        )
        for doc_id, f in read.facts.items()
    }
    municipalities, others = site_index(read.facts, entries)
    context = {
        "municipalities": municipalities,
        "others": others,
        "count": len(read.facts),
        "stamp": site_stamp(read.paths.values(), render),
        "site": site.config,
    }
    return engine.render(render.env, f"index.{engine.FORMATS[render.output_format]}", context)


def _write_index(target: Path, text: str) -> None:
    """The index page, written only when it is not already as it would be."""
    from trygg_cli.atomicfile import write_atomic

    try:
        same = read_regular(str(target), _MAX_INDEX) == text.encode("utf-8", "backslashreplace")
    except OSError:
        same = False
    if not same:
        write_atomic(target, text)
