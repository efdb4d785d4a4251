"""What ``trygg new`` asks for and how each answer is checked: periods, parties, bodies.

Every answer comes from an option, from the terminal (the ``ask`` seam) or from a
default, and is checked where it is given: a bad answer in a terminal is asked again,
one from an option is a one-line error.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from trygg_cli.errors import TryggError
from trygg_cli.i18n import _
from trygg_cli.municipalities import Municipality, close, find, is_example, not_one

Ask = Callable[[str, str | None, Callable[[str], str | None]], str]
Check = Callable[[str], str | None]

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_NUMBERS = {"ett": 1, "en": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6}
_TERM = re.compile(r"(\d{1,3}|ett|en|två|tre|fyra|fem|sex)\s*(år|månad|månader)\Z")
_MANDATE = ("mandatperioden", "mandatperiod")
_OPEN = ("tills vidare", "tillsvidare")


def text_problem(value: str) -> str | None:
    """Why ``value`` cannot be a name or title, or None."""
    if not value.strip():
        return _("write something here")
    if any(unicodedata.category(c).startswith("C") for c in value):
        return _("write it on one line, without control characters")
    return None


class Asking:
    """Answers for what is missing: asked for (``ask``), else defaults; each checked."""

    def __init__(self, ask: Ask | None) -> None:
        self.ask = ask

    def need(self, prompt: str, default: str | None, check: Check, option: str) -> str:
        if self.ask is not None:
            return self.ask(prompt, default, check)
        if default is None:
            raise TryggError(_("give {option}").format(option=option))
        return default

    @staticmethod
    def given(value: str, check: Check, option: str | None = None) -> str:
        problem = check(value)
        if problem is not None:
            raise TryggError(f"{option}: {problem}" if option else problem)
        return value

    def either(
        self, value: str | None, prompt: str, default: str | None, check: Check, option: str
    ) -> str:
        """``value`` checked when given, else :meth:`need`."""
        if value:
            return self.given(value, check, option.split()[0])
        return self.need(prompt, default, check, option)


def day_problem(value: str) -> str | None:
    """Why ``value`` is not a date written YYYY-MM-DD, or None."""
    try:
        if _DAY.match(value):
            date.fromisoformat(value)
            return None
    except ValueError:
        pass
    return _("'{value}' is not a date; write it YYYY-MM-DD, for example 2026-01-01").format(
        value=value
    )


def term_of(value: str) -> dict[str, Any] | None:
    """'4 år' → {amount: 4, unit: year}; 'mandatperioden' → {unit: mandate_period}."""
    text = " ".join(value.lower().split())
    if text in _MANDATE:
        return {"amount": 1, "unit": "mandate_period", "text": value.strip()}
    match = _TERM.match(text)
    if match is None:
        return None
    count, word = match.groups()
    amount = int(count) if count.isdigit() else _NUMBERS[count]
    if amount < 1 or amount > 100:
        return None
    return {"amount": amount, "unit": "year" if word == "år" else "month", "text": value.strip()}


def term_problem(value: str) -> str | None:
    if term_of(value) is not None:
        return None
    return _(
        "'{value}' is not a term; write for example '4 år', '18 månader' or 'mandatperioden'"
    ).format(value=value)


def end_check(start: str) -> Check:
    """An end for a period from ``start``: a later date, a term, or 'tills vidare'."""

    def check(value: str) -> str | None:
        if " ".join(value.lower().split()) in _OPEN or term_of(value) is not None:
            return None
        if day_problem(value) is not None:
            return _(
                "'{value}' is not an end; write a date (YYYY-MM-DD), a term such as '4 år' or "
                "'mandatperioden', or 'tills vidare'"
            ).format(value=value)
        return until_check(start)(value)

    return check


def until_check(start: str) -> Check:
    def check(value: str) -> str | None:
        problem = day_problem(value)
        if problem is None and value <= start:
            return _("the period must end after it starts ({start})").format(start=start)
        return problem

    return check


def period(start: str, end: str) -> dict[str, Any]:
    """The period for the template: from, and until, a term or until further notice."""
    if " ".join(end.lower().split()) in _OPEN:
        return {"from": start, "until_further_notice": True}
    term = term_of(end)
    if term is not None:
        return {"from": start, "term": term}
    return {"from": start, "until": end}


@dataclass(frozen=True)
class Place:
    """The municipality a document is for: ``name`` for ``municipality:`` and ids
    ("Motala"), ``party`` as it writes itself ("Motala kommun", "Göteborgs Stad");
    ``known``: one of Sweden's 290 (else a name trygg does not know, written as given)."""

    name: str
    party: str
    known: Municipality | None


def place(value: str) -> Place:
    """The municipality ``value`` names (any of its names or its kommunkod); a name that
    is none is kept as given, its party "… kommun" unless it says kommun, stad or Region."""
    found = find(value)
    if found is not None:
        return Place(found.name, found.official_name, found)
    written = " ".join(value.split())
    if written.lower().endswith(" kommun"):
        return Place(written[: -len(" kommun")], written, None)
    party = written if municipality_type(written) != "kommun" else f"{written} kommun"
    return Place(written, party, None)


def municipality_problem(value: str) -> str | None:
    """Why ``value`` cannot be the municipality: empty, or near a municipality's name but
    not one ("Mölnål", "Motalas kommun"). A name far from all of them is taken as given."""
    problem = text_problem(value)
    if problem is not None or find(value) is not None or is_example(value):
        return problem
    choices = close(value)
    return not_one(value.strip(), choices) if choices else None


def municipality_type(name: str) -> str:
    """'Göteborgs Stad', 'Mölndals stad' → stad; 'Region Gotland' → region; else kommun."""
    words = name.lower().split()
    if words[-1:] == ["stad"]:
        return "stad"
    return "region" if words[:1] == ["region"] else "kommun"


def parties(town: str, ours: str, police: str) -> list[dict[str, str]]:
    """The municipality and the police as parties, with ids from ``town`` (a slug) and types
    from the names."""
    return [
        {"id": town, "name": ours, "type": municipality_type(ours)},
        {"id": f"lpo-{town}", "name": police, "type": police_type(police)},
    ]


def police_type(name: str) -> str:
    """'Polisregion Väst' → polisregion; 'Polisområde Storgöteborg' → polisområde; else
    lokalpolisområde."""
    first = name.lower().split()[:1]
    return {"polisregion": "polisregion", "polisområde": "polisområde"}.get(
        first[0] if first else "", "lokalpolisområde"
    )


def ask_period(
    asking: Asking, kind: str, year: int, given: tuple[str | None, str | None, str | None, bool]
) -> dict[str, Any]:
    """The period (an agreement's validity): from a date; until a date, a term or 'tills
    vidare' — each from its option (``given``: from, until, term, until further notice),
    else asked, else the kind's usual length."""
    start_given, until, term, until_further_notice = given
    start = asking.either(
        start_given, _("From (YYYY-MM-DD)"), f"{year}-01-01", day_problem, "--from"
    )
    ends = [
        (value, option)
        for value, option in (
            (until, "--until"),
            (term, "--term"),
            ("tills vidare" if until_further_notice else None, "--until-further-notice"),
        )
        if value
    ]
    if len(ends) > 1:
        raise TryggError(
            _("give only one of {options}").format(options=", ".join(o for _v, o in ends))
        )
    if ends:
        value, option = ends[0]
        checks = {"--until": until_check(start), "--term": term_problem}
        end = asking.given(value, checks.get(option, end_check(start)), option)
    else:
        years = {"agreement": 3, "action-plan": 0, "citizen-promise": 1}[kind]
        end = asking.need(
            _("Until (YYYY-MM-DD, a term such as '4 år' or 'mandatperioden', or 'tills vidare')"),
            f"{int(start[:4]) + years}-12-31",
            end_check(start),
            "--until",
        )
    return period(start, end)
