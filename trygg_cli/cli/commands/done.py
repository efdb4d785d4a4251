"""``trygg done REF``: record that an occasion `trygg due` lists has been done, in the YAML
itself, so that no one has to edit it by hand."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from trygg_cli.cli import completion
from trygg_cli.cli.params import NoCache, Paths, day_option, paths_argument, targets
from trygg_cli.cli.terminal import err, parse_day
from trygg_cli.date_words import long_date
from trygg_cli.i18n import _

if TYPE_CHECKING:
    from trygg_cli.due.occurrence import Occurrence

# Items that are closed by other means than a completion under `done:`.
_NOT_RECORDABLE = ("validity-end", "promise-end", "period-end")


@dataclass(frozen=True)
class DoneOptions:
    ref: str
    paths: tuple[str, ...]
    day: str | None
    note: str | None
    all_before: str | None
    as_of: str | None
    cache: bool


def command(
    ref: Annotated[
        str,
        typer.Argument(
            metavar="REF",
            help=_("The occasion's reference, as 'trygg due' prints it beside the date."),
            autocompletion=completion.due_refs,
            show_default=False,
        ),
    ],
    paths: Annotated[
        Paths, paths_argument(_("Files or folders to read (default: the current folder)."))
    ] = None,
    day: Annotated[
        str | None, day_option("--date", _("The day it was done (default: today)."))
    ] = None,
    note: Annotated[
        str | None,
        typer.Option(
            "--note",
            metavar=_("TEXT"),
            help=_("A short note, e.g. where the minutes are."),
            show_default=False,
        ),
    ] = None,
    all_before: Annotated[
        str | None,
        day_option(
            "--all-before",
            _(
                "Record every open occasion of the same item planned before this day as done "
                "on its planned day (for a backlog)."
            ),
        ),
    ] = None,
    as_of: Annotated[
        str | None, day_option("--as-of", _("Judge dates as if today were this day."))
    ] = None,
    no_cache: NoCache = False,
) -> None:
    options = DoneOptions(ref, targets(paths), day, note, all_before, as_of, not no_cache)
    raise typer.Exit(run(options))


def run(options: DoneOptions) -> int:
    """Find the occasion, add its completion to the file, check the result, write it."""
    from trygg_cli.due.refs import the_one
    from trygg_cli.due.report.words import done_when, occasion_name
    from trygg_cli.due.run import DueQuery, run_due
    from trygg_cli.errors import TryggError

    today = parse_day(options.as_of, "--as-of")
    day = parse_day(options.day, "--date") if options.day else today
    if day > today:
        raise TryggError(
            _("{day} is in the future; record what has been done, with the day it was done").format(
                day=long_date(day)
            )
        )
    outcome = run_due(options.paths, DueQuery(as_of=today, include_done=True), cache=options.cache)
    occurrence = the_one(outcome.plan.occurrences, options.ref)
    chosen = [occurrence]
    if options.all_before is not None:
        limit = parse_day(options.all_before, "--all-before")
        chosen = _backlog(outcome.plan.occurrences, occurrence, limit)
    elif occurrence.done is not None:
        raise TryggError(
            _("'{title}' ({occasion}) is already recorded as done on {day}").format(
                title=occurrence.title,
                occasion=occasion_name(occurrence),
                day=done_when(occurrence),
            )
        )
    _record(occurrence.path, chosen, day, options)
    return 0


def _backlog(occurrences: list[Occurrence], like: Occurrence, limit: date) -> list[Occurrence]:
    from trygg_cli.errors import TryggError

    same = [
        o
        for o in occurrences
        if (o.doc_id, o.item, o.item_id, o.path)
        == (like.doc_id, like.item, like.item_id, like.path)
        and o.done is None
        and o.planned < limit
    ]
    if not same:
        raise TryggError(
            _("nothing of '{title}' planned before {day} is open").format(
                title=like.title, day=long_date(limit)
            )
        )
    return sorted(same, key=lambda o: o.planned)


def _record(path: str, chosen: list[Occurrence], day: date, options: DoneOptions) -> None:
    from trygg_cli.atomicfile import write_atomic
    from trygg_cli.due.report.words import occasion_name
    from trygg_cli.errors import TryggError

    original = Path(path).read_bytes()
    bom = "\ufeff" if original.startswith(b"\xef\xbb\xbf") else ""
    text = original.decode("utf-8-sig")
    # A backlog is recorded on its planned days, one occasion on the day given.
    days = [o.planned if options.all_before is not None else day for o in chosen]
    for occurrence, when in zip(chosen, days, strict=True):
        text = _apply(text, occurrence, when, options.note)
    _check(path, text)
    if Path(path).read_bytes() != original:
        raise TryggError(
            _(
                "{path} changed while trygg was reading it; nothing was written, run it again"
            ).format(path=path)
        )
    write_atomic(Path(path), bom + text)
    for occurrence, when in zip(chosen, days, strict=True):
        err(
            _("recorded as done on {day}: {title} ({occasion}, {ref}) in {path}").format(
                day=long_date(when),
                title=occurrence.title,
                occasion=occasion_name(occurrence),
                ref=occurrence.ref,
                path=path,
            )
        )


def _apply(text: str, occurrence: Occurrence, day: date, note: str | None) -> str:
    from trygg_cli.errors import TryggError
    from trygg_cli.record import Entry, add_completion, set_done

    if occurrence.item in _NOT_RECORDABLE:
        raise TryggError(
            _(
                "the end of a period is not something to mark as done: renew or replace the "
                "document (the new one names it under 'supersedes:'), or extend it"
            )
        )
    if occurrence.item == "deadline":  # an action is done when its status says so
        return set_done(text, occurrence.yaml_path[:-1])
    entry = Entry(day=day, occurrence=_occasion(occurrence), note=note)
    return add_completion(text, occurrence.yaml_path, entry)


def _occasion(occurrence: Occurrence) -> int | date:
    """The occasion as `done:` names it: its year, or its planned day."""
    if occurrence.occasion.isdigit() and len(occurrence.occasion) == 4:
        return int(occurrence.occasion)
    return occurrence.planned


def _check(path: str, text: str) -> None:
    """The edited file must still be a valid document: else nothing is written."""
    from trygg_cli.check import check_source
    from trygg_cli.errors import TryggError
    from trygg_cli.findings import Severity

    result = check_source(path, text.encode("utf-8"))
    errors = [f for f in result.findings if f.severity is Severity.ERROR]
    if errors:
        raise TryggError(
            _(
                "the file would not be valid after the change ({message}); nothing was written"
            ).format(message=errors[0].message)
        )
