"""``trygg render --site --with-pdf``: every document as its own page and a PDF, and an
index page. (Without PDFs, :mod:`~trygg_cli.render.publish` renders only what changed.)

Every page is rendered before any is written, so that a template mistake leaves the
folder as it was; then each page is written whole (a temporary file renamed into place)
and the index page last, so it never links to a page that is not there. Each document is
printed to PDF as well, in worker processes (WeasyPrint takes about a second a
document), and the index links to the PDFs.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from trygg_cli.atomicfile import write_atomic
from trygg_cli.render import engine
from trygg_cli.render.index import FollowUp, entries_of, index_name, page_names, site_index
from trygg_cli.render.run import Prepared, Renderer
from trygg_cli.render.siteconfig import SiteConfig
from trygg_cli.render.stamp import relative_path, version_words
from trygg_cli.render.status import Lives
from trygg_cli.render.words import long_date


@dataclass(frozen=True)
class SiteOptions:
    """What a site adds to the documents: the ``render:`` settings of ``.trygg.yaml``,
    each document's next follow-up (planned by ``trygg due``), PDFs beside the pages (in
    ``jobs`` worker processes)."""

    config: SiteConfig = field(default_factory=SiteConfig)
    follow_ups: Mapping[str, FollowUp] = field(default_factory=dict)
    with_pdf: bool = False
    jobs: int | None = None


def write_site(
    prepared: Prepared,
    render: Renderer,
    folder: Path,
    progress_context: Callable[[], Any],
    options: SiteOptions | None = None,
) -> int:
    """Render every document of ``prepared`` into ``folder``; how many were written."""
    options = options or SiteOptions()
    fmt = render.output_format
    documents = prepared.documents
    hrefs = page_names(documents, fmt)
    lives = Lives.of(documents.values(), render.stamp_day)
    texts: list[str] = []
    with progress_context() as progress:
        for n, (doc_id, doc) in enumerate(documents.items(), 1):
            view = render.view(doc, prepared.paths[doc_id], documents, hrefs, lives)
            view.extra["site"] = options.config
            texts.append(render.text(view))
            if progress is not None:
                progress(n, len(documents))
    pages: list[tuple[str, str | bytes]] = [
        (hrefs[d], t) for d, t in zip(documents, texts, strict=True)
    ]
    pdfs = page_names(documents, "pdf") if options.with_pdf else {}
    if pdfs:
        html = texts if fmt == "html" else _html_pages(prepared, render)
        printed = print_pages(html, render, options.jobs, progress_context)
        pages += [(pdfs[doc_id], pdf) for doc_id, pdf in zip(documents, printed, strict=True)]
    entries = entries_of(documents, hrefs, lives, options.follow_ups, pdfs)
    municipalities, others = site_index(documents, entries)
    context = {
        "municipalities": municipalities,
        "others": others,
        "count": len(documents),
        "stamp": site_stamp(prepared.paths.values(), render),
        "site": options.config,
    }
    index = engine.render(render.env, f"index.{engine.FORMATS[fmt]}", context)
    pages.append((index_name(fmt), index))
    for name, content in pages:
        write_atomic(folder / name, content)
    return len(documents)


def _html_pages(prepared: Prepared, render: Renderer) -> list[str]:
    """Each document as an HTML page, for its PDF beside a Markdown site."""
    from dataclasses import replace

    html = replace(render, output_format="html")
    return [
        html.text(html.view(doc, prepared.paths[doc_id], prepared.documents, {}))
        for doc_id, doc in prepared.documents.items()
    ]


def print_pages(
    pages: Sequence[str],
    render: Renderer,
    jobs: int | None,
    progress_context: Callable[[], Any],
) -> list[bytes]:
    """Each HTML page as a PDF, in order, in up to ``jobs`` processes (all the cores
    when not given). WeasyPrint is imported before the workers start, so a missing
    library is said once and each worker does not import it again."""
    from trygg_cli.render.pdf import load_weasyprint

    load_weasyprint()
    workers = min(len(pages), jobs if jobs and jobs > 0 else (os.cpu_count() or 1))
    printed: list[bytes | None] = [None] * len(pages)
    with progress_context() as progress:
        if workers <= 1:
            for n, page in enumerate(pages):
                printed[n] = _print(page, render.stamp_day, render.pdf_variant)
                if progress is not None:
                    progress(n + 1, len(pages))
        else:
            _print_in_workers(pages, render, workers, printed, progress)
    return [pdf for pdf in printed if pdf is not None]


def _print_in_workers(
    pages: Sequence[str],
    render: Renderer,
    workers: int,
    printed: list[bytes | None],
    progress: Callable[[int, int], None] | None,
) -> None:
    import multiprocessing

    context = multiprocessing.get_context("fork") if sys.platform == "linux" else None
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = {
            pool.submit(_print, page, render.stamp_day, render.pdf_variant): n
            for n, page in enumerate(pages)
        }
        for done, future in enumerate(as_completed(futures), 1):
            printed[futures[future]] = future.result()
            if progress is not None:
                progress(done, len(pages))


def _print(page: str, day: date, variant: str) -> bytes:
    from trygg_cli.render.pdf import to_pdf

    return to_pdf(page, day=day, variant=variant)


def site_stamp(paths: Iterable[str], render: Renderer) -> str:
    """The index page's footer: the git version, and whether a rendered file differs."""
    git = render.git
    version = ""
    if git is not None:
        version = version_words(git, any(relative_path(p, git) in git.changed for p in paths))
    return f"Framställt av trygg{version} den {long_date(render.stamp_day)}."
