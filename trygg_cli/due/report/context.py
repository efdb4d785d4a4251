"""What due's reporters take besides the plan."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from trygg_cli.due.occurrence import DuePlan, Occurrence


@dataclass(frozen=True)
class DueReportContext:
    """What due reports need besides the plan: ANSI colour (table only), trygg's version
    (shown in the markdown footer) and the terminal width (the table shortens titles to
    fit it where it can; lines are never wrapped)."""

    color: bool = False
    version: str = ""
    width: int = 100


DueReporter = Callable[[DuePlan, Sequence[Occurrence], date, DueReportContext], str]
