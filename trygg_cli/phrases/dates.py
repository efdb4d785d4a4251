"""Dates as documents write them: "2023-05-01", "1 maj 2023", "den 15 november 2018",
"maj 2023", and a year alone where a sentence says it.

A date in words can say a day, a month or a year; :class:`When` keeps which, as the first
and the last day it can mean, so that "2023–2026" agrees with 2023-05-01 – 2026-12-31 and
"maj 2023" with any day in May.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from trygg_cli.phrases.found import MONTH, MONTHS, Found

# The years an agreement may name: a number outside is not a year (a count, a dnr).
FIRST_YEAR, LAST_YEAR = 1990, 2100


@dataclass(frozen=True)
class When:
    """A day, a month or a year, as the first and the last day it can mean."""

    first: date
    last: date

    @property
    def precision(self) -> str:
        """'day', 'month' or 'year'."""
        if self.first == self.last:
            return "day"
        return "month" if self.first.month == self.last.month else "year"

    def holds(self, day: date) -> bool:
        """Whether ``day`` is one the words can mean."""
        return self.first <= day <= self.last

    @classmethod
    def day(cls, value: date) -> When:
        return cls(value, value)

    @classmethod
    def month(cls, year: int, month: int) -> When:
        return cls(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))

    @classmethod
    def year(cls, year: int) -> When:
        return cls(date(year, 1, 1), date(year, 12, 31))


YEAR = r"(?:19[9][0-9]|20[0-9][0-9]|2100)"
ISO = rf"(?<![0-9-])(?P<iso>{YEAR}-[01][0-9]-[0-3][0-9])(?![0-9])"
WORDS = (
    rf"(?<!\w)(?:den\s+)?(?P<day>[0-3]?[0-9])(?::[ae])?\s+(?P<month>{MONTH})\.?\s+(?P<year>{YEAR})"
    r"(?![0-9])"
)
MONTH_YEAR = rf"(?<!\w)(?P<month_only>{MONTH})\.?\s+(?P<month_year>{YEAR})(?![0-9])"
# One date: what the period and cadence readers put where a date may stand.
DATE = rf"(?:{ISO}|{WORDS}|{MONTH_YEAR})"
_DATE = re.compile(DATE, re.IGNORECASE)


def when(match: re.Match[str], prefix: str = "") -> When | None:
    """The :class:`When` a match of :data:`DATE` (its groups named with ``prefix``) says,
    or None when it names no day that exists ("31 april 2023")."""
    groups = {k.removeprefix(prefix): v for k, v in match.groupdict().items() if v is not None}
    try:
        if "iso" in groups:
            return When.day(date.fromisoformat(groups["iso"]))
        if "day" in groups:
            month = MONTHS[groups["month"].lower()]
            return When.day(date(int(groups["year"]), month, int(groups["day"])))
        if "month_only" in groups:
            return When.month(int(groups["month_year"]), MONTHS[groups["month_only"].lower()])
    except ValueError:
        return None
    return None


def named(pattern: str, prefix: str) -> str:
    """:data:`DATE`-like ``pattern`` with its groups renamed ``prefix…``, to use twice in
    one expression."""
    return re.sub(r"\(\?P<(\w+)>", rf"(?P<{prefix}\1>", pattern)


def find_dates(text: str) -> list[Found[When]]:
    """Every date written out in ``text`` (a year alone is not one: see the period and
    cadence readers, which read years where a sentence says them)."""
    found = []
    for match in _DATE.finditer(text):
        value = when(match)
        if value is not None:
            found.append(Found(match.start(), match.end(), value))
    return found


def parse_date(text: str) -> When | None:
    """``text`` as one date ("1 maj 2023", " 2023-05-01."), else None."""
    match = _DATE.fullmatch(text.strip().rstrip(".,;").strip())
    return when(match) if match is not None else None
