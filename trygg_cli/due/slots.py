"""One schedule's occasions: planned up to a horizon, then closed by its completions.

The rules are those of :mod:`trygg_cli.due.engine` (its docstring is the spec): anchors,
``times: N`` per unit, calendar-aligned ``at:``, windows, and how ``done:`` entries close
occasions.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from trygg_cli.due.calendar import (
    add_months,
    add_units,
    early_in,
    part_ends,
    season_bounds,
    unit_bounds,
    units_from,
)
from trygg_cli.due.extract import Cadence, Done
from trygg_cli.due.occurrence import UnanchoredReason, UnmatchedReason

FINAL_FOLLOW_UP_MONTHS = 3
_MAX_SLOTS = 20_000  # per schedule; a guard against absurd horizons


@dataclass
class Slot:
    """One planned occasion of a schedule, and what closed it."""

    planned: date
    window_start: date
    occasion: str
    year: int
    group: str = ""
    done: date | None = None
    done_report: str | None = None
    done_label: str | None = None  # set for a completion known only by its year


@dataclass(frozen=True)
class Span:
    """What a schedule is counted within: its document's period and events."""

    start: date | None
    end: date | None
    signing: date | None
    fallback: date | None


def event_date(event: str, span: Span) -> date | None:
    if event == "signing":
        return span.signing
    if event == "validity_start":
        return span.start
    return span.end


def plan_slots(schedule: Cadence, span: Span, horizon: date) -> list[Slot] | UnanchoredReason:
    """The planned occasions of one schedule up to ``horizon``, before completions."""
    first = schedule.first
    limit = horizon if span.end is None else min(horizon, span.end)
    if schedule.unit == "period" and schedule.times is not None:
        return _over_period(schedule, span, limit)
    if schedule.during is not None:
        return _seasons(schedule, span, limit)
    if isinstance(first, str):
        event = event_date(first, span)
        if event is None:
            return "no-event-date"
        if first == "validity_end":
            # "efter avtalsperiodens slut": due some months after the end, whatever `until:` says.
            planned = add_months(event, FINAL_FOLLOW_UP_MONTHS)
            if schedule.times is None and schedule.every is None:
                window = add_months(event, -FINAL_FOLLOW_UP_MONTHS) + timedelta(days=1)
                return [Slot(planned, window, f"after-{event.isoformat()}", planned.year)]
            return _from_date(schedule, planned, span, horizon, first_index=0)
        return _from_date(schedule, event, span, limit, first_index=0)
    if isinstance(first, date):
        return _from_date(schedule, first, span, limit, first_index=0)
    if isinstance(first, int):
        origin = date(first, 1, 1)
        if schedule.times is not None:
            return _parts(schedule, origin, None, limit)
        if schedule.every is not None:
            return _calendar(schedule, origin, None, limit)
        start = date(first, 1, 1)
        end = date(first, 12, 31)
        planned = early_in(start, end, "year") if schedule.at == "start" else end
        return [Slot(planned, start, str(first), first)]
    # no anchor: count from the period's start (or the fallback when it is unknown)
    if span.start is None:
        if schedule.times is None and schedule.every is not None and schedule.every > 1:
            return "no-start"
        if span.fallback is None:
            return "no-start"
        if schedule.times is not None:
            return _parts(schedule, span.fallback, None, limit)
        return _calendar(schedule, span.fallback, None, limit)
    if schedule.times is not None:
        return _parts(schedule, span.start, span.start, limit)
    if schedule.at is not None:
        return _calendar(schedule, span.start, span.start, limit)
    return _from_date(schedule, span.start, span, limit, first_index=1)


def _from_date(
    schedule: Cadence, anchor: date, span: Span, limit: date, *, first_index: int
) -> list[Slot]:
    unit = schedule.unit
    if schedule.times is not None:
        return _parts(schedule, anchor, anchor, limit)
    if schedule.every is None:
        window = add_months(anchor, -12) + timedelta(days=1)
        return [Slot(anchor, window, anchor.isoformat(), anchor.year)]
    slots: list[Slot] = []
    k = first_index
    previous = add_units(anchor, unit, schedule.every * (k - 1))
    while len(slots) < _MAX_SLOTS:
        planned = add_units(anchor, unit, schedule.every * k)
        if planned > limit:
            break
        slots.append(Slot(planned, previous + timedelta(days=1), planned.isoformat(), planned.year))
        previous = planned
        k += 1
    return slots


def _calendar(schedule: Cadence, origin: date, not_before: date | None, limit: date) -> list[Slot]:
    """Every N-th calendar unit from the one containing ``origin``, due at its end (or
    early in it with ``at: start``)."""
    every = schedule.every or 1
    slots: list[Slot] = []
    for index, (start, end, label) in enumerate(units_from(origin, schedule.unit)):
        if start > limit or len(slots) >= _MAX_SLOTS:
            break
        if index % every:
            continue
        planned = early_in(start, end, schedule.unit) if schedule.at == "start" else end
        if planned > limit:
            break
        if not_before is not None and planned < not_before:
            continue
        slots.append(Slot(planned, start, label, start.year, label))
    return slots


def _parts(schedule: Cadence, origin: date, not_before: date | None, limit: date) -> list[Slot]:
    """``times`` equal parts of each calendar unit from the one containing ``origin``."""
    times = schedule.times or 1
    slots: list[Slot] = []
    for start, end, label in units_from(origin, schedule.unit):
        if start > limit or len(slots) >= _MAX_SLOTS:
            break
        window = start
        for k, planned in enumerate(part_ends(start, end, times), 1):
            if planned > limit:
                break
            if not_before is None or planned >= not_before:
                slots.append(Slot(planned, window, f"{label}#{k}", planned.year, label))
            window = planned + timedelta(days=1)
    return slots


def period_bounds(schedule: Cadence, span: Span) -> tuple[date, date] | UnanchoredReason:
    """First and last day of the stretch a ``unit: period`` schedule spreads over: from
    its ``first:`` (a year from 1 January) or the period's start, to the end in effect."""
    first = schedule.first
    if isinstance(first, str):
        start = event_date(first, span)
        if start is None:
            return "no-event-date"
    elif isinstance(first, int):
        start = date(first, 1, 1)
    else:
        start = first if first is not None else span.start
    if start is None:
        return "no-start"
    if span.end is None:
        return "no-end"
    return start, span.end


def _over_period(schedule: Cadence, span: Span, limit: date) -> list[Slot] | UnanchoredReason:
    """``times`` equal parts of the period, each due at its end."""
    bounds = period_bounds(schedule, span)
    if isinstance(bounds, str):
        return bounds
    start, end = bounds
    slots: list[Slot] = []
    window = start
    for k, planned in enumerate(part_ends(start, end, schedule.times or 1), 1):
        if planned > limit:
            break
        slots.append(Slot(planned, window, f"period#{k}", planned.year, "period"))
        window = planned + timedelta(days=1)
    return slots


def _season_origin(schedule: Cadence, span: Span) -> tuple[date, bool] | UnanchoredReason:
    """Where a seasonal schedule starts counting, and whether that is a year (its season
    counts whole) rather than a day (seasons ending before it are skipped)."""
    first = schedule.first
    if isinstance(first, int):
        return date(first, 1, 1), True
    if isinstance(first, date):
        return first, False
    if isinstance(first, str):
        day = event_date(first, span)
        return "no-event-date" if day is None else (day, False)
    if span.start is not None:
        return span.start, False
    if (schedule.every or 1) > 1 or span.fallback is None:
        return "no-start"
    return span.fallback, False


def _seasons(schedule: Cadence, span: Span, limit: date) -> list[Slot] | UnanchoredReason:
    """One occasion in each (N-th) year's season (``during:``), due at its end (or a
    quarter of the way in with ``at: start``), or ``times`` parts of it."""
    origin = _season_origin(schedule, span)
    if isinstance(origin, str):
        return origin
    day, whole_year = origin
    season = schedule.during or ""
    year = day.year if whole_year else day.year - 1
    while season_bounds(year, season)[1] < day:
        year += 1
    once = schedule.every is None and schedule.times is None
    slots: list[Slot] = []
    while len(slots) < _MAX_SLOTS:
        start, end, label = season_bounds(year, season)
        if start > limit:
            break
        if schedule.times is not None:
            ends = part_ends(start, end, schedule.times)
        else:
            ends = [early_in(start, end, None) if schedule.at == "start" else end]
        window = start
        for k, planned in enumerate(ends, 1):
            if planned > limit:
                return slots
            occasion = label if schedule.times is None else f"{label}#{k}"
            slots.append(Slot(planned, window, occasion, year, label))
            window = planned + timedelta(days=1)
        if once:
            break
        year += schedule.every or 1
    return slots


def _group_of(day: date, schedule: Cadence, span: Span) -> str:
    """The label of the unit (or season, or the period) whose parts a completion on
    ``day`` counts towards in an ``at_least`` ``times`` schedule."""
    if schedule.unit == "period":
        return "period"
    if schedule.during is not None:
        for year in (day.year - 1, day.year):
            start, end, label = season_bounds(year, schedule.during)
            if start <= day <= end:
                return label
        return ""
    return unit_bounds(day, schedule.unit)[2]


def _closed_on(slot: Slot, completion: Done, as_of: date | None) -> date:
    """The date shown for a completion: its own, or for one known only by its year the
    occasion's planned date when that is in the year, else 31 December — never after
    ``as_of`` when ``as_of`` is in that year (it was recorded, so it is done by then)."""
    if not completion.year_only:
        return completion.date
    year = completion.date.year
    day = slot.planned if slot.planned.year == year else completion.date
    if as_of is not None and as_of.year == year:
        day = min(day, as_of)
    return day


def _close(slot: Slot, completion: Done, as_of: date | None) -> None:
    slot.done = _closed_on(slot, completion, as_of)
    slot.done_report = completion.report
    if completion.year_only:
        slot.done_label = str(completion.date.year)


# --------------------------------------------------------------------------- completions


def match(
    schedule: Cadence,
    slots: list[Slot],
    span: Span,
    tolerance: int,
    as_of: date | None = None,
    *,
    latest: bool = False,
) -> Iterator[tuple[int, Done, UnmatchedReason]]:
    """Close ``slots`` with the schedule's completions (see the module docstring); yield
    ``(index in done:, completion, reason)`` for each that closes nothing. ``as_of``
    bounds the date shown for a completion known only by its year. With ``latest`` (a
    routine cadence, whose unrecorded past is not tracked) a dated completion closes the
    latest open occasion whose window has begun, not the earliest."""
    tolerant = schedule.qualifier == "at_least" or schedule.also_as_needed
    counted = schedule.qualifier == "at_least" and schedule.times is not None
    grace = timedelta(days=tolerance)
    named = [(i, d) for i, d in enumerate(schedule.done) if d.occurrence is not None]
    dated = sorted(
        ((i, d) for i, d in enumerate(schedule.done) if d.occurrence is None),
        key=lambda pair: (pair[1].date, pair[0]),
    )
    for index, completion in named:
        wanted = completion.occurrence
        if isinstance(wanted, int):
            candidates = [s for s in slots if s.year == wanted]
        else:
            day = event_date(wanted, span) if isinstance(wanted, str) else wanted
            candidates = (
                []
                if day is None
                else [s for s in slots if s.planned == day or s.window_start <= day <= s.planned]
            )
        if not candidates:
            yield index, completion, "no-such-occasion"
            continue
        target = next((s for s in candidates if s.done is None), None)
        if target is not None:
            _close(target, completion, as_of)
        elif not tolerant:
            yield index, completion, "already-done"
    for index, completion in dated:
        day = completion.date
        if counted:
            label = _group_of(day, schedule, span)
            group = [s for s in slots if s.group == label]
            if group:
                target = next((s for s in group if s.done is None), None)
                if target is not None:
                    _close(target, completion, as_of)
                continue
        began = (s for s in slots if s.done is None and s.window_start - grace <= day)
        # a routine cadence: the latest that has begun; else the earliest
        target = max(began, key=lambda s: s.planned, default=None) if latest else next(began, None)
        if target is not None:
            _close(target, completion, as_of)
            continue
        if not slots or day < slots[0].window_start - grace:
            yield index, completion, "before-first"
        elif not tolerant:
            yield index, completion, "no-such-occasion"
