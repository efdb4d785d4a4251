"""What one document schedules, taken out of it where it is read.

``trygg due`` needs little of a document: its schedules, one-off dates (deadlines, the end
of a period), the dates its schedules count from, and where each is written. This module
takes exactly that out of a validated document, in the worker process that read it, so
that only these small records — not whole documents — travel back to the main process
(sending documents back cost seconds on a national corpus).

An action plan counts from its agreement's period and signing unless it has a period of
its own, and names the agreement's parties; the agreement may be in another file, so that
part is filled in by :func:`trygg_cli.due.engine.plan`, over the whole workspace.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from trygg_cli.check.passes import ParsedFile
from trygg_cli.due.calendar import add_months
from trygg_cli.due.occurrence import Item
from trygg_cli.findings import YamlPath
from trygg_cli.model import ActionPlan, Agreement, CitizenPromise, Document
from trygg_cli.model.common import Period, Responsible
from trygg_cli.model.dates import period_end, period_start, signing_date
from trygg_cli.model.schedule import Completion, Qualifier, Schedule, Unit

if TYPE_CHECKING:
    from trygg_cli.workspace import Workspace

RENEGOTIATION_LEAD_MONTHS = 6

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
    :class:`~trygg_cli.model.common.Schedule` as a plain record.

    The records of this module are named tuples because they travel from worker processes
    in bulk: a tuple unpickles several times faster than a pydantic model or a frozen
    dataclass (0.4 s less for the national benchmark corpus).
    """

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


class DocumentSchedules(NamedTuple):
    """Everything :func:`trygg_cli.due.engine.plan` needs from one document.

    For an action plan, ``agreement`` names the agreement whose span it borrows: its own
    ``span`` holds only its period (if ``has_period``), and ``from_signing`` says that the
    period starts when the agreement was signed.
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


def extract(document: Document, locate: Locate) -> DocumentSchedules:
    """The schedules of ``document``; ``locate`` answers where a YAML path is written."""
    people = [*getattr(document, "parties", ()), *getattr(document, "actors", ())]
    names = tuple((p.id, p.name) for p in people)  # an action plan has actors, no parties
    if isinstance(document, Agreement):
        return _agreement(document, locate)._replace(party_names=names)
    if isinstance(document, ActionPlan):
        return _action_plan(document, locate)._replace(party_names=names)
    if isinstance(document, CitizenPromise):
        return _promise(document, locate)._replace(party_names=names)
    raise TypeError(f"not a trygg document kind: {type(document).__name__}")


def _entry(
    locate: Locate,
    base: Base,
    loc: YamlPath,
    *,
    schedule: Schedule | None = None,
    fixed: Fixed | None = None,
    closed_only: bool = False,
    owner_parties: bool = False,
) -> Entry:
    done_where: tuple[Where, ...] = ()
    cadence = None
    if schedule is not None:
        done_where = tuple(locate((*loc, "done", i)) for i in range(len(schedule.done)))
        cadence = Cadence.of(schedule)
    return Entry(base, loc, locate(loc), cadence, fixed, closed_only, done_where, owner_parties)


def end_in_effect(document: Document, period: Period) -> date | None:
    """When ``period`` ends in effect: :func:`~trygg_cli.model.dates.period_end` (the last
    extension, else ``until``, else start + term; ``None`` for a period that runs until
    further notice or until replaced and has not been extended, whatever its term)."""
    return period_end(document, period)


def end_loc(loc: YamlPath, period: Period) -> YamlPath:
    """Where the end in effect is written: the last extension's ``until``, ``until``, or
    the term."""
    if period.extensions:
        return (*loc, "extensions", len(period.extensions) - 1, "until")
    return (*loc, "until") if period.end is not None else (*loc, "term")


def _is_final(schedule: Schedule) -> bool:
    return schedule.first == "validity_end" and schedule.every is None and schedule.times is None


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def _parties_of(people: Iterable[Responsible]) -> tuple[str, ...]:
    return _unique(who for p in people for who in p.who)


def _bodies_of(people: Iterable[Responsible]) -> tuple[str, ...]:
    return _unique(p.body for p in people if p.body is not None)


_AGREEMENT_SCHEDULES: tuple[tuple[str, Item], ...] = (
    ("follow_up", "follow-up"),
    ("evaluation", "evaluation"),
    ("revision", "revision"),
    ("priority_review", "priority-review"),
    ("priority_revision", "priority-revision"),
)


def _agreement(doc: Agreement, locate: Locate) -> DocumentSchedules:
    parties = tuple(p.id for p in doc.parties)
    start = period_start(doc, doc.validity)
    span = Span(start, end_in_effect(doc, doc.validity), signing_date(doc.signatories), parties)
    names = tuple((body.id, body.name) for body in doc.bodies)
    entries = tuple(_agreement_entries(doc, locate, span.end))
    return DocumentSchedules(doc.id, doc.kind, span, entries, body_names=names)


def _agreement_entries(doc: Agreement, locate: Locate, end: date | None) -> Iterator[Entry]:
    parties = tuple(p.id for p in doc.parties)
    base = Base(doc.id, doc.kind, doc.title, parties, ())
    for name, item in _AGREEMENT_SCHEDULES:
        schedule: Schedule | None = getattr(doc, name)
        if schedule is not None:
            kind: Item = "final-follow-up" if _is_final(schedule) else item
            yield _entry(locate, base.with_item(kind, ""), (name,), schedule=schedule)
    for index, body in enumerate(doc.bodies):
        if body.meetings is not None:
            members = [m.party for m in body.members]
            members += [m.party for m in (body.chair, body.convener) if m is not None]
            b = Base(doc.id, doc.kind, body.name, _unique(members), (body.id,))
            yield _entry(
                locate,
                b.with_item("meeting", body.id),
                ("bodies", index, "meetings"),
                schedule=body.meetings,
            )
    for index, occasion in enumerate(doc.occasions):
        b = Base(doc.id, doc.kind, occasion.name, parties, ())
        yield _entry(
            locate,
            b.with_item("occasion", occasion.id),
            ("occasions", index, "schedule"),
            schedule=occasion.schedule,
        )
    if end is not None:
        # Renegotiate in time: some months before the end.
        planned = add_months(end, -RENEGOTIATION_LEAD_MONTHS)
        fixed = Fixed(planned, f"end-{end.isoformat()}")
        loc = end_loc(("validity",), doc.validity)
        yield _entry(locate, base.with_item("validity-end", ""), loc, fixed=fixed)


def _action_plan(doc: ActionPlan, locate: Locate) -> DocumentSchedules:
    period = doc.period
    span = Span(period.start, end_in_effect(doc, period)) if period is not None else Span()
    return DocumentSchedules(
        doc.id,
        doc.kind,
        span,
        tuple(_action_plan_entries(doc, locate)),
        agreement=doc.agreement,
        has_period=period is not None,
        from_signing=period is not None and period.start is None and period.from_signing,
    )


def _action_plan_entries(doc: ActionPlan, locate: Locate) -> Iterator[Entry]:
    bodies = (doc.responsible_body,) if doc.responsible_body else ()
    base = Base(doc.id, doc.kind, doc.title, (), bodies)
    if doc.follow_up is not None:
        kind: Item = "final-follow-up" if _is_final(doc.follow_up) else "follow-up"
        yield _entry(
            locate,
            base.with_item(kind, ""),
            ("follow_up",),
            schedule=doc.follow_up,
            owner_parties=True,
        )
    for index, action in enumerate(doc.actions):
        if action.status == "cancelled":
            continue
        people = [*action.plans, *action.performs, *action.follows_up]
        b = Base(doc.id, doc.kind, action.title, _parties_of(people), _bodies_of(people))
        if action.deadline is not None:
            done = action.deadline if action.status == "done" else None
            yield _entry(
                locate,
                b.with_item("deadline", action.id),
                ("actions", index, "deadline"),
                fixed=Fixed(action.deadline, action.deadline.isoformat(), done),
            )
        if action.schedule is not None:
            yield _entry(
                locate,
                b.with_item("action", action.id),
                ("actions", index, "schedule"),
                schedule=action.schedule,
                closed_only=action.status == "done",
            )


def _promise(doc: CitizenPromise, locate: Locate) -> DocumentSchedules:
    parties = tuple(p.id for p in doc.parties)
    start = period_start(doc, doc.period)
    span = Span(start, end_in_effect(doc, doc.period), signing_date(doc.signatories), parties)
    return DocumentSchedules(doc.id, doc.kind, span, tuple(_promise_entries(doc, locate, span.end)))


def _promise_entries(doc: CitizenPromise, locate: Locate, end: date | None) -> Iterator[Entry]:
    parties = tuple(p.id for p in doc.parties)
    base = Base(doc.id, doc.kind, doc.title, parties, ())
    if end is not None:
        yield _entry(
            locate,
            base.with_item("promise-end", ""),
            end_loc(("period",), doc.period),
            fixed=Fixed(end, f"end-{end.isoformat()}"),
        )
    if doc.follow_up is not None:
        yield _entry(
            locate,
            base.with_item("promise-follow-up", ""),
            ("follow_up",),
            schedule=doc.follow_up,
        )
    for index, commitment in enumerate(doc.commitments):
        if commitment.schedule is None or commitment.status == "cancelled":
            continue
        b = Base(doc.id, doc.kind, commitment.text, commitment.who, ())
        yield _entry(
            locate,
            b.with_item("commitment", commitment.id),
            ("commitments", index, "schedule"),
            schedule=commitment.schedule,
            closed_only=commitment.status == "done",
        )


@dataclass(frozen=True)
class SchedulesPass:
    """Due's pass: takes what a valid document schedules out of it where it is read."""

    name: ClassVar[str] = "schedules"
    findings_only: ClassVar[bool] = False

    def fingerprint(self) -> str:
        return self.name

    def run(self, parsed: ParsedFile) -> DocumentSchedules | None:
        if parsed.document is None:
            return None

        def where(loc: YamlPath) -> Where:
            return (parsed.path, *parsed.where(loc, at_key=True))

        return extract(parsed.document, where)


SCHEDULES = SchedulesPass()


def schedules_of(workspace: Workspace) -> dict[str, DocumentSchedules]:
    """What each document of a workspace loaded with :data:`SCHEDULES` schedules, by id."""
    return workspace.outputs(SCHEDULES.name)
