"""``trygg render --site``: every document as its own page, and an index page.

Every page is rendered before any is written, so that a template mistake leaves the
folder as it was; then each page is written whole (a temporary file renamed into place)
and the index page last, so it never links to a page that is not there.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from trygg_cli.atomicfile import write_atomic
from trygg_cli.render import engine
from trygg_cli.render.run import Prepared, Renderer, index_name, page_names, site_index
from trygg_cli.render.stamp import relative_path, version_words
from trygg_cli.render.status import Lives
from trygg_cli.render.words import long_date


def write_site(
    prepared: Prepared,
    render: Renderer,
    folder: Path,
    progress_context: Callable[[], Any],
) -> int:
    """Render every document of ``prepared`` into ``folder``; how many were written."""
    fmt = render.output_format
    hrefs = page_names(prepared.documents, fmt)
    total = len(prepared.documents)
    pages: list[tuple[str, str]] = []
    lives = Lives.of(prepared.documents.values(), render.stamp_day)
    with progress_context() as progress:
        for n, (doc_id, doc) in enumerate(prepared.documents.items(), 1):
            view = render.view(doc, prepared.paths[doc_id], prepared.documents, hrefs, lives)
            text = render.text(view)
            pages.append((hrefs[doc_id], text))
            if progress is not None:
                progress(n, total)
    municipalities, others = site_index(prepared.documents, hrefs)
    context = {
        "municipalities": municipalities,
        "others": others,
        "count": total,
        "stamp": _site_stamp(prepared, render),
    }
    index = engine.render(render.env, f"index.{engine.FORMATS[fmt]}", context)
    pages.append((index_name(fmt), index))
    for name, text in pages:
        write_atomic(folder / name, text)
    return total


def _site_stamp(prepared: Prepared, render: Renderer) -> str:
    """The index page's footer: the git version, and whether a rendered file differs."""
    git = render.git
    version = ""
    if git is not None:
        paths = prepared.paths.values()
        version = version_words(git, any(relative_path(p, git) in git.changed for p in paths))
    return f"Framställt av trygg{version} den {long_date(render.stamp_day)}."
