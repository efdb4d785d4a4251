"""Where an occurrence stands on a given day: done, overdue, or how soon it is due."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from trygg_cli.due.occurrence import Bucket, Occurrence


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
