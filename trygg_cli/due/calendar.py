"""Calendar units (year, tertial, term, quarter, month, week), parts of the year (seasons)
and month arithmetic for schedules.

A tertial is a third of a year: January–April, May–August, September–December. A term
(termin) is a Swedish school half-year: spring term January–June, autumn term
August–December. July belongs to no term; a date in July is taken to lie in the autumn
term that follows (so a schedule starting in July counts from the autumn term).
Weeks are ISO weeks, Monday–Sunday. The seasons (``during:``) are in :data:`SEASONS`.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date, timedelta

from trygg_cli.model.schedule import Unit

# Approximate length of a unit in days, for tolerances (not for dates).
UNIT_DAYS: dict[str, int] = {
    "year": 365,
    "tertial": 122,
    "term": 182,
    "quarter": 91,
    "month": 30,
    "week": 7,
}
# Calendar months a unit spans, used when adding units to a date (a term counts as 6).
UNIT_MONTHS: dict[str, int] = {
    "year": 12,
    "tertial": 4,
    "term": 6,
    "quarter": 3,
    "month": 1,
    "week": 0,
}


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months; the 31st becomes the last day of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_units(day: date, unit: Unit, count: int) -> date:
    """``day`` moved by ``count`` units (a term is six months, a week seven days)."""
    if unit == "week":
        return day + timedelta(days=7 * count)
    return add_months(day, UNIT_MONTHS[unit] * count)


def unit_bounds(day: date, unit: Unit) -> tuple[date, date, str]:
    """First day, last day and a stable label of the unit that contains ``day``."""
    year, month = day.year, day.month
    if unit == "year":
        return date(year, 1, 1), date(year, 12, 31), str(year)
    if unit == "tertial":
        t = (month - 1) // 4
        return date(year, 4 * t + 1, 1), month_end(year, 4 * t + 4), f"{year}-TR{t + 1}"
    if unit == "term":
        if month <= 6:
            return date(year, 1, 1), date(year, 6, 30), f"{year}-T1"
        return date(year, 8, 1), date(year, 12, 31), f"{year}-T2"
    if unit == "quarter":
        q = (month - 1) // 3
        return date(year, 3 * q + 1, 1), month_end(year, 3 * q + 3), f"{year}-Q{q + 1}"
    if unit == "month":
        return date(year, month, 1), month_end(year, month), f"{year}-{month:02d}"
    start = day - timedelta(days=day.weekday())
    iso = start.isocalendar()
    return start, start + timedelta(days=6), f"{iso[0]}-W{iso[1]:02d}"


def units_from(day: date, unit: Unit) -> Iterator[tuple[date, date, str]]:
    """The unit containing ``day`` and every unit after it, without end."""
    start, end, label = unit_bounds(day, unit)
    while True:
        yield start, end, label
        start, end, label = unit_bounds(end + timedelta(days=1), unit)


def early_in(start: date, end: date, unit: Unit | None) -> date:
    """The date by which something done "at the start" of a unit is due: the end of its
    first quarter (31 March for a year), a quarter of the way through other units and
    seasons (``unit`` None)."""
    if unit == "year":
        return date(start.year, 3, 31)
    length = (end - start).days + 1
    return start + timedelta(days=max(0, -(-length // 4) - 1))


def part_ends(start: date, end: date, times: int) -> list[date]:
    """The last day of each of ``times`` equal parts of ``start``–``end`` (both included):
    a calendar unit, a season, or a document's whole period.

    When it runs from the first of a month to the last of a month and its months divide
    evenly (4 a year, 2 a spring term, 3 a quarter, 4 a period of 44 months) the parts are
    whole months (31 March, 30 June …); otherwise its days are divided (2 an autumn term
    of 153 days: 15 October and 31 December). Parts that would end on the same day (more
    parts than days) are merged, so the ends strictly increase.
    """
    whole = start.day == 1 and end == month_end(end.year, end.month)
    months = (end.year - start.year) * 12 + end.month - start.month + 1 if whole else 0
    ends: list[date] = []
    if months and months % times == 0:
        step = months // times
        first = start.year * 12 + start.month - 1
        for k in range(1, times + 1):
            year, month = divmod(first + step * k - 1, 12)
            ends.append(month_end(year, month + 1))
    else:
        length = (end - start).days + 1
        if times >= length:  # one part a day: no need to count past the days there are
            return [start + timedelta(days=k) for k in range(length)]
        for k in range(1, times + 1):
            candidate = start + timedelta(days=max(0, (k * length) // times - 1))
            if not ends or candidate > ends[-1]:
                ends.append(candidate)
    return ends


# Parts of the year (``during:``) as (first month, first day, last month, last day); a
# last month before the first lies in the next year (winter: December to February).
SEASONS: dict[str, tuple[int, int, int, int]] = {
    "spring": (3, 1, 5, 31),
    "summer": (6, 1, 8, 31),
    "summer_holiday": (6, 15, 8, 15),
    "autumn": (9, 1, 11, 30),
    "winter": (12, 1, 2, 0),  # day 0: the last day of February
}


def season_bounds(year: int, season: str) -> tuple[date, date, str]:
    """First day, last day and a stable label of ``season`` of ``year`` (the winter of
    2024 runs from 1 December 2024 to the end of February 2025)."""
    first_month, first_day, last_month, last_day = SEASONS[season]
    end_year = year + 1 if last_month < first_month else year
    end = month_end(end_year, last_month) if last_day == 0 else date(end_year, last_month, last_day)
    return date(year, first_month, first_day), end, f"{year}-{season}"
