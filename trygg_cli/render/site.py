"""``trygg render --site``: every document as its own page, and an index page.

Each page is written whole or not at all (a temporary file renamed into place); the index
is written last, so it never links to a page that is not there.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from trygg_cli.fsutil import write_atomic
from trygg_cli.render import engine
from trygg_cli.render.run import Prepared, Renderer, index_name, page_name, site_index
from trygg_cli.render.words import long_date


def write_site(
    prepared: Prepared,
    render: Renderer,
    folder: Path,
    progress_context: Callable[[], Any],
) -> int:
    """Render every document of ``prepared`` into ``folder``; how many were written."""
    env = engine.environment(render.template_dir)
    fmt = render.output_format
    hrefs = {doc_id: page_name(doc_id, fmt) for doc_id in prepared.documents}
    total = len(prepared.documents)
    with progress_context() as progress:
        for n, (doc_id, doc) in enumerate(prepared.documents.items(), 1):
            text = render.render(env, doc, prepared.paths[doc_id], prepared.documents, hrefs)
            write_atomic(folder / hrefs[doc_id], text)
            if progress is not None:
                progress(n, total)
    municipalities, others = site_index(prepared.documents, fmt)
    version = ""
    if render.git is not None and render.git.commit is not None:
        version = f" (git-version {render.git.commit[:12]}"
        version += " med ändringar som inte är incheckade)" if render.git.changed else ")"
    context = {
        "municipalities": municipalities,
        "others": others,
        "count": total,
        "stamp": f"Framställt av trygg{version} den {long_date(render.stamp_day)}.",
    }
    index = engine.render(env, f"index.{engine.FORMATS[fmt]}", context)
    write_atomic(folder / index_name(fmt), index)
    return total
