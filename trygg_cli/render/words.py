"""Swedish wording for rendered documents: dates, cadences, kinds of party, levels, status.

A rendered agreement is a Swedish public document whatever language trygg's own messages
are shown in, so these words are Swedish here and do not go through the translation
function. Cadences are written back the way the seeds write them: "2021 och därefter
vartannat år", "cirka fyra gånger per år", "minst två gånger per år och ytterligare vid
behov", "åtminstone vart fjärde år", "i slutet av varje år", "efter avtalsperiodens slut".
"""

from __future__ import annotations

from datetime import date

from trygg_cli.model.common import Period, Term
from trygg_cli.model.schedule import Schedule

MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)

# Numbers as words up to twelve, as Swedish style guides write small numbers in text.
_NUMBERS = (
    "noll",
    "en",
    "två",
    "tre",
    "fyra",
    "fem",
    "sex",
    "sju",
    "åtta",
    "nio",
    "tio",
    "elva",
    "tolv",
)
_ORDINALS = {
    3: "tredje",
    4: "fjärde",
    5: "femte",
    6: "sjätte",
    7: "sjunde",
    8: "åttonde",
    9: "nionde",
    10: "tionde",
    11: "elfte",
    12: "tolfte",
}
# Each unit: its noun, whether it is an ett-word (neuter: "vartannat år", "vart tredje
# år") or an en-word ("varannan termin", "var tredje termin"), and its plural.
_UNITS = {
    "year": ("år", True, "år"),
    "term": ("termin", False, "terminer"),
    "quarter": ("kvartal", True, "kvartal"),
    "month": ("månad", False, "månader"),
    "week": ("vecka", False, "veckor"),
}
_EVENTS = {
    "signing": "vid undertecknandet",
    "validity_start": "när avtalsperioden börjar",
    "validity_end": "efter avtalsperiodens slut",
}

PARTY_TYPES = {
    "kommun": "Kommun",
    "stad": "Stad",
    "stadsdelsförvaltning": "Stadsdelsförvaltning",
    "förvaltning": "Förvaltning",
    "bolag": "Bolag",
    "region": "Region",
    "polisregion": "Polisregion",
    "polisområde": "Polisområde",
    "lokalpolisområde": "Lokalpolisområde",
    "annan": "Annan",
}
LEVELS = {
    "strategisk": "Strategisk nivå",
    "taktisk": "Taktisk nivå",
    "operativ": "Operativ nivå",
}
STATUS = {
    "planned": "Planerad",
    "ongoing": "Pågår",
    "done": "Klar",
    "postponed": "Uppskjuten",
    "cancelled": "Struken",
}


def long_date(day: date) -> str:
    """'15 november 2018'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def number(n: int) -> str:
    """'fyra' for 4; digits from 13 on."""
    return _NUMBERS[n] if 0 <= n < len(_NUMBERS) else str(n)


def every(n: int, unit: str) -> str:
    """'årligen', 'varje termin', 'vartannat år', 'varannan månad', 'vart femte år'."""
    noun, neuter, _plural = _UNITS[unit]
    if n == 1:
        return "årligen" if unit == "year" else f"varje {noun}"
    if n == 2:
        return f"{'vartannat' if neuter else 'varannan'} {noun}"
    ordinal = _ORDINALS.get(n, f"{n}:e")
    return f"{'vart' if neuter else 'var'} {ordinal} {noun}"


def times(n: int, unit: str) -> str:
    """'en gång per år', 'fyra gånger per år', 'två gånger per termin'."""
    noun = _UNITS[unit][0]
    return f"{number(n)} {'gång' if n == 1 else 'gånger'} per {noun}"


def anchor(first: int | date | str) -> str:
    """'2021', 'den 30 juni 2021', 'efter avtalsperiodens slut'."""
    if isinstance(first, int):
        return str(first)
    if isinstance(first, date):
        return f"den {long_date(first)}"
    return _EVENTS[first]


# A single occasion at an event, by qualifier: exact, at the latest, about.
_ONCE_AT = {
    "exact": _EVENTS,
    "at_least": {
        "signing": "senast vid undertecknandet",
        "validity_start": "senast när avtalsperioden börjar",
        "validity_end": "senast vid avtalsperiodens slut",
    },
    "about": {
        "signing": "i samband med undertecknandet",
        "validity_start": "i samband med att avtalsperioden börjar",
        "validity_end": "i samband med att avtalsperioden slutar",
    },
}


def cadence(schedule: Schedule) -> str:
    """The cadence of ``schedule`` in natural Swedish, without its own text or completions."""
    if schedule.qualifier == "as_needed":
        return "löpande och vid behov"
    unit = schedule.unit
    if schedule.times is not None:
        what = times(schedule.times, unit)
        if schedule.qualifier == "at_least":
            what = f"minst {what}"
        elif schedule.qualifier == "about":
            what = f"cirka {what}"
        if schedule.first is not None:
            what = f"{what} från och med {_from(schedule.first)}"
    elif schedule.every is not None:
        what = every(schedule.every, unit)
        if schedule.at is not None:
            where = "i början" if schedule.at == "start" else "i slutet"
            span = f"varje {_UNITS[unit][0]}" if schedule.every == 1 else what
            what = f"{where} av {span}"
        if schedule.qualifier == "at_least":
            what = f"åtminstone {what}"
        elif schedule.qualifier == "about":
            what = f"ungefär {what}"
        if schedule.first is not None:
            what = f"{anchor(schedule.first)} och därefter {what}"
    else:
        first = schedule.first
        assert first is not None  # the model requires times, every or first
        if isinstance(first, str):
            what = _ONCE_AT.get(schedule.qualifier, _EVENTS)[first]
        else:
            what = f"år {first}" if isinstance(first, int) else anchor(first)
            if schedule.qualifier == "at_least":
                what = f"senast {what}"
            elif schedule.qualifier == "about":
                what = f"omkring {what}"
    if schedule.also_as_needed:
        what = f"{what} och ytterligare vid behov"
    return what


def _from(first: int | date | str) -> str:
    if isinstance(first, int):
        return str(first)
    if isinstance(first, date):
        return long_date(first)
    return {
        "signing": "undertecknandet",
        "validity_start": "avtalsperiodens början",
        "validity_end": "avtalsperiodens slut",
    }[first]


def sentence(text: str) -> str:
    """``text`` with a capital first letter and a full stop: a cadence as a sentence."""
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def term(value: Term) -> str:
    """'ett år', 'fyra år', 'en månad', '18 månader'."""
    if value.unit == "year":
        return "ett år" if value.amount == 1 else f"{number(value.amount)} år"
    return "en månad" if value.amount == 1 else f"{number(value.amount)} månader"


def period(value: Period) -> str:
    """What follows "gäller": 'från och med 1 maj 2023 till och med 31 december 2026',
    'från och med undertecknandet och tills vidare', 'från och med 1 maj 2023 i fyra år' …"""
    if value.start is not None:
        start = f"från och med {long_date(value.start)}"
    elif value.from_signing:
        start = "från och med undertecknandet"
    else:
        start = ""
    if value.end is not None:
        end = f"till och med {long_date(value.end)}"
    elif value.until_further_notice:
        end = "och tills vidare" if start else "tills vidare"
    elif value.term is not None:
        end = f"i {term(value.term)}"
    else:
        end = ""
    return " ".join(part for part in (start, end) if part) or "under en period som inte anges"
