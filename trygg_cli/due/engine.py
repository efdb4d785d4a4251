"""The schedule engine: every planned occasion of every schedule in a workspace.

Pure functions; the clock is never read — ``until`` (how far ahead to plan) and ``today``
(for the buckets) are parameters.

Semantics (the issue and DOMAIN.md are the spec; where they are silent, as chosen here):

Anchors (``first:``)
  * A **year** (``first: 2021``) means "during that year": due 31 December, or with
    ``at: start`` 31 March (the end of its first quarter). Whatever the unit, a year
    anchor starts the count at the first unit of that year.
  * A **date** is due on that date; with ``every: N`` again every N units after it
    (anniversaries: 2021-06-30, 2022-06-30 …).
  * An **event** is resolved to a date: ``signing`` (the last signatory's ``signed``),
    ``validity_start`` (the period's start), ``validity_end`` (the end in effect). The
    occasion "efter avtalsperiodens slut" (``first: validity_end``) is due
    :data:`FINAL_FOLLOW_UP_MONTHS` (3) months after the end (2026-12-31 → 2027-03-31); on
    an agreement or action plan it is reported as ``final-follow-up``.
  * **No anchor**: ``every: N`` counts from the period's start (``from:``, or the signing
    date for ``from_signing``; an action plan without a period uses its agreement's), the
    first occasion one interval after the start (anniversaries: from 2023-05-01 every year
    → 2024-05-01, 2025-05-01 …). With ``at: start|end`` the count is calendar-aligned
    instead: each N-th unit from the one containing the start, due at its end ("i slutet
    av varje år" → 31 December each year) or early in it.

Recurring schedules stop at the period's end in effect (inclusive) and at ``until``; an
open-ended one stops at ``until`` only. The end in effect is the last extension's
``until``, else ``until``, else start + term − 1 day
(:func:`trygg_cli.model.dates.period_end`: "fyra år" from 2020-05-11 → 2024-05-10); a
period until further notice or ``until_replaced`` and not extended has no end, whatever
its term.

Units
  year; tertial (January–April, May–August, September–December); term; quarter; month;
  ISO week (see :mod:`trygg_cli.due.calendar`). Adding units to a date adds months (a
  tertial is 4, a term 6) or, for weeks, 7 days.

``times: N`` per unit
  Each calendar unit from the one containing the start is split into N equal parts, due
  at the end of each part (4 a year: 31 March, 30 June, 30 September, 31 December; 2 a
  tertial: end of February and 30 April in the first; 2 a term: 31 March and 30 June in
  spring, 15 October and 31 December in autumn). Parts ending before the start are skipped.

``times: N`` over the period (``unit: period``: "vid minst nio tillfällen under perioden")
  From the start (or the schedule's ``first:``) to the end in effect, split into N equal
  parts like a unit — whole months when both ends are month ends and the months divide by
  N, else days — each due at its end (2024-01-01 – 2025-12-31, 4 times: 2024-06-30,
  2024-12-31, 2025-06-30, 2025-12-31). Without a known end it is :class:`Unanchored`
  ``no-end``. Occasions ``period#1`` …; ``at_least`` counts completions in the period.

Seasons (``during:``, with ``unit: year``)
  spring 1 March–31 May; summer 1 June–31 August; summer_holiday 15 June–15 August (the
  Swedish school summer holiday, about midsommar to school start); autumn 1 September–
  30 November; winter 1 December to the end of February of the next year (the winter of
  2024 ends 2025-02-28). One occasion in the season of every N-th year (``every``), or
  once (only ``first``), due on its last day (``at: start``: a quarter of the way in), its
  window the season. ``first: 2024`` starts with the season of 2024; a date, an event or
  the period's start, with the first season ending on or after it. ``times: N`` splits
  each season into N parts. Occasions ``2024-summer_holiday`` ….

Tied schedules (``with_meetings_of: <body>``, ``at_event: <text>``)
  No dates, so never overdue and never a backlog: each is listed in ``DuePlan.tied`` with
  the body's id and name (from its document or, for an action plan, its agreement) or the
  event, for the reports to show as "at every meeting of …" apart from the buckets.

Unknown start
  When the document's start is unknown (from signing, no ``signed`` dates) and there is no
  anchor, ``times: N`` and ``every: 1`` schedules count calendar units from
  ``fallback_start`` if the caller gives one (``trygg due`` passes 1 January of the as-of
  year); ``every: 2`` or more cannot be placed (which years?) and is returned as
  :class:`Unanchored` — the case lint rule TRY307 flags (Stockholm's "revidering ska ske
  åtminstone var fjärde år"). No occurrence is invented for it.

Qualifiers
  * ``exact``: due on the planned date, no grace.
  * ``about`` (cirka): ``tolerance_days`` of grace before it is overdue — a quarter of the
    interval between occasions, at most :data:`ABOUT_MAX_DAYS` (30) days (cirka fyra gånger
    per år → 23 days; cirka varje år → 30 days).
  * ``at_least`` (minst) is a floor: the occasions are planned as for ``exact``, but more
    completions than planned are not findings, and for ``times: N`` schedules the count
    decides: the k-th completion recorded within a unit closes that unit's k-th part,
    whatever its date in the unit. So when fewer than N were recorded by the point in the
    unit where N should have been reached, the missing one is overdue.
  * ``as_needed`` (vid behov, löpande) yields nothing. ``also_as_needed`` adds nothing due
    but, like ``at_least``, makes extra completions acceptable.

Occurrences are counted from the plan: a late completion closes the occasion it belongs
to and never moves the next one.

Dones (``done:``)
  1. Entries with ``occurrence:`` go first. A year closes the earliest open occasion of
     that year (for an anniversary or a part: planned in that year; for a calendar unit:
     the unit's year); a date or event closes the open occasion planned on that date, or
     whose window (see below) contains it. If the occasion exists but is closed the entry
     is ``already-done``; if none exists, ``no-such-occasion`` (as TRY308 judges it).
  2. The rest, by date: an entry closes the earliest open occasion whose window has
     begun on its date (``window start - tolerance <= date``). So a follow-up for 2023
     done in January 2024 closes 2023; one done in June 2023 closes 2023 too (its window
     is the whole year). For a routine cadence (meetings, recurring actions, commitments,
     occasions), whose unrecorded past is not tracked, it closes the *latest* such one: a
     weekly meeting recorded on Monday 2026-11-16 is that day's meeting. ``at_least``
     ``times`` schedules count per unit as above. An entry dated before the first window
     is ``before-first``; one that finds nothing open is ``no-such-occasion`` — unless
     the schedule is ``at_least`` or ``also_as_needed``, where extras are expected.
  3. A completion known only by its year (``done: [2023]``, ``{year: 2023}``) names that
     year (as in 1.) unless it names another occasion. It is shown done on the occasion's
     planned date when that is in the year, else on 31 December — but never after
     ``as_of`` when ``as_of`` is in that year. Any completion's ``report`` travels along.
  4. Then what follow-up documents record (:mod:`trygg_cli.due.followups`), as entries
     with ``occurrence:`` (their ``occasion``); one that closes nothing is no finding here.
  Windows: a year occasion — the year; a part of a unit — from the day after the
  previous part; an anniversary — from the day after the previous one (one interval
  before the first); a one-off date — the year before it; the final follow-up — from
  three months before the period's end.

Other items
  * ``validity-end``: an agreement with an end date gets one occasion
    :data:`trygg_cli.due.extract.RENEGOTIATION_LEAD_MONTHS` (6) months before the end,
    to renegotiate in time.
  * ``period-end``: the end in effect of an agreement's validity or of an action plan's
    own period, on that date; ``promise-end`` the same for a citizen promise.
  * ``deadline``: an action's deadline, on that date; ``status: done`` closes it (dated
    on the deadline, as no completion date is recorded).
  * Actions and commitments with ``status: cancelled`` yield nothing; with ``status:
    done`` their recurring occasions yield only those closed by a completion.
    ``postponed`` changes nothing: the deadline stands until it is edited.

``planned`` is the date the plan gives; ``due`` is ``planned`` moved to the previous
Swedish working day (see :mod:`trygg_cli.due.holidays_se`) unless ``shift_holidays`` is
off — or to the next one when the previous is before the document's start (from
2023-01-01: due 2023-01-02, not 2022-12-30). Keys use ``planned``, never ``due``, so they
do not change with the holiday policy.

What of this plan is shown on a given day — documents that ended or were superseded,
routine cadences without a backlog — is decided afterwards, over the whole workspace, by
:func:`trygg_cli.due.life.settle` (its docstring). docs/due.md explains all of it with
examples.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from trygg_cli.due.buckets import ABOUT_MAX_DAYS, bucket, buckets, is_overdue, tolerance_days
from trygg_cli.due.extract import Base, Cadence, DocumentSchedules, Entry
from trygg_cli.due.followups import with_follow_ups
from trygg_cli.due.holidays_se import shifted
from trygg_cli.due.occurrence import (
    ROUTINE_ITEMS,
    DuePlan,
    Occurrence,
    Tied,
    Unanchored,
    Unmatched,
)
from trygg_cli.due.slots import Slot, Span, match, plan_slots
from trygg_cli.due.spans import resolve

__all__ = [
    "ABOUT_MAX_DAYS",
    "bucket",
    "buckets",
    "is_overdue",
    "merge",
    "occurrences",
    "plan",
    "plan_document",
    "tolerance_days",
]


@dataclass
class _Collector:
    until: date
    shift: bool
    as_of: date | None = None
    body_names: Mapping[str, str] = field(default_factory=dict)
    start: date | None = None  # the document's start: no holiday shift moves before it
    out: DuePlan = field(default_factory=DuePlan)


# --------------------------------------------------------------------------- public API


def plan(
    documents: Mapping[str, DocumentSchedules],
    *,
    until: date,
    fallback_start: date | None = None,
    shift_holidays: bool = True,
    as_of: date | None = None,
) -> DuePlan:
    """Occurrences planned up to ``until`` (inclusive) of every schedule in ``documents``
    (what :func:`trygg_cli.due.extract.extract` took out of each document, by id), the
    completions that matched none, the schedules that could not be placed and those tied
    to other things' times.

    ``fallback_start`` is where cadences of documents with an unknown start begin counting
    (see the module docstring); ``as_of`` bounds the date shown for completions known only
    by their year. A dated follow-up document closes its occasion in the documents it
    follows up (see :mod:`trygg_cli.due.followups`).
    """
    documents = with_follow_ups(documents)
    return merge(
        plan_document(
            documents[doc_id],
            documents,
            until=until,
            fallback_start=fallback_start,
            shift_holidays=shift_holidays,
            as_of=as_of,
        )
        for doc_id in sorted(documents)
    )


def plan_document(
    source: DocumentSchedules,
    documents: Mapping[str, DocumentSchedules],
    *,
    until: date,
    fallback_start: date | None = None,
    shift_holidays: bool = True,
    borrowing: bool | None = None,
    as_of: date | None = None,
) -> DuePlan:
    """:func:`plan` for one document, unsorted (see :func:`merge`). Only an action plan
    looks into ``documents``, for its agreement (see :func:`borrows`); any other document,
    and an action plan's deadlines, can be planned as soon as the file is read. With
    ``borrowing`` True or False, only the entries that do or do not borrow are planned."""
    span, parties, names = resolve(source, documents, fallback_start)
    collector = _Collector(until, shift_holidays, as_of, names, span.start)
    for entry in source.entries:
        if borrowing is not None and borrows(source, entry) != borrowing:
            continue
        base = entry.base
        if entry.owner_parties:
            base = base._replace(parties=parties)
        if entry.schedule is not None:
            _schedule(collector, entry, base, entry.schedule, span)
        elif entry.fixed is not None:
            fixed = entry.fixed
            slot = Slot(fixed.planned, fixed.planned, fixed.occasion, fixed.planned.year)
            slot.done = fixed.done
            _emit(collector, entry, base, [slot], None, 0)
    return collector.out


def borrows(source: DocumentSchedules, entry: Entry) -> bool:
    """Whether planning ``entry`` needs the document's agreement: an action plan's
    schedules count within the agreement's period and signing, and its own follow-up
    names the agreement's parties. A deadline needs nothing else."""
    return source.doc_kind == "action-plan" and (entry.schedule is not None or entry.owner_parties)


def merge(plans: Iterable[DuePlan]) -> DuePlan:
    """The plans of several documents as one, sorted."""
    out = DuePlan()
    for part in plans:
        out.occurrences.extend(part.occurrences)
        out.unmatched.extend(part.unmatched)
        out.unanchored.extend(part.unanchored)
        out.tied.extend(part.tied)
    out.occurrences.sort(key=Occurrence.sort_key)
    out.unmatched.sort()
    out.unanchored.sort()
    out.tied.sort()
    return out


def occurrences(
    documents: Mapping[str, DocumentSchedules],
    *,
    until: date,
    fallback_start: date | None = None,
    shift_holidays: bool = True,
) -> list[Occurrence]:
    """Just the occurrences of :func:`plan`, sorted by due date."""
    return plan(
        documents, until=until, fallback_start=fallback_start, shift_holidays=shift_holidays
    ).occurrences


# --------------------------------------------------------------------------- one schedule


def _schedule(c: _Collector, entry: Entry, base: Base, schedule: Cadence, span: Span) -> None:
    if schedule.tied:
        _tied(c, entry, base, schedule)
        return
    if schedule.qualifier == "as_needed":
        return
    horizon = max([c.until, *(d.date for d in (*schedule.done, *schedule.closed_by))])
    slots = plan_slots(schedule, span, horizon)
    if isinstance(slots, str):
        path, line, column = entry.where
        c.out.unanchored.append(
            Unanchored(path, line, column, base.doc_id, entry.loc, base.item, slots)
        )
        return
    tolerance = tolerance_days(schedule, span)
    routine = base.item in ROUTINE_ITEMS
    for index, completion, reason in match(
        schedule, slots, span, tolerance, c.as_of, latest=routine
    ):
        path, line, column = entry.done_where[index]
        c.out.unmatched.append(
            Unmatched(
                path,
                line,
                column,
                base.doc_id,
                (*entry.loc, "done", index),
                completion.date,
                completion.occurrence,
                reason,
                completion.year_only,
            )
        )
    if schedule.closed_by:  # follow-up documents; lint judges their occasions (TRY310)
        closing = schedule._replace(done=schedule.closed_by)
        for _unmatched in match(closing, slots, span, tolerance, c.as_of, latest=routine):
            pass
    kept = [s for s in slots if s.done is not None or not entry.closed_only]
    _emit(c, entry, base, kept, schedule, tolerance)


def _emit(
    c: _Collector,
    entry: Entry,
    base: Base,
    slots: list[Slot],
    schedule: Cadence | None,
    tolerance: int,
) -> None:
    path, line, column = entry.where
    qualifier = schedule.qualifier if schedule is not None else "exact"
    text = schedule.text if schedule is not None else None
    routine = base.item in ROUTINE_ITEMS
    last_done = max((s.done for s in slots if s.done is not None), default=None)
    for slot in slots:
        if slot.planned > c.until:
            continue
        c.out.occurrences.append(
            Occurrence(
                due=shifted(slot.planned, c.start) if c.shift else slot.planned,
                doc_id=base.doc_id,
                item=base.item,
                item_id=base.item_id,
                planned=slot.planned,
                occasion=slot.occasion,
                doc_kind=base.doc_kind,
                path=path,
                line=line,
                column=column,
                yaml_path=entry.loc,
                title=base.title,
                qualifier=qualifier,
                tolerance_days=tolerance,
                done=slot.done,
                parties=base.parties,
                bodies=base.bodies,
                text=text,
                done_report=slot.done_report,
                done_label=slot.done_label,
                routine=routine,
                last_done=last_done,
            )
        )


def _tied(c: _Collector, entry: Entry, base: Base, schedule: Cadence) -> None:
    """A schedule at every meeting of a body, or at an outside event: no dates."""
    body = schedule.with_meetings_of
    bodies = base.bodies if body is None else tuple(dict.fromkeys((*base.bodies, body)))
    c.out.tied.append(
        Tied(
            *entry.where,
            base.doc_id,
            entry.loc,
            base.item,
            base.item_id,
            base.title,
            base.doc_kind,
            body,
            c.body_names.get(body) if body is not None else None,
            schedule.at_event,
            base.parties,
            bodies,
            schedule.text,
        )
    )
