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
    ``validity_start`` (the period's start), ``validity_end`` (the period's end). The
    occasion "efter avtalsperiodens slut" (``first: validity_end``) is due
    :data:`FINAL_FOLLOW_UP_MONTHS` (3) months after the end (2026-12-31 → 2027-03-31); on
    an agreement or action plan it is reported as ``final-follow-up``.
  * **No anchor**: ``every: N`` counts from the period's start (``from:``, or the signing
    date for ``from_signing``; an action plan without a period uses its agreement's), the
    first occasion one interval after the start (anniversaries: from 2023-05-01 every year
    → 2024-05-01, 2025-05-01 …). With ``at: start|end`` the count is calendar-aligned
    instead: each N-th unit from the one containing the start, due at its end ("i slutet
    av varje år" → 31 December each year) or early in it.

Recurring schedules stop at the period's end (inclusive) and at ``until``; an open-ended
one ("tills vidare") stops at ``until`` only.

``times: N`` per unit
  Each calendar unit (year, term, quarter, month, ISO week) from the one containing the
  start is split into N equal parts, due at the end of each part (4 a year: 31 March,
  30 June, 30 September, 31 December; 2 a term: 31 March and 30 June in spring, 15 October
  and 31 December in autumn). Parts that end before the period starts are skipped.

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
     is the whole year). ``at_least`` ``times`` schedules count per unit as above. An entry
     dated before the first window is ``before-first``; one that finds nothing open is
     ``no-such-occasion`` — unless the schedule is ``at_least`` or ``also_as_needed``,
     where extra occasions are expected.
  Windows: a year occasion — the year; a part of a unit — from the day after the
  previous part; an anniversary — from the day after the previous one (one interval
  before the first); a one-off date — the year before it; the final follow-up — from
  three months before the period's end.

Other items
  * ``validity-end``: an agreement with an end date gets one occasion
    :data:`trygg_cli.due.extract.RENEGOTIATION_LEAD_MONTHS` (6) months before the end,
    to renegotiate in time.
  * ``promise-end``: a citizen promise's period end, on that date.
  * ``deadline``: an action's deadline, on that date; ``status: done`` closes it (dated
    on the deadline, as no completion date is recorded).
  * Actions and commitments with ``status: cancelled`` yield nothing; with ``status:
    done`` their recurring occasions yield only those closed by a completion.
    ``postponed`` changes nothing: the deadline stands until it is edited.

``planned`` is the date the plan gives; ``due`` is ``planned`` moved to the previous
Swedish working day (see :mod:`trygg_cli.due.holidays_se`) unless ``shift_holidays`` is
off. Keys use ``planned``, never ``due``, so they do not change with the holiday policy.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from trygg_cli.due.calendar import (
    UNIT_DAYS,
)
from trygg_cli.due.extract import Base, Cadence, DocumentSchedules, Entry
from trygg_cli.due.holidays_se import previous_working_day
from trygg_cli.due.occurrence import (
    Bucket,
    DuePlan,
    Occurrence,
    Unanchored,
    Unmatched,
)
from trygg_cli.due.slots import Slot, Span, match, plan_slots

ABOUT_SHARE = 0.25
ABOUT_MAX_DAYS = 30


@dataclass
class _Collector:
    until: date
    shift: bool
    out: DuePlan = field(default_factory=DuePlan)


# --------------------------------------------------------------------------- public API


def plan(
    documents: Mapping[str, DocumentSchedules],
    *,
    until: date,
    fallback_start: date | None = None,
    shift_holidays: bool = True,
) -> DuePlan:
    """Occurrences planned up to ``until`` (inclusive) of every schedule in ``documents``
    (what :func:`trygg_cli.due.extract.extract` took out of each document, by id), the
    completions that matched none and the schedules that could not be placed.

    ``fallback_start`` is where cadences of documents with an unknown start begin counting
    (see the module docstring).
    """
    return merge(
        plan_document(
            documents[doc_id],
            documents,
            until=until,
            fallback_start=fallback_start,
            shift_holidays=shift_holidays,
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
) -> DuePlan:
    """:func:`plan` for one document, unsorted (see :func:`merge`). Only an action plan
    looks into ``documents``, for its agreement (see :func:`borrows`); any other document,
    and an action plan's deadlines, can be planned as soon as the file is read. With
    ``borrowing`` True or False, only the entries that do or do not borrow are planned."""
    collector = _Collector(until, shift_holidays)
    span, parties = _resolve(source, documents, fallback_start)
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
    out.occurrences.sort(key=Occurrence.sort_key)
    out.unmatched.sort()
    out.unanchored.sort()
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


# --------------------------------------------------------------------------- documents


def _resolve(
    source: DocumentSchedules,
    documents: Mapping[str, DocumentSchedules],
    fallback: date | None,
) -> tuple[Span, tuple[str, ...]]:
    """The span a document's schedules count within, and its parties. An action plan
    borrows its agreement's signing and parties, and its period unless it has its own."""
    own = source.span
    if source.doc_kind != "action-plan":
        return Span(own.start, own.end, own.signing, fallback), own.parties
    agreement = documents.get(source.agreement or "")
    owner = agreement.span if agreement is not None and agreement.doc_kind == "agreement" else None
    signing = owner.signing if owner is not None else None
    parties = owner.parties if owner is not None else ()
    if source.has_period:
        start = signing if source.from_signing else own.start
        return Span(start, own.end, signing, fallback), parties
    if owner is not None:
        return Span(owner.start, owner.end, signing, fallback), parties
    return Span(None, None, None, fallback), parties


# --------------------------------------------------------------------------- one schedule


def _schedule(c: _Collector, entry: Entry, base: Base, schedule: Cadence, span: Span) -> None:
    if schedule.qualifier == "as_needed":
        return
    horizon = max([c.until, *(d.date for d in schedule.done)])
    slots = plan_slots(schedule, span, horizon)
    if isinstance(slots, str):
        path, line, column = entry.where
        c.out.unanchored.append(
            Unanchored(path, line, column, base.doc_id, entry.loc, base.item, slots)
        )
        return
    tolerance = tolerance_days(schedule)
    for index, completion, reason in match(schedule, slots, span, tolerance):
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
            )
        )
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
    for slot in slots:
        if slot.planned > c.until:
            continue
        c.out.occurrences.append(
            Occurrence(
                due=previous_working_day(slot.planned) if c.shift else slot.planned,
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
            )
        )


def tolerance_days(schedule: Cadence) -> int:
    """The grace of an ``about`` schedule: a quarter of its interval, 1–30 days; else 0."""
    if schedule.qualifier != "about":
        return 0
    unit_days = UNIT_DAYS[schedule.unit]
    if schedule.times is not None:
        interval = unit_days / schedule.times
    elif schedule.every is not None:
        interval = unit_days * schedule.every
    else:
        interval = UNIT_DAYS["year"]
    return max(1, min(ABOUT_MAX_DAYS, round(interval * ABOUT_SHARE)))
