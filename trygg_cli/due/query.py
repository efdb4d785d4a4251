"""What ``trygg due`` is asked to show: as of when, how far ahead, and for whom."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from trygg_cli.due.buckets import bucket
from trygg_cli.due.life import END_ITEMS
from trygg_cli.due.occurrence import Ended, Occurrence, Tied, Unrecorded


@dataclass(frozen=True)
class DueQuery:
    """What to show: as of when, how far ahead, and for whom."""

    as_of: date
    within_days: int | None = None
    overdue_only: bool = False
    include_done: bool = False
    parties: frozenset[str] = frozenset()
    bodies: frozenset[str] = frozenset()
    items: frozenset[str] = frozenset()
    documents: frozenset[str] = frozenset()
    shift_holidays: bool = True
    every_upcoming: bool = False  # a calendar: every routine occasion to come, not the next

    def wants_tied(self, tied: Tied) -> bool:
        """A schedule tied to meetings or an event is never overdue; the other filters
        apply as to an occurrence."""
        return (
            not self.overdue_only
            and (not self.parties or bool(self.parties & set(tied.parties)))
            and (not self.bodies or bool(self.bodies & set(tied.bodies)))
            and (not self.items or tied.item in self.items)
            and (not self.documents or tied.doc_id in self.documents)
        )

    def wants_ended(self, ended: Ended) -> bool:
        """A document that ended without a successor is a decision to take now: shown
        whatever the time filters, unless a filter asks for other things."""
        return (
            (not self.parties or bool(self.parties & set(ended.parties)))
            and not self.bodies
            and (not self.items or bool(self.items & END_ITEMS))
            and (not self.documents or ended.doc_id in self.documents)
        )

    def wants_unrecorded(self, item: Unrecorded) -> bool:
        """Routine items with no completion recorded are listed with ``--done``."""
        return (
            self.include_done
            and (not self.parties or bool(self.parties & set(item.parties)))
            and (not self.bodies or bool(self.bodies & set(item.bodies)))
            and (not self.items or item.item in self.items)
            and (not self.documents or item.doc_id in self.documents)
        )

    def wants(self, occurrence: Occurrence) -> bool:
        where = bucket(occurrence, self.as_of)
        if where == "done" and not self.include_done:
            return False
        if self.overdue_only and where != "overdue":
            return False
        if (
            self.within_days is not None
            and where != "overdue"
            and occurrence.due > self.as_of + timedelta(days=self.within_days)
        ):
            return False
        return (
            (not self.parties or bool(self.parties & set(occurrence.parties)))
            and (not self.bodies or bool(self.bodies & set(occurrence.bodies)))
            and (not self.items or occurrence.item in self.items)
            and (not self.documents or occurrence.doc_id in self.documents)
        )

    @property
    def until(self) -> date:
        """How far ahead to plan. Without ``within_days``: to the end of next year, so
        that every yearly item shows its next occasion (Göteborg's follow-up after 2025 is
        2027-12-31). With it, a little beyond the window: a date moved back over a weekend
        and a holiday (Easter: up to five days) can fall inside it; :meth:`wants` filters
        by due."""
        if self.within_days is not None:
            return self.as_of + timedelta(days=self.within_days + _SHIFT_MARGIN_DAYS)
        return date(self.as_of.year + 1, 12, 31)

    @property
    def fallback_start(self) -> date:
        """Where cadences of documents with an unknown start begin counting."""
        return date(self.as_of.year, 1, 1)


_SHIFT_MARGIN_DAYS = 14
