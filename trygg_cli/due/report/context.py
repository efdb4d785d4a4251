"""What due's reporters take besides the plan."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from trygg_cli.due.occurrence import DuePlan, Occurrence
from trygg_cli.i18n import N_, plural


@dataclass(frozen=True)
class DueReportContext:
    """What due reports need besides the plan: ANSI colour (table only), trygg's version
    (shown in the markdown footer), the terminal width (the table shortens titles to
    fit it where it can; lines are never wrapped) and the files that could not be read
    (what they schedule is missing, and the report says so)."""

    color: bool = False
    version: str = ""
    width: int = 100
    unread: tuple[str, ...] = ()


def unread_sentence(count: int) -> str:
    """That ``count`` files could not be read, so what they schedule is missing."""
    return plural(
        count,
        N_(
            "{n} file could not be read, so what it schedules is missing below; "
            "run 'trygg validate' to see why"
        ),
        N_(
            "{n} files could not be read, so what they schedule is missing below; "
            "run 'trygg validate' to see why"
        ),
    )


DueReporter = Callable[[DuePlan, Sequence[Occurrence], date, DueReportContext], str]
DueStream = Callable[[DuePlan, Sequence[Occurrence], date, DueReportContext], Iterable[str]]
"""A reporter as chunks of text, written one by one (a report of any size is never
held whole)."""
