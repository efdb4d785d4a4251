"""Cadences in words, for messages in the user's language: "four times a year", "every
other term", "in the autumn". Shared by diff's sentences and due's explanations; rendered
documents have their own Swedish in :mod:`trygg_cli.render.words`."""

from __future__ import annotations

from trygg_cli.i18n import N_, _

_TIMES = {
    1: N_("once"),
    2: N_("twice"),
    3: N_("three times"),
    4: N_("four times"),
    5: N_("five times"),
    6: N_("six times"),
}

_PER_UNIT = {
    "year": N_("a year"),
    "tertial": N_("a tertial"),
    "term": N_("a term"),
    "quarter": N_("a quarter"),
    "month": N_("a month"),
    "week": N_("a week"),
}

_EVERY_ONE = {
    "year": N_("every year"),
    "tertial": N_("every tertial"),
    "term": N_("every term"),
    "quarter": N_("every quarter"),
    "month": N_("every month"),
    "week": N_("every week"),
}

_EVERY_OTHER = {
    "year": N_("every other year"),
    "tertial": N_("every other tertial"),
    "term": N_("every other term"),
    "quarter": N_("every other quarter"),
    "month": N_("every other month"),
    "week": N_("every other week"),
}

_EVERY_N = {
    "year": N_("every {n} years"),
    "tertial": N_("every {n} tertials"),
    "term": N_("every {n} terms"),
    "quarter": N_("every {n} quarters"),
    "month": N_("every {n} months"),
    "week": N_("every {n} weeks"),
}

SEASONS = {
    "spring": N_("in the spring"),
    "summer": N_("in the summer"),
    "summer_holiday": N_("during the summer holiday"),
    "autumn": N_("in the autumn"),
    "winter": N_("in the winter"),
}


def every(n: int, unit: str) -> str:
    """ "every year", "every other term", "every 4 years"."""
    if n == 1:
        return _(_EVERY_ONE[unit])
    if n == 2:
        return _(_EVERY_OTHER[unit])
    return _(_EVERY_N[unit]).format(n=n)


def times(n: int, unit: str) -> str:
    """ "twice a year", "four times a term", "nine times during the period"."""
    count = _(_TIMES[n]) if n in _TIMES else _("{n} times").format(n=n)
    if unit == "period":
        return _("{times} during the period").format(times=count)
    return _("{times} {per}").format(times=count, per=_(_PER_UNIT[unit]))


def season(name: str) -> str:
    """ "in the spring", "during the summer holiday"."""
    return _(SEASONS[name])
