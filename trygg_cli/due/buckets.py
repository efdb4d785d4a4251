"""Where an occurrence stands on a given day: done, overdue, or how soon it is due; and
the grace of a schedule written "cirka"."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from trygg_cli.due.calendar import UNIT_DAYS
from trygg_cli.due.occurrence import Bucket, Occurrence
from trygg_cli.due.records import Cadence
from trygg_cli.due.slots import Span, period_bounds

ABOUT_SHARE = 0.25
ABOUT_MAX_DAYS = 30


def is_overdue(occurrence: Occurrence, today: date) -> bool:
    """Not done, and its due date plus any grace ("cirka") is before ``today``."""
    return occurrence.done is None and (today - occurrence.due).days > occurrence.tolerance_days


def bucket(occurrence: Occurrence, today: date) -> Bucket:
    """``done``; ``overdue``; else by days until due: ``within-30`` (up to 30, including
    one past due but still within its grace), ``within-90`` (31–90) or ``later``."""
    if occurrence.done is not None:
        return "done"
    if is_overdue(occurrence, today):
        return "overdue"
    days = (occurrence.due - today).days
    if days <= 30:
        return "within-30"
    if days <= 90:
        return "within-90"
    return "later"


def buckets(occurrences: Iterable[Occurrence], today: date) -> dict[Bucket, list[Occurrence]]:
    """The occurrences by :func:`bucket` (every bucket present, each sorted by due date)."""
    out: dict[Bucket, list[Occurrence]] = {
        "overdue": [],
        "within-30": [],
        "within-90": [],
        "later": [],
        "done": [],
    }
    for occurrence in sorted(occurrences, key=Occurrence.sort_key):
        out[bucket(occurrence, today)].append(occurrence)
    return out


def tolerance_days(schedule: Cadence, span: Span | None = None) -> int:
    """The grace of an ``about`` schedule: a quarter of its interval, 1–30 days; else 0.
    The interval of ``unit: period`` is the length of the period (``span``) over ``times``."""
    if schedule.qualifier != "about":
        return 0
    bounds = period_bounds(schedule, span) if schedule.unit == "period" and span else None
    if isinstance(bounds, tuple):
        unit_days = (bounds[1] - bounds[0]).days + 1
    else:
        unit_days = UNIT_DAYS.get(schedule.unit, UNIT_DAYS["year"])
    if schedule.times is not None:
        interval = unit_days / schedule.times
    elif schedule.every is not None:
        interval = unit_days * schedule.every
    else:
        interval = UNIT_DAYS["year"]
    return max(1, min(ABOUT_MAX_DAYS, round(interval * ABOUT_SHARE)))
