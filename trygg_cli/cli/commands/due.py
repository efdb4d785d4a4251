"""``trygg due``: what is overdue and what comes next."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from trygg_cli.cli import completion
from trygg_cli.cli.params import (
    Jobs,
    NoCache,
    Output,
    Paths,
    day_option,
    format_option,
    paths_argument,
    targets,
)
from trygg_cli.cli.terminal import (
    Progress,
    color_wanted,
    err,
    parse_day,
    write_chunks,
    write_report,
)
from trygg_cli.i18n import _

if TYPE_CHECKING:
    from collections.abc import Mapping

    from trygg_cli.due.records import DocumentSchedules
    from trygg_cli.due.report.ics import IcsOptions


class DueFailOn(StrEnum):
    overdue = "overdue"


class DueFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"
    ics = "ics"


@dataclass(frozen=True)
class DueOptions:
    paths: tuple[str, ...]
    as_of: str | None
    within: str | None
    overdue: bool
    done: bool
    parties: tuple[str, ...]
    bodies: tuple[str, ...]
    kinds: tuple[str, ...]
    documents: tuple[str, ...]
    output_format: str
    output: Path | None
    fail_on_overdue: bool
    shift_holidays: bool
    color: bool
    jobs: int | None
    cache: bool
    include_past: bool = False
    remind: str = "14d"
    remind_routine: bool = False
    explain: str | None = None


def _ids_option(name: str, help_text: str, metavar: str = "ID") -> Any:
    return typer.Option(name, metavar=metavar, help=help_text)


def command(
    paths: Annotated[
        Paths, paths_argument(_("Files or folders to read (default: the current folder)."))
    ] = None,
    as_of: Annotated[
        str | None, day_option("--as-of", _("Count from this day instead of today."))
    ] = None,
    within: Annotated[
        str | None,
        typer.Option(
            "--within",
            metavar=_("SPAN"),
            help=_("Only what is overdue or due within this time: 30d, 12w, 6m, 1y."),
            show_default=False,
        ),
    ] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help=_("Only what is overdue."))] = False,
    done: Annotated[
        bool, typer.Option("--done", help=_("Also list what has been recorded as done."))
    ] = False,
    party: Annotated[
        list[str] | None, _ids_option("--party", _("Only items involving this party."))
    ] = None,
    body: Annotated[list[str] | None, _ids_option("--body", _("Only items of this body."))] = None,
    kind: Annotated[
        list[str] | None,
        _ids_option(
            "--kind",
            _("Only this kind of item: follow-up, evaluation, revision, meeting, deadline …"),
            metavar=_("KIND"),
        ),
    ] = None,
    document: Annotated[
        list[str] | None,
        typer.Option(
            "--document",
            metavar="ID",
            help=_("Only items of this document."),
            autocompletion=completion.document_ids,
        ),
    ] = None,
    output_format: Annotated[
        DueFormat,
        format_option(
            _(
                "table for people; json; markdown (for an issue or e-mail); ics (a calendar "
                "to import)."
            )
        ),
    ] = DueFormat.table,
    output: Output = None,
    fail_on: Annotated[
        DueFailOn | None,
        typer.Option(
            "--fail-on",
            help=_(
                "overdue: exit 1 when anything shown is overdue, or a file could not be "
                "read (for a scheduled CI job)."
            ),
            show_default=False,
        ),
    ] = None,
    fail_on_overdue: Annotated[
        bool,
        typer.Option("--fail-on-overdue", hidden=True, help=_("The same as --fail-on overdue.")),
    ] = False,
    no_holiday_shift: Annotated[
        bool,
        typer.Option(
            "--no-holiday-shift",
            help=_("Keep due dates that fall on weekends and holidays where they fall."),
        ),
    ] = False,
    include_past: Annotated[
        bool,
        typer.Option(
            "--include-past",
            help=_(
                "With --format ics: also what is overdue or done; by default the calendar "
                "holds what is due today or later."
            ),
        ),
    ] = False,
    remind: Annotated[
        str,
        typer.Option(
            "--remind",
            metavar=_("SPAN"),
            help=_(
                "With --format ics: a reminder this long before each follow-up, evaluation, "
                "revision, deadline and end (14d, 2w, 1m; 0 for none)."
            ),
        ),
    ] = "14d",
    remind_routine: Annotated[
        bool,
        typer.Option(
            "--remind-routine",
            help=_("With --format ics: reminders for meetings and recurring actions too."),
        ),
    ] = False,
    explain: Annotated[
        str | None,
        typer.Option(
            "--explain",
            metavar="REF",
            help=_(
                "Explain why one row is due when it is: its reference from the table "
                "(4 characters or more) or its key."
            ),
            show_default=False,
        ),
    ] = None,
    jobs: Jobs = 0,
    no_cache: NoCache = False,
) -> None:
    options = DueOptions(
        targets(paths),
        as_of,
        within,
        overdue,
        done,
        tuple(party or ()),
        tuple(body or ()),
        tuple(kind or ()),
        tuple(document or ()),
        output_format.value,
        output,
        fail_on_overdue or fail_on is DueFailOn.overdue,
        not no_holiday_shift,
        color_wanted(output),
        jobs or None,
        not no_cache,
        include_past,
        remind,
        remind_routine,
        explain,
    )
    raise typer.Exit(run(options))


def run(options: DueOptions) -> int:
    """Run the schedule engine and write its report; the exit code."""
    from trygg_cli import __version__
    from trygg_cli.due.engine import bucket
    from trygg_cli.due.occurrence import ITEMS
    from trygg_cli.due.report import DUE_STREAMS, DueReportContext
    from trygg_cli.due.report.ics import horizon, ics_stream
    from trygg_cli.due.run import DueQuery, parse_span, run_due
    from trygg_cli.errors import TryggError

    unknown = [kind for kind in options.kinds if kind not in ITEMS]
    if unknown:
        raise TryggError(
            _("'{kind}' is not a kind of item; use one of: {kinds}").format(
                kind=unknown[0], kinds=", ".join(ITEMS)
            )
        )
    today = parse_day(options.as_of, "--as-of")
    if options.explain is not None:
        return _explain(options, today)
    ics = options.output_format == "ics"
    within = parse_span(options.within) if options.within is not None else None
    if within is None and ics:
        within = (horizon(today) - today).days
    query = DueQuery(
        as_of=today,
        within_days=within,
        overdue_only=options.overdue,
        include_done=options.done or (ics and options.include_past),
        parties=frozenset(options.parties),
        bodies=frozenset(options.bodies),
        items=frozenset(options.kinds),
        documents=frozenset(options.documents),
        shift_holidays=options.shift_holidays,
        every_upcoming=ics,
    )
    with Progress() as progress:
        outcome = run_due(
            list(options.paths),
            query,
            jobs=options.jobs,
            progress=progress,
            cache=options.cache,
            shown_only=True,
        )
    if outcome.unread:
        _warn_unread(len(outcome.unread))
    context = DueReportContext(
        color=options.color, version=__version__, unread=tuple(outcome.unread)
    )
    reporter = DUE_STREAMS[options.output_format]
    if ics:
        reporter = ics_stream(_ics_options(options, outcome.documents))
    write_chunks(reporter(outcome.plan, outcome.shown, today, context), options.output)
    late = any(bucket(o, today) == "overdue" for o in outcome.shown)
    # A scheduled job must not stay green when a broken file hides what it schedules.
    return 1 if options.fail_on_overdue and (late or outcome.unread) else 0


def _ics_options(options: DueOptions, documents: Mapping[str, DocumentSchedules]) -> IcsOptions:
    from trygg_cli.due.report.ics import IcsOptions, names_by_document
    from trygg_cli.due.run import parse_span

    return IcsOptions(
        include_past=options.include_past,
        remind_days=parse_span(options.remind),
        remind_routine=options.remind_routine,
        names=names_by_document(documents),
    )


def _explain(options: DueOptions, today: date) -> int:
    """``--explain REF``: the reasoning behind one occasion, whatever the other filters."""
    from trygg_cli.due.refs import the_one
    from trygg_cli.due.report.explain import explain
    from trygg_cli.due.report.ics import horizon
    from trygg_cli.due.run import DueQuery, run_due, with_entries

    query = DueQuery(
        as_of=today,
        within_days=(horizon(today) - today).days,
        include_done=True,
        shift_holidays=options.shift_holidays,
    )
    with Progress() as progress:
        outcome = run_due(
            list(options.paths), query, jobs=options.jobs, progress=progress, cache=options.cache
        )
    occurrences = outcome.plan.occurrences
    chosen = the_one(occurrences, options.explain or "")
    text = explain(chosen, occurrences, today, with_entries(outcome.documents, chosen))
    write_report(text, options.output)
    return 0


def _warn_unread(count: int) -> None:
    from trygg_cli.due.report.context import unread_sentence

    err(unread_sentence(count))
