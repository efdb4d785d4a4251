"""The Swedish working-day policy for due dates.

A due date that falls on a Saturday, a Sunday or a Swedish public holiday moves to the
previous working day, so that a reminder never points at a day when the offices are closed
— unless that day is before the document's start: then it moves to the next working day
(an agreement from Sunday 2023-01-01 is not due on Friday 2022-12-30, but on 2023-01-02).

Holidays are those of ``holidays.Sweden`` in the ``public`` category (nyårsdagen,
trettondedag jul, långfredagen, påskdagen, annandag påsk, första maj, Kristi himmelsfärd,
pingstdagen, nationaldagen, midsommardagen, alla helgons dag, juldagen, annandag jul) and
in its ``de_facto`` category, which holds exactly the three eves Swedish public offices
close on: midsommarafton, julafton and nyårsafton. The package's ``bank`` and ``optional``
categories (half days such as "from 2pm", klämdagar) are not counted: offices are open.
Sundays are not taken from the package (its ``include_sundays`` is left off); every
Saturday and Sunday is simply a non-working day.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

CATEGORIES: tuple[str, ...] = ("public", "de_facto")


@lru_cache(maxsize=256)
def holidays_in(year: int) -> frozenset[date]:
    """Swedish public holidays plus midsommarafton, julafton and nyårsafton in ``year``."""
    import holidays  # imported here: the package is slow to import and only needed here

    calendar = holidays.country_holidays("SE", years=year, categories=CATEGORIES)
    return frozenset(day for day in calendar if day.year == year)


def is_working_day(day: date) -> bool:
    """Monday–Friday and not a holiday as defined in this module."""
    return day.weekday() < 5 and day not in holidays_in(day.year)


@lru_cache(maxsize=8192)
def previous_working_day(day: date) -> date:
    """``day`` itself when it is a working day, else the closest working day before it."""
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def next_working_day(day: date) -> date:
    """``day`` itself when it is a working day, else the closest working day after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def shifted(planned: date, start: date | None) -> date:
    """The due date of an occasion planned on ``planned`` of a document starting on
    ``start``: the previous working day, or the next one when the previous is before the
    start (and the occasion itself is not)."""
    due = previous_working_day(planned)
    if start is not None and due < start <= planned:
        return next_working_day(planned)
    return due
