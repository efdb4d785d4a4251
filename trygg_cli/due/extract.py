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

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from trygg_cli.check.passes import ParsedFile
from trygg_cli.due.calendar import add_months
from trygg_cli.due.occurrence import Item
from trygg_cli.due.records import (
    Base,
    Cadence,
    Closing,
    Concluded,
    DocumentSchedules,
    Done,
    Entry,
    Fixed,
    Locate,
    Span,
    Where,
)
from trygg_cli.findings import YamlPath
from trygg_cli.model import ActionPlan, Agreement, CitizenPromise, Document, FollowUp
from trygg_cli.model.common import Period, Responsible
from trygg_cli.model.dates import period_end, period_start, signing_date
from trygg_cli.model.life import superseded_ids
from trygg_cli.model.schedule import Schedule

if TYPE_CHECKING:
    from trygg_cli.workspace import Workspace

__all__ = [
    "RENEGOTIATION_LEAD_MONTHS",
    "SCHEDULES",
    "Base",
    "Cadence",
    "Closing",
    "Concluded",
    "DocumentSchedules",
    "Done",
    "Entry",
    "Fixed",
    "Locate",
    "SchedulesPass",
    "Span",
    "Where",
    "concluded_of",
    "end_loc",
    "extract",
    "schedules_of",
]

RENEGOTIATION_LEAD_MONTHS = 6


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
    if isinstance(document, FollowUp):
        return _follow_up(document, locate)
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


def concluded_of(period: Any) -> Concluded | None:
    """Whether ``period`` is marked as deliberately ended (``ended: {date, decision}``,
    both optional), as the engine reads it."""
    ended = getattr(period, "ended", None)
    if ended is None:
        return None
    return Concluded(ended.date, ended.decision)


def _end_entry(
    locate: Locate, base: Base, loc: YamlPath, period: Period, end: date | None, item: Item
) -> Iterator[Entry]:
    """The end of a document's period as an item of its own, on its last day."""
    if end is not None:
        fixed = Fixed(end, f"end-{end.isoformat()}")
        yield _entry(locate, base.with_item(item, ""), end_loc(loc, period), fixed=fixed)


def _life(
    doc: Agreement | ActionPlan | CitizenPromise, loc: YamlPath, period: Period, locate: Locate
) -> dict[str, Any]:
    """What :mod:`trygg_cli.due.life` needs of a document (fields of DocumentSchedules)."""
    return {
        "title": doc.title,
        "supersedes": superseded_ids(doc),
        "end_where": locate(end_loc(loc, period)),
        "concluded": concluded_of(period),
    }


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
    span = Span(start, period_end(doc, doc.validity), signing_date(doc.signatories), parties)
    names = tuple((body.id, body.name) for body in doc.bodies)
    entries = tuple(_agreement_entries(doc, locate, span.end))
    life = _life(doc, ("validity",), doc.validity, locate)
    return DocumentSchedules(doc.id, doc.kind, span, entries, body_names=names, **life)


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
    yield from _end_entry(locate, base, ("validity",), doc.validity, end, "period-end")


def _action_plan(doc: ActionPlan, locate: Locate) -> DocumentSchedules:
    period = doc.period
    span = Span(period.start, period_end(doc, period)) if period is not None else Span()
    entries = tuple(_action_plan_entries(doc, locate))
    life: dict[str, Any] = {"title": doc.title, "supersedes": superseded_ids(doc)}
    if period is not None:
        life = _life(doc, ("period",), period, locate)
        base = Base(doc.id, doc.kind, doc.title, (), ())
        entries += tuple(_end_entry(locate, base, ("period",), period, span.end, "period-end"))
    return DocumentSchedules(
        doc.id,
        doc.kind,
        span,
        entries,
        agreement=doc.agreement,
        has_period=period is not None,
        from_signing=period is not None and period.start is None and period.from_signing,
        **life,
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
    span = Span(start, period_end(doc, doc.period), signing_date(doc.signatories), parties)
    entries = tuple(_promise_entries(doc, locate, span.end))
    life = _life(doc, ("period",), doc.period, locate)
    return DocumentSchedules(doc.id, doc.kind, span, entries, **life)


def _promise_entries(doc: CitizenPromise, locate: Locate, end: date | None) -> Iterator[Entry]:
    parties = tuple(p.id for p in doc.parties)
    base = Base(doc.id, doc.kind, doc.title, parties, ())
    yield from _end_entry(locate, base, ("period",), doc.period, end, "promise-end")
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


def _follow_up(doc: FollowUp, locate: Locate) -> DocumentSchedules:
    """A follow-up schedules nothing; once dated, it closes its occasion of the documents
    it follows up (a draft, with no date, closes nothing)."""
    closes = None
    done_on = doc.done_on
    if done_on is not None:
        done = Done(done_on, doc.occasion, doc.id)
        closes = Closing(doc.followed, done, locate(("occasion",)))
    return DocumentSchedules(doc.id, doc.kind, Span(), (), title=doc.title, closes=closes)


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
