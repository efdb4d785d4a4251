"""``trygg render``: one document to a file or the screen, or every document as a site."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from trygg_cli.cli import completion
from trygg_cli.cli.params import (
    FILE,
    FOLDER,
    Jobs,
    NoCache,
    Paths,
    day_option,
    format_option,
    paths_argument,
    targets,
)
from trygg_cli.cli.terminal import Progress, err, parse_day, to_screen, write_report
from trygg_cli.i18n import N_, _, plural

if TYPE_CHECKING:
    from trygg_cli.check.passes import Pass
    from trygg_cli.check.results import FileResult
    from trygg_cli.due.records import DocumentSchedules
    from trygg_cli.findings import Finding
    from trygg_cli.render.index import FollowUp
    from trygg_cli.render.run import Prepared, Renderer
    from trygg_cli.render.siteconfig import SiteConfig
    from trygg_cli.workspace import Workspace


class RenderFormat(StrEnum):
    html = "html"
    markdown = "markdown"
    pdf = "pdf"
    docx = "docx"


class PdfVariant(StrEnum):
    """The PDF variants offered (trygg_cli.render.pdf.VARIANTS); all are tagged."""

    a2a = "pdf/a-2a"
    a3a = "pdf/a-3a"
    a2u = "pdf/a-2u"
    a3u = "pdf/a-3u"
    ua1 = "pdf/ua-1"
    ua2 = "pdf/ua-2"


# A PDF or Word file is not shown on the screen: it needs --output (or '-o -').
BINARY = frozenset({"pdf", "docx"})
SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".pdf": "pdf", ".docx": "docx"}


@dataclass(frozen=True)
class RenderOptions:
    paths: tuple[str, ...]
    document: str | None
    output_format: str | None
    output: Path | None
    site: Path | None
    template_dir: Path | None
    stamp_date: str | None
    allow_personal_data: bool
    jobs: int | None
    pdf_variant: str = PdfVariant.a2a.value
    with_pdf: bool = False
    cache: bool = True  # with --site (without PDFs): results of unchanged files reused


def _path_option(name: str, metavar: str, help_text: str, *short: str) -> Any:
    return typer.Option(name, *short, metavar=metavar, help=help_text, show_default=False)


def command(
    paths: Annotated[
        Paths, paths_argument(_("Files or folders to read (default: the current folder)."))
    ] = None,
    document: Annotated[
        str | None,
        typer.Option(
            "--document",
            "-d",
            autocompletion=completion.document_ids,
            metavar="ID",
            help=_("The document to render, when the files hold more than one."),
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        RenderFormat | None,
        format_option(
            _(
                "html (one self-contained, accessible file), markdown, pdf (tagged PDF/A "
                "for signing and the registry) or docx (Word, for a consultation "
                "version); by default taken from the output file's name, else html."
            ),
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        _path_option(
            "--output",
            FILE,
            _("Write the document to this file instead of the screen ('-': the screen)."),
            "-o",
        ),
    ] = None,
    site: Annotated[
        Path | None,
        _path_option(
            "--site", FOLDER, _("Render every document into this folder, with an index page.")
        ),
    ] = None,
    template_dir: Annotated[
        Path | None,
        _path_option(
            "--template-dir",
            FOLDER,
            _("Your own templates: a file here replaces trygg's template of that name."),
        ),
    ] = None,
    stamp_date: Annotated[
        str | None,
        day_option(
            "--stamp-date",
            _(
                "The date in the footer (default: SOURCE_DATE_EPOCH if set, else today), for "
                "output that is the same on every run."
            ),
        ),
    ] = None,
    allow_personal_data: Annotated[
        bool,
        typer.Option(
            "--allow-personal-data",
            help=_("Render even when a personnummer or samordningsnummer is in the text."),
        ),
    ] = False,
    pdf_variant: Annotated[
        PdfVariant,
        typer.Option(
            "--pdf-variant",
            help=_(
                "With --format pdf: the PDF standard to meet. pdf/a-2a (the default) is "
                "archival and accessible; pdf/ua-1 is accessible only."
            ),
        ),
    ] = PdfVariant.a2a,
    with_pdf: Annotated[
        bool,
        typer.Option(
            "--with-pdf",
            help=_("With --site: a PDF of every document beside its page, made in parallel."),
        ),
    ] = False,
    jobs: Jobs = 0,
    no_cache: NoCache = False,
) -> None:
    options = RenderOptions(
        targets(paths),
        document,
        output_format.value if output_format is not None else None,
        output,
        site,
        template_dir,
        stamp_date,
        allow_personal_data,
        jobs or None,
        pdf_variant.value,
        with_pdf,
        not no_cache,
    )
    raise typer.Exit(run(options))


def output_format_for(given: str | None, output: Path | None) -> str:
    """The format asked for, else the one the output file's name suggests, else HTML."""
    if given is not None:
        return given
    if output is not None and output.suffix.lower() in SUFFIXES:
        return SUFFIXES[output.suffix.lower()]
    return "html"


def run(options: RenderOptions) -> int:
    """Render and write; the exit code (1 when a document had to be left out)."""
    from trygg_cli.errors import TryggError
    from trygg_cli.render.run import renderer
    from trygg_cli.render.stamp import stamp_day

    if options.site is not None and options.output is not None:
        raise TryggError(_("give either --output for one document or --site for all, not both"))
    fmt = output_format_for(options.output_format, options.output)
    _check_format(fmt, options)
    given_day = parse_day(options.stamp_date, "--stamp-date") if options.stamp_date else None
    day = stamp_day(given_day)
    render = renderer(list(options.paths), fmt, options.template_dir, day, options.pdf_variant)
    if options.site is None:
        return _one_document(_prepare(options), render, options)
    return _site(options, render)


def _prepare(options: RenderOptions, extra_passes: Sequence[Pass] = ()) -> Prepared:
    """Read the files given, with a progress bar, and sort out what may be rendered."""
    from trygg_cli.render.run import prepare

    with Progress() as progress:
        return prepare(
            list(options.paths),
            allow_personal_data=options.allow_personal_data,
            jobs=options.jobs,
            progress=progress,
            extra_passes=extra_passes,
        )


def _check_format(fmt: str, options: RenderOptions) -> None:
    """Refuse, before any work, what cannot be done with ``fmt``."""
    from trygg_cli.errors import TryggError

    if fmt in BINARY and options.site is not None:
        raise TryggError(_("--site writes HTML or Markdown pages, not {format}").format(format=fmt))
    if fmt in BINARY and options.output is None:
        raise TryggError(
            _(
                "a {format} file is not shown on the screen: give --output FILE "
                "(or '-o -' to write it to standard output)"
            ).format(format=fmt.upper())
        )


def _one_document(prepared: Prepared, render: Renderer, options: RenderOptions) -> int:
    from trygg_cli.errors import RefusedError
    from trygg_cli.render.run import pick

    try:
        doc = pick(prepared, options.document)
    except RefusedError:
        _report_refused(prepared.refused)
        raise
    content = render.publish(doc, prepared.paths[doc.id], prepared.documents)
    write_report(content, options.output)
    if not to_screen(options.output):
        err(_("wrote {path}").format(path=options.output))
    return 0


def _site(options: RenderOptions, render: Renderer) -> int:
    """Every document and an index page with their status, period and next follow-up."""
    from trygg_cli.due.extract import SCHEDULES, schedules_of
    from trygg_cli.render.site import SiteOptions, write_site
    from trygg_cli.render.siteconfig import site_config

    assert options.site is not None
    config = site_config(Path(options.paths[0]) if options.paths else Path.cwd())
    if options.with_pdf:
        prepared = _prepare(options, (SCHEDULES,))
        schedules = schedules_of(prepared.workspace)
        follow_ups = _next_follow_ups(schedules, prepared.documents, render.stamp_day)
        extras = SiteOptions(config, follow_ups, options.with_pdf, options.jobs)
        written = write_site(prepared, render, options.site, Progress, extras)
        refused: Mapping[str, Sequence[Finding]] = prepared.refused
    else:
        written, refused = _publish(options, render, config)
    _report_refused(refused)
    err(
        _("wrote {pages} and an index page to {folder}").format(
            pages=plural(written, N_("{n} document"), N_("{n} documents")), folder=options.site
        )
    )
    if refused:
        err(
            _("{documents} left out: fix the problems above and render again").format(
                documents=plural(len(refused), N_("{n} file"), N_("{n} files"))
            )
        )
        return 1
    return 0


def _publish(
    options: RenderOptions, render: Renderer, config: SiteConfig
) -> tuple[int, Mapping[str, Sequence[Finding]]]:
    """A site without PDFs: only the pages whose inputs changed are rendered again."""
    from trygg_cli.due.extract import SCHEDULES
    from trygg_cli.render.publish import Site, publish

    assert options.site is not None
    follow_ups = _SiteFollowUps(render.stamp_day)
    read = publish(
        list(options.paths),
        render,
        Site(options.site, config, follow_ups, options.jobs),
        allow_personal_data=options.allow_personal_data,
        extra_passes=(SCHEDULES,),
        progress_context=Progress,
        cache=options.cache,
    )
    return len(read.facts), read.refused


# What the index page calls a document's next follow-up, among what due plans.
_FOLLOW_UPS = frozenset({"follow-up", "final-follow-up", "promise-follow-up"})


def _only_follow_ups(schedules: DocumentSchedules) -> DocumentSchedules:
    """A document's schedules with only its follow-ups: all that the index plans (meetings
    and actions would cost a second and hundreds of MB on a national corpus); its life
    (what hides an occasion) is read from the rest of the record, which is kept."""
    return schedules._replace(
        entries=tuple(e for e in schedules.entries if e.base.item in _FOLLOW_UPS)
    )


@dataclass
class _SiteFollowUps:
    """The next follow-ups of a site, from each file's schedules as it arrives."""

    day: date
    kept: dict[str, DocumentSchedules] = field(default_factory=dict)  # by path

    def seen(self, result: FileResult) -> None:
        from trygg_cli.due.extract import SCHEDULES

        found = result.outputs.get(SCHEDULES.name)
        if found is not None:
            self.kept[result.path] = _only_follow_ups(found)

    def of(self, workspace: Workspace, documents: Collection[str]) -> dict[str, FollowUp]:
        by_id = workspace.by_id.items()
        kept = {doc_id: self.kept[r.path] for doc_id, r in by_id if r.path in self.kept}
        return _next_follow_ups(kept, documents, self.day)


def _next_follow_ups(
    schedules: Mapping[str, DocumentSchedules], documents: Collection[str], day: date
) -> dict[str, FollowUp]:
    """Each document's first follow-up not recorded as done, as ``trygg due`` plans it on
    ``day`` (an overdue one first: it is the one to do next)."""
    from trygg_cli.due.buckets import is_overdue
    from trygg_cli.due.engine import plan
    from trygg_cli.due.life import settle
    from trygg_cli.render.index import FollowUp

    follow_ups = {doc_id: _only_follow_ups(doc) for doc_id, doc in schedules.items()}
    planned = plan(
        follow_ups, until=date(day.year + 2, 12, 31), fallback_start=date(day.year, 1, 1), as_of=day
    )
    found: dict[str, FollowUp] = {}
    for o in settle(planned, schedules, as_of=day).occurrences:
        if o.item not in _FOLLOW_UPS or o.done is not None or o.doc_id not in documents:
            continue
        known = found.get(o.doc_id)
        if known is None or o.due < known.due:
            found[o.doc_id] = FollowUp(o.due, is_overdue(o, day))
    return found


def _report_refused(refused: Mapping[str, Sequence[Finding]]) -> None:
    for path, findings in sorted(refused.items()):
        for finding in sorted(findings):
            err(
                _("{path}:{line}:{column}: not rendered: {message}").format(
                    path=path, line=finding.line, column=finding.column, message=finding.message
                )
            )
