"""A schedule in words again: "about four times a year", "2021 and then every other year".

The reverse of what a coordinator does when writing a cadence as data (see the table in
README.md), for sentences that compare two versions of a schedule. English is the source
language; the words go through the translation function like every other message.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from trygg_cli.cadence_words import every, season, times
from trygg_cli.date_words import day_or_year, long_date
from trygg_cli.i18n import N_, _
from trygg_cli.model.schedule import Schedule

_AT = {
    ("start", "year"): N_("at the start of every year"),
    ("end", "year"): N_("at the end of every year"),
    ("start", "tertial"): N_("at the start of every tertial"),
    ("end", "tertial"): N_("at the end of every tertial"),
    ("start", "term"): N_("at the start of every term"),
    ("end", "term"): N_("at the end of every term"),
    ("start", "quarter"): N_("at the start of every quarter"),
    ("end", "quarter"): N_("at the end of every quarter"),
    ("start", "month"): N_("at the start of every month"),
    ("end", "month"): N_("at the end of every month"),
    ("start", "week"): N_("at the start of every week"),
    ("end", "week"): N_("at the end of every week"),
}
_EVENTS = {
    "signing": N_("at the signing"),
    "validity_start": N_("when the period starts"),
    "validity_end": N_("after the end of the period"),
}
_QUALIFIED = {
    "about": N_("about {what}"),
    "at_least": N_("at least {what}"),
}


def _anchor(first: int | date | str) -> str:
    if isinstance(first, int):
        return _("in {year}").format(year=first)
    if isinstance(first, date):
        return _("on {date}").format(date=long_date(first))
    return _(_EVENTS[first])


def describe(schedule: Schedule, names: Mapping[str, str] | None = None) -> str:
    """The cadence of ``schedule`` in words (its ``text`` and completions aside); ``names``
    gives the name of a body whose meetings it is tied to."""
    if schedule.with_meetings_of is not None:
        body = schedule.with_meetings_of
        return _("at every meeting of {body}").format(body=(names or {}).get(body, body))
    if schedule.at_event is not None:
        return _("at {event}").format(event=schedule.at_event)
    if schedule.qualifier == "as_needed":
        return _("as needed")
    unit = schedule.unit
    if schedule.times is not None:
        what = times(schedule.times, unit)
        if schedule.first is not None and unit != "period":
            what = _("{what}, from {first}").format(what=what, first=_first_plain(schedule.first))
    elif schedule.every is not None:
        if schedule.at is not None and schedule.every == 1:
            what = _(_AT[(schedule.at, unit)])
        else:
            what = every(schedule.every, unit)
        if isinstance(schedule.first, int):
            what = _("{first} and then {what}").format(first=schedule.first, what=what)
        elif schedule.first is not None:
            what = _("{what}, from {first}").format(what=what, first=_first_plain(schedule.first))
    else:
        assert schedule.first is not None  # the model requires times, every or first
        what = _("once, {when}").format(when=_anchor(schedule.first))
    if schedule.during is not None:
        what = _("{what}, {season}").format(what=what, season=season(schedule.during))
    if schedule.qualifier in _QUALIFIED:
        what = _(_QUALIFIED[schedule.qualifier]).format(what=what)
    if schedule.also_as_needed:
        what = _("{what}, and also as needed").format(what=what)
    return what


def _first_plain(first: int | date | str) -> str:
    if isinstance(first, (int, date)):
        return day_or_year(first)
    return _(_EVENTS[first])
