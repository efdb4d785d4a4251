"""The records :mod:`trygg_cli.due.extract` takes out of a document for the engine.

They are named tuples because they travel from worker processes in bulk: a tuple
unpickles several times faster than a pydantic model or a frozen dataclass (0.4 s less
for the national benchmark corpus).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from trygg_cli.due.occurrence import Item
from trygg_cli.findings import YamlPath
from trygg_cli.model.schedule import Completion, Qualifier, Schedule, Unit

Where = tuple[str, int, int]
"""``(path, line, column)``, 1-based, of a node in a document's source."""

Locate = Callable[[YamlPath], Where]


class Base(NamedTuple):
    """What every occurrence of one scheduled thing shares."""

    doc_id: str
    doc_kind: str
    title: str
    parties: tuple[str, ...]
    bodies: tuple[str, ...]
    item: Item = "follow-up"
    item_id: str = ""

    def with_item(self, item: Item, item_id: str) -> Base:
        return self._replace(item=item, item_id=item_id)


class Done(NamedTuple):
    """A recorded completion: when, (if it says) which planned occasion it was, and where
    its report is. ``year_only``: only its year is known; ``date`` is then 31 December
    of that year and ``occurrence`` at least that year."""

    date: datetime.date
    occurrence: int | datetime.date | str | None = None
    report: str | None = None
    year_only: bool = False


class Cadence(NamedTuple):
    """A schedule as the engine reads it: the fields of
    :class:`~trygg_cli.model.common.Schedule` as a plain record."""

    first: int | date | str | None
    every: int | None
    times: int | None
    unit: Unit
    qualifier: Qualifier
    also_as_needed: bool
    at: str | None
    done: tuple[Done, ...]
    text: str | None
    during: str | None = None
    with_meetings_of: str | None = None
    at_event: str | None = None
    closed_by: tuple[Done, ...] = ()  # what follow-up documents record, after ``done``

    @classmethod
    def of(cls, schedule: Schedule) -> Cadence:
        return cls(
            schedule.first,
            schedule.every,
            schedule.times,
            schedule.unit,
            schedule.qualifier,
            schedule.also_as_needed,
            schedule.at,
            tuple(_done(d) for d in schedule.done),
            schedule.text,
            schedule.during,
            schedule.with_meetings_of,
            schedule.at_event,
        )

    @property
    def tied(self) -> bool:
        """Whether it happens at other things' times (a body's meetings, an event)."""
        return self.with_meetings_of is not None or self.at_event is not None


def _done(completion: Completion) -> Done:
    """A completion for the engine. One known only by its year closes that year's open
    occasion (or the one its ``occurrence:`` names); see the engine for its date."""
    if completion.date is not None:
        return Done(completion.date, completion.occurrence, completion.report)
    year = completion.done_year
    occurrence = completion.occurrence if completion.occurrence else year
    return Done(date(year, 12, 31), occurrence, completion.report, year_only=True)


class Fixed(NamedTuple):
    """A one-off date: an action's deadline, the end of a period (``done`` when closed)."""

    planned: date
    occasion: str
    done: date | None = None


class Entry(NamedTuple):
    """One scheduled thing: a :class:`Schedule` or a :class:`Fixed` date, and where it is
    written (``done_where``: where each of the schedule's completions is)."""

    base: Base
    loc: YamlPath
    where: Where
    schedule: Cadence | None = None
    fixed: Fixed | None = None
    closed_only: bool = False
    done_where: tuple[Where, ...] = ()
    owner_parties: bool = False  # an action plan's own item: its agreement's parties


class Span(NamedTuple):
    """What a document's schedules count within: its period and its signing."""

    start: date | None = None
    end: date | None = None
    signing: date | None = None
    parties: tuple[str, ...] = ()


class Concluded(NamedTuple):
    """A document marked as deliberately ended: on which day (``None``: at the end of its
    period, or now if it has none) and the decision, as written. The engine input for the
    proposed ``ended: {date, decision}`` of a period (see :func:`concluded_of`)."""

    on: date | None = None
    decision: str | None = None


class Closing(NamedTuple):
    """What a dated follow-up document closes: the follow-up occasion ``done.occurrence``
    of each document it follows up (``documents``), as a completion whose ``report`` is
    the follow-up's id; ``where`` is where its ``occasion:`` is written."""

    documents: tuple[str, ...]
    done: Done
    where: Where


class DocumentSchedules(NamedTuple):
    """Everything :func:`trygg_cli.due.engine.plan` needs from one document.

    For an action plan, ``agreement`` names the agreement whose span it borrows: its own
    ``span`` holds only its period (if ``has_period``), and ``from_signing`` says that the
    period starts when the agreement was signed.

    For the life of the document (:mod:`trygg_cli.due.life`): ``title``; ``supersedes``,
    the ids of the documents it replaces; ``end_where``, where its own end in effect is
    written; ``concluded``, set when it is marked as deliberately ended.

    A follow-up document schedules nothing: ``closes`` says what occasion it closes.
    """

    doc_id: str
    doc_kind: str
    span: Span
    entries: tuple[Entry, ...]
    agreement: str | None = None
    has_period: bool = False
    from_signing: bool = False
    body_names: tuple[tuple[str, str], ...] = ()  # (id, name) of an agreement's bodies
    party_names: tuple[tuple[str, str], ...] = ()  # (id, name) of its parties and actors
    title: str = ""
    supersedes: tuple[str, ...] = ()
    end_where: Where | None = None
    concluded: Concluded | None = None
    closes: Closing | None = None
