"""Dates in words, for sentences in the user's language: "30 April 2025", "30 april 2025".

A date inside a sentence is written out (docs/glossary.md); the date columns of tables,
JSON, SARIF, ICS, YAML and every file trygg writes keep ISO dates (2025-04-30). Rendered
documents are Swedish whatever the user's language and have their own words in
:mod:`trygg_cli.render.words`.
"""

from __future__ import annotations

from datetime import date

from trygg_cli.i18n import N_, _

MONTHS = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)


def long_date(day: date) -> str:
    """``day`` written out: '30 April 2025' in English, '30 april 2025' in Swedish."""
    return f"{day.day} {_(MONTHS[day.month - 1])} {day.year}"


def day_or_year(when: date | int) -> str:
    """A date written out, or a year as it is ('2023'): when something was done, for a
    completion known only by its year."""
    return long_date(when) if isinstance(when, date) else str(when)
