"""``trygg render``: one document to a file or the screen, or every document as a site."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from trygg_cli.errors import RefusedError, TryggError
from trygg_cli.findings import Finding
from trygg_cli.i18n import N_, _, plural
from trygg_cli.options import parse_day, to_screen, write_report


def output_format_for(given: str | None, output: Path | None) -> str:
    """The format asked for, else the one the output file's name suggests, else HTML."""
    if given is not None:
        return given
    if output is not None and output.suffix.lower() in (".md", ".markdown"):
        return "markdown"
    return "html"


def render_command(
    paths: Sequence[str],
    *,
    document: str | None,
    output_format: str | None,
    output: Path | None,
    site: Path | None,
    template_dir: Path | None,
    stamp_date: str | None,
    allow_personal_data: bool,
    jobs: int | None,
    progress_context: Callable[[], Any],
    err: Callable[[str], None],
) -> int:
    """Render and write; the exit code (1 when a document had to be left out)."""
    from trygg_cli.render.run import prepare, renderer
    from trygg_cli.render.stamp import stamp_day

    if site is not None and output is not None:
        raise TryggError(_("give either --output for one document or --site for all, not both"))
    fmt = output_format_for(output_format, output)
    day = stamp_day(parse_day(stamp_date, "--stamp-date") if stamp_date else None)
    with progress_context() as progress:
        prepared = prepare(
            paths,
            today=day,
            allow_personal_data=allow_personal_data,
            jobs=jobs,
            progress=progress,
        )
    render = renderer(paths, fmt, template_dir, day)
    if site is None:
        from trygg_cli.render.run import pick

        try:
            doc = pick(prepared, document)
        except RefusedError:
            _report_refused(prepared.refused, err)
            raise
        text = render.render(doc, prepared.paths[doc.id], prepared.documents, {})
        write_report(text, output)
        if not to_screen(output):
            err(_("wrote {path}").format(path=output))
        return 0
    from trygg_cli.render.site import write_site

    written = write_site(prepared, render, site, progress_context)
    _report_refused(prepared.refused, err)
    err(
        _("wrote {pages} and an index page to {folder}").format(
            pages=plural(written, N_("{n} document"), N_("{n} documents")), folder=site
        )
    )
    if prepared.refused:
        err(
            _("{documents} left out: fix the problems above and render again").format(
                documents=plural(len(prepared.refused), N_("{n} file"), N_("{n} files"))
            )
        )
        return 1
    return 0


def _report_refused(refused: dict[str, list[Finding]], err: Callable[[str], None]) -> None:
    for path, findings in sorted(refused.items()):
        for finding in sorted(findings):
            err(
                _("{path}:{line}:{column}: not rendered: {message}").format(
                    path=path, line=finding.line, column=finding.column, message=finding.message
                )
            )
