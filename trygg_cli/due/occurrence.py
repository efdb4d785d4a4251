"""What the schedule engine yields: one :class:`Occurrence` per planned occasion, plus the
completions that matched none (:class:`Unmatched`) and the schedules it could not place in
time (:class:`Unanchored`)."""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Literal, NamedTuple, get_args

from trygg_cli.findings import YamlPath

Item = Literal[
    "follow-up",
    "evaluation",
    "revision",
    "final-follow-up",
    "validity-end",
    "period-end",
    "meeting",
    "occasion",
    "priority-review",
    "priority-revision",
    "deadline",
    "action",
    "commitment",
    "promise-end",
    "promise-follow-up",
]
ITEMS: tuple[Item, ...] = get_args(Item)

ROUTINE_ITEMS: frozenset[str] = frozenset({"meeting", "action", "commitment", "occasion"})
"""Routine cadences: with no completion recorded only the next occasion is shown (see
:mod:`trygg_cli.due.life`). Every other item is an obligation, overdue per occasion."""

# A short reference for an occasion, to type after `trygg done`: letters and digits that
# cannot be mistaken for one another (no l, o, 0, 1).
_REF_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"
REF_SHOWN = 7  # characters printed; any unambiguous prefix of 4 or more is accepted
REF_FULL = 12


def ref_of(key: str, length: int = REF_SHOWN) -> str:
    """The reference of the occasion with ``key``: a hash, stable as the key is."""
    number = int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big")
    chars = []
    for _step in range(length):
        number, index = divmod(number, 32)
        chars.append(_REF_ALPHABET[index])
    return "".join(chars)


Bucket = Literal["overdue", "within-30", "within-90", "later", "done"]
BUCKETS: tuple[Bucket, ...] = get_args(Bucket)


class Occurrence(NamedTuple):
    """One planned occasion of a scheduled thing.

    ``planned`` is the date the plan gives; ``due`` is ``planned`` moved to the previous
    Swedish working day (unless the shift is turned off). ``occasion`` names the planned
    occasion in a language-neutral way ("2021", "2026-Q2", "2026-T1#2" …) and, with the
    document id, item and item id, makes up ``key``, which stays the same across runs and
    across edits that do not change the plan (it never contains line numbers or list
    positions), for iCalendar UIDs. ``line``/``column`` are 1-based and point at the
    schedule (or deadline, or period end) in the source. Occurrences sort by due date.
    ``routine`` marks a routine cadence (:data:`ROUTINE_ITEMS`); ``last_done`` is the
    date of the latest completion recorded for the item, if any.

    A named tuple, not a dataclass: a national corpus plans some 40,000 of them, and a
    tuple is made in a third of the time of a frozen dataclass.
    """

    due: date
    doc_id: str
    item: Item
    item_id: str
    planned: date
    occasion: str
    doc_kind: str
    path: str
    line: int
    column: int
    yaml_path: YamlPath
    title: str
    qualifier: str = "exact"
    tolerance_days: int = 0
    done: date | None = None
    parties: tuple[str, ...] = ()
    bodies: tuple[str, ...] = ()
    text: str | None = None
    done_report: str | None = None
    done_label: str | None = None
    routine: bool = False  # a routine cadence (ROUTINE_ITEMS), not an obligation
    last_done: date | None = None  # the latest completion recorded for the item

    @property
    def key(self) -> str:
        """Stable identity: document, item, item id and planned occasion."""
        return f"{self.doc_id}/{self.item}/{self.item_id}/{self.occasion}"

    @property
    def ref(self) -> str:
        """The short reference `trygg due` prints and `trygg done` takes (see :func:`ref_of`)."""
        return ref_of(self.key)

    def sort_key(self) -> tuple[date, str, str, str, date]:
        return (self.due, self.doc_id, self.item, self.item_id, self.planned)

    def __lt__(self, other: Occurrence) -> bool:  # type: ignore[override]
        return self.sort_key() < other.sort_key()

    def __le__(self, other: Occurrence) -> bool:  # type: ignore[override]
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: Occurrence) -> bool:  # type: ignore[override]
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: Occurrence) -> bool:  # type: ignore[override]
        return self.sort_key() >= other.sort_key()


UnmatchedReason = Literal["no-such-occasion", "before-first", "already-done"]


@dataclass(frozen=True, order=True)
class Unmatched:
    """A completion under ``done:`` that closes no planned occasion (a finding for the caller).

    ``reason``: ``no-such-occasion`` (its ``occurrence:`` names an occasion the schedule does
    not plan), ``before-first`` (dated before the first planned occasion could be done) or
    ``already-done`` (the occasion it names, or every one it could close, is already closed).
    """

    path: str
    line: int
    column: int
    doc_id: str
    yaml_path: YamlPath
    date: datetime.date
    occurrence: int | datetime.date | str | None
    reason: UnmatchedReason
    year_only: bool = False  # only the year is known: ``date`` is 31 December


UnanchoredReason = Literal["no-start", "no-event-date", "no-end"]


@dataclass(frozen=True, order=True)
class Unanchored:
    """A schedule the engine cannot place in time, so it yields no occurrences.

    ``no-start``: it repeats every 2 or more units with no ``first:`` and its document's
    start is unknown (the case TRY307 flags), or it needs a start and no ``since`` was
    given. ``no-event-date``: its ``first:`` is an event (signing, validity_start,
    validity_end) whose date is not recorded. ``no-end``: it spreads a number of
    occasions over the document's period (``unit: period``), whose end is not known
    (until further notice, until replaced, or no end given).
    """

    path: str
    line: int
    column: int
    doc_id: str
    yaml_path: YamlPath
    item: str
    reason: UnanchoredReason


@dataclass(frozen=True, order=True)
class Tied:
    """A schedule tied to other things' times: at every meeting of a body
    (``with_meetings_of``: the body's id, and its name when the document or, for an
    action plan, its agreement names it) or at an outside event (``at_event``). It has no
    dates of its own, so it is never overdue and never a backlog: reports list it apart.
    """

    path: str
    line: int
    column: int
    doc_id: str
    yaml_path: YamlPath
    item: str
    item_id: str
    title: str
    doc_kind: str
    with_meetings_of: str | None
    body_name: str | None
    at_event: str | None
    parties: tuple[str, ...] = ()
    bodies: tuple[str, ...] = ()
    text: str | None = None


@dataclass(frozen=True, order=True)
class Ended:
    """A document whose period has ended, with no successor naming it under
    ``supersedes`` and not marked as deliberately ended: shown once, apart from the
    buckets, with its end and what to decide (see :mod:`trygg_cli.due.life`).
    ``path``/``line``/``column`` point at where its end is written."""

    end: datetime.date
    doc_id: str
    doc_kind: str
    title: str
    path: str
    line: int
    column: int
    parties: tuple[str, ...] = ()


@dataclass(frozen=True, order=True)
class Unrecorded:
    """A routine cadence with no completion recorded: only its next occasion is shown
    (``next_due``, or ``None`` when none is planned within the horizon)."""

    doc_id: str
    item: str
    item_id: str
    title: str
    doc_kind: str
    path: str
    line: int
    next_due: datetime.date | None = None
    parties: tuple[str, ...] = ()
    bodies: tuple[str, ...] = ()


@dataclass(frozen=True)
class DuePlan:
    """Everything :func:`trygg_cli.due.engine.plan` computes, sorted; ``ended`` and
    ``unrecorded`` are filled by :func:`trygg_cli.due.life.settle`."""

    occurrences: list[Occurrence] = field(default_factory=list)
    unmatched: list[Unmatched] = field(default_factory=list)
    unanchored: list[Unanchored] = field(default_factory=list)
    tied: list[Tied] = field(default_factory=list)
    ended: list[Ended] = field(default_factory=list)
    unrecorded: list[Unrecorded] = field(default_factory=list)
