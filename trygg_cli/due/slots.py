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
        for k, planned in enumerate(part_ends(start, end, schedule.unit, times), 1):
            if planned > limit:
                break
            if not_before is None or planned >= not_before:
                slots.append(Slot(planned, window, f"{label}#{k}", planned.year, label))
            window = planned + timedelta(days=1)
    return slots


# --------------------------------------------------------------------------- completions


def match(
    schedule: Cadence, slots: list[Slot], span: Span, tolerance: int
) -> Iterator[tuple[int, Done, UnmatchedReason]]:
    """Close ``slots`` with the schedule's completions (see the module docstring); yield
    ``(index in done:, completion, reason)`` for each that closes nothing."""
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
            target.done = completion.date
        elif not tolerant:
            yield index, completion, "already-done"
    for index, completion in dated:
        day = completion.date
        if counted:
            label = unit_bounds(day, schedule.unit)[2]
            group = [s for s in slots if s.group == label]
            if group:
                target = next((s for s in group if s.done is None), None)
                if target is not None:
                    target.done = day
                continue
        target = next((s for s in slots if s.done is None and s.window_start - grace <= day), None)
        if target is not None:
            target.done = day
            continue
        if not slots or day < slots[0].window_start - grace:
            yield index, completion, "before-first"
        elif not tolerant:
            yield index, completion, "no-such-occasion"
