"""The shown occurrences by bucket: sorted once per report, collapsed for people."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from trygg_cli.due.engine import bucket
from trygg_cli.due.occurrence import BUCKETS, Bucket, Occurrence
from trygg_cli.due.report.words import BUCKET_COUNT, MAIN_BUCKETS
from trygg_cli.i18n import _


def _bucketed(shown: Sequence[Occurrence], today: date) -> dict[Bucket, list[Occurrence]]:
    """The occurrences by bucket (every bucket present), each sorted by due date."""
    groups: dict[Bucket, list[Occurrence]] = {name: [] for name in BUCKETS}
    for occurrence in shown:
        groups[bucket(occurrence, today)].append(occurrence)
    for members in groups.values():
        members.sort(key=Occurrence.sort_key)
    return groups


def group(
    shown: Sequence[Occurrence], today: date, *, collapse: bool = False
) -> list[tuple[Bucket, list[Occurrence]]]:
    """The occurrences by bucket, in the order of :data:`BUCKETS`, each sorted by due date;
    empty buckets are left out. With ``collapse``, only the latest overdue occasion of
    each item is kept, sorted by its date (see :meth:`Grouped.earlier_overdue` for how many
    were left out): eight years of missed follow-ups are one line to act on, not eight."""
    return Grouped.of(shown, today).sections(collapse=collapse)


@dataclass(frozen=True)
class Grouped:
    """The shown occurrences by bucket, sorted once for a whole report."""

    buckets: dict[Bucket, list[Occurrence]]

    @classmethod
    def of(cls, shown: Sequence[Occurrence], today: date) -> Grouped:
        return cls(_bucketed(shown, today))

    def sections(self, *, collapse: bool = False) -> list[tuple[Bucket, list[Occurrence]]]:
        """See :func:`group`."""
        groups = dict(self.buckets)
        if collapse:
            latest: dict[tuple[str, str, str], Occurrence] = {}
            for occurrence in groups["overdue"]:
                latest[item_key(occurrence)] = occurrence
            # sorted by the date shown: each item's latest overdue occasion
            groups["overdue"] = sorted(latest.values(), key=Occurrence.sort_key)
        return [(name, groups[name]) for name in BUCKETS if groups[name]]

    def earlier_overdue(self) -> dict[tuple[str, str, str], int]:
        """Per item, how many overdue occasions there are before its latest overdue one."""
        total: dict[tuple[str, str, str], int] = {}
        for occurrence in self.buckets["overdue"]:
            key = item_key(occurrence)
            total[key] = total.get(key, 0) + 1
        return {key: count - 1 for key, count in total.items() if count > 1}

    def counts(self) -> dict[str, int]:
        """Occurrences per bucket: the four main buckets always, ``done`` when any."""
        out: dict[str, int] = {name: len(self.buckets[name]) for name in MAIN_BUCKETS}
        if self.buckets["done"]:
            out["done"] = len(self.buckets["done"])
        return out

    def summary_line(self) -> str:
        """``3 overdue, 2 within 30 days, 0 in 31–90 days, 5 later``"""
        return ", ".join(_(BUCKET_COUNT[name]).format(n=n) for name, n in self.counts().items())


def item_key(occurrence: Occurrence) -> tuple[str, str, str]:
    return occurrence.doc_id, occurrence.item, occurrence.item_id


def summary_line(shown: Sequence[Occurrence], today: date) -> str:
    """``3 overdue, 2 within 30 days, 0 in 31–90 days, 5 later``"""
    return Grouped.of(shown, today).summary_line()
