"""The ``trygg due`` command's work, kept out of cli.py so that it stays thin."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from trygg_cli import __version__
from trygg_cli.due.engine import bucket
from trygg_cli.due.occurrence import ITEMS
from trygg_cli.errors import TryggError
from trygg_cli.i18n import N_, _, plural
from trygg_cli.options import parse_day, write_report


def due_command(
    paths: Sequence[str],
    *,
    as_of: str | None,
    within: str | None,
    overdue: bool,
    done: bool,
    parties: Sequence[str],
    bodies: Sequence[str],
    kinds: Sequence[str],
    documents: Sequence[str],
    output_format: str,
    output: Path | None,
    fail_on_overdue: bool,
    shift_holidays: bool,
    color: bool,
    jobs: int | None,
    cache: bool,
    progress_context: Callable[[], Any],
    err: Callable[[str], None],
) -> int:
    """Run the schedule engine and write its report; the exit code."""
    from trygg_cli.due.report import DUE_REPORTERS, DueReportContext
    from trygg_cli.due.run import DueQuery, parse_span, run_due

    unknown = [kind for kind in kinds if kind not in ITEMS]
    if unknown:
        raise TryggError(
            _("'{kind}' is not a kind of item; use one of: {kinds}").format(
                kind=unknown[0], kinds=", ".join(ITEMS)
            )
        )
    today = parse_day(as_of, "--as-of")
    query = DueQuery(
        as_of=today,
        within_days=parse_span(within) if within is not None else None,
        overdue_only=overdue,
        include_done=done,
        parties=frozenset(parties),
        bodies=frozenset(bodies),
        items=frozenset(kinds),
        documents=frozenset(documents),
        shift_holidays=shift_holidays,
    )
    with progress_context() as progress:
        outcome = run_due(paths, query, jobs=jobs, progress=progress, cache=cache)
    unread = outcome.unread
    if unread:
        err(
            plural(
                len(unread),
                N_(
                    "{n} file could not be read, so what it schedules is missing below; "
                    "run 'trygg validate' to see why"
                ),
                N_(
                    "{n} files could not be read, so what they schedule is missing below; "
                    "run 'trygg validate' to see why"
                ),
            )
        )
    context = DueReportContext(color=color, version=__version__)
    report = DUE_REPORTERS[output_format](outcome.plan, outcome.shown, today, context)
    write_report(report, output)
    late = any(bucket(o, today) == "overdue" for o in outcome.shown)
    # A scheduled job must not stay green when a broken file hides what it schedules.
    return 1 if fail_on_overdue and (late or unread) else 0
