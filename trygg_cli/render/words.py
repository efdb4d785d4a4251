"""Swedish wording for rendered documents: dates, cadences, kinds of party, levels, status.

A rendered agreement is a Swedish public document whatever language trygg's own messages
are shown in, so these words are Swedish here and do not go through the translation
function. Cadences are written back the way the seeds write them: "2021 och därefter
vartannat år", "cirka fyra gånger per år", "minst två gånger per år och ytterligare vid
behov", "åtminstone vart fjärde år", "i slutet av varje år", "efter avtalsperiodens
slut"; and "varje tertial", "vid minst nio tillfällen under perioden", "varje sommarlov",
"under hösten 2024", "vid varje möte i Kommunstyrelsens arbetsutskott". Periods: "i fyra
år från 11 maj 2020, till och med 10 maj 2024", "tills en ny överenskommelse ersätter
den". Sentences about what a document holds are in ``sentences``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from trygg_cli.model.common import Period, Term
from trygg_cli.model.dates import add_term, period_start
from trygg_cli.model.documents import ActionPlan, Agreement, CitizenPromise, Document
from trygg_cli.model.schedule import Schedule
from trygg_cli.municipalities import find

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
    "tertial": ("tertial", True, "tertial"),
    "term": ("termin", False, "terminer"),
    "quarter": ("kvartal", True, "kvartal"),
    "month": ("månad", False, "månader"),
    "week": ("vecka", False, "veckor"),
}
# Parts of the year (Schedule.during): the definite form ("under hösten"), the indefinite
# ("varje höst") and whether it is an ett-word ("vartannat sommarlov").
_SEASONS = {
    "spring": ("våren", "vår", False),
    "summer": ("sommaren", "sommar", False),
    "summer_holiday": ("sommarlovet", "sommarlov", True),
    "autumn": ("hösten", "höst", False),
    "winter": ("vintern", "vinter", False),
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
    # Kinds only an actor (a participant who does not sign) has.
    "skola": "Skola",
    "räddningstjänst": "Räddningstjänst",
    "bostadsbolag": "Bostadsbolag",
    "fastighetsägare": "Fastighetsägare",
    "stiftelse": "Stiftelse",
    "förening": "Förening",
    "näringsliv": "Näringsliv",
    "trossamfund": "Trossamfund",
    "myndighet": "Myndighet",
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
    if n == 1 and unit == "year":
        return "årligen"
    return _every_noun(n, noun, neuter)


def _every_noun(n: int, noun: str, neuter: bool) -> str:
    """'varje höst', 'vartannat sommarlov', 'var tredje termin'."""
    if n == 1:
        return f"varje {noun}"
    if n == 2:
        return f"{'vartannat' if neuter else 'varannan'} {noun}"
    ordinal = _ORDINALS.get(n, f"{n}:e")
    return f"{'vart' if neuter else 'var'} {ordinal} {noun}"


def times(n: int, unit: str, per: str | None = None) -> str:
    """'en gång per år', 'fyra gånger per år', 'två gånger per termin'; with ``per``
    'två gånger varje höst'."""
    per = per or f"per {_UNITS[unit][0]}"
    return f"{number(n)} {'gång' if n == 1 else 'gånger'} {per}"


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


def cadence(schedule: Schedule, bodies: Mapping[str, str] | None = None) -> str:
    """The cadence of ``schedule`` in natural Swedish, without its own text or completions;
    ``bodies`` (body id → name) names the body whose meetings a tied schedule follows."""
    if schedule.tied:
        what = _tied(schedule, bodies or {})
    elif schedule.qualifier == "as_needed":
        return "löpande och vid behov"
    elif schedule.times is not None:
        what = _times(schedule, schedule.times)
    elif schedule.every is not None:
        what = _every(schedule, schedule.every)
    else:
        what = _once(schedule)
    if schedule.also_as_needed:
        what = f"{what} och ytterligare vid behov"
    return what


def _tied(schedule: Schedule, bodies: Mapping[str, str]) -> str:
    """'vid varje möte i Kommunstyrelsens arbetsutskott', 'vid skolstart'."""
    if schedule.with_meetings_of is not None:
        name = bodies.get(schedule.with_meetings_of, schedule.with_meetings_of)
        meetings = "vid möten" if schedule.qualifier == "as_needed" else "vid varje möte"
        what = f"{meetings} i {name}"
    else:
        event = schedule.at_event or ""
        said = event.lower().startswith(("vid ", "i samband med ", "inför ", "efter ", "under "))
        what = event if said else f"vid {event}"
    if schedule.qualifier == "as_needed":
        return f"vid behov {what}"
    return f"i regel {what}" if schedule.qualifier == "about" else what


def _times(schedule: Schedule, n: int) -> str:
    """'minst fyra gånger per år', 'vid minst nio tillfällen under perioden',
    'två gånger varje höst'."""
    if schedule.unit == "period":
        count = "ett tillfälle" if n == 1 else f"{number(n)} tillfällen"
        how = {"at_least": "minst ", "about": "cirka "}.get(schedule.qualifier, "")
        what = f"vid {how}{count} under perioden"
    else:
        if schedule.during is not None:
            what = times(n, schedule.unit, per=f"varje {_SEASONS[schedule.during][1]}")
        else:
            what = times(n, schedule.unit)
        if schedule.qualifier == "at_least":
            what = f"minst {what}"
        elif schedule.qualifier == "about":
            what = f"cirka {what}"
    if schedule.first is not None:
        what = f"{what} från och med {occasion(schedule.first)}"
    return what


def _every(schedule: Schedule, n: int) -> str:
    """'vartannat år', 'varje sommarlov', 'i slutet av varje tertial', '2021 och därefter
    vart femte år', 'under sommarlovet 2024 och därefter varje sommarlov'."""
    unit = schedule.unit
    if schedule.during is not None:
        _definite, noun, neuter = _SEASONS[schedule.during]
        what = _every_noun(n, noun, neuter)
    else:
        what = every(n, unit)
    if schedule.at is not None:
        where = "i början" if schedule.at == "start" else "i slutet"
        yearly = n == 1 and schedule.during is None
        span = f"varje {_UNITS[unit][0]}" if yearly else what
        what = f"{where} av {span}"
    if schedule.qualifier == "at_least":
        what = f"åtminstone {what}"
    elif schedule.qualifier == "about":
        what = f"ungefär {what}"
    if schedule.first is not None:
        what = f"{_in_season(schedule) or anchor(schedule.first)} och därefter {what}"
    return what


def _once(schedule: Schedule) -> str:
    """One occasion: 'år 2025', 'den 30 juni 2021', 'under hösten 2024', 'senast vid
    avtalsperiodens slut'."""
    first = schedule.first
    assert first is not None  # the model requires times, every or first
    if isinstance(first, str):
        return _ONCE_AT.get(schedule.qualifier, _EVENTS)[first]
    season = _in_season(schedule)
    if season is not None:
        return f"senast {season}" if schedule.qualifier == "at_least" else season
    what = f"år {first}" if isinstance(first, int) else anchor(first)
    if schedule.qualifier == "at_least":
        what = f"senast {what}"
    elif schedule.qualifier == "about":
        what = f"omkring {what}"
    return what


def _in_season(schedule: Schedule) -> str | None:
    """'under hösten 2024' for a first year in a part of the year, else None."""
    if schedule.during is None or not isinstance(schedule.first, int):
        return None
    return f"under {_SEASONS[schedule.during][0]} {schedule.first}"


def occasion(first: int | date | str) -> str:
    """'2021', '30 juni 2021', 'avtalsperiodens slut': an occasion after "från och med"."""
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


def joined(names: Sequence[str]) -> str:
    """'A', 'A och B', 'A, B och C'."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} och {names[-1]}"


def term(value: Term) -> str:
    """'ett år', 'fyra år', 'en månad', '18 månader', 'mandatperioden', 'två mandatperioder'."""
    if value.unit == "year":
        return "ett år" if value.amount == 1 else f"{number(value.amount)} år"
    if value.unit == "mandate_period":
        return "mandatperioden" if value.amount == 1 else f"{number(value.amount)} mandatperioder"
    return "en månad" if value.amount == 1 else f"{number(value.amount)} månader"


# What a period that runs until it is replaced waits for, by kind of document.
_REPLACED_BY: dict[type[Document], str] = {
    Agreement: "tills en ny överenskommelse ersätter den",
    ActionPlan: "tills en ny åtgärdsplan ersätter den",
    CitizenPromise: "tills ett nytt medborgarlöfte ersätter det",
}


def period(value: Period, document: Document | None = None) -> str:
    """What follows "gäller": 'från och med 1 maj 2023 till och med 31 december 2026',
    'från och med undertecknandet och tills vidare', 'i fyra år från 11 maj 2020, till och
    med 10 maj 2024', 'tills en ny överenskommelse ersätter den' … Extensions are not
    part of it (see :func:`extension`); ``document`` gives a signing date and its kind."""
    open_ended = value.until_further_notice or value.until_replaced
    if value.term is not None and value.end is None and not open_ended:
        return _for_term(value, value.term, document)
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
    elif value.until_replaced:
        kind = type(document) if document is not None else Agreement
        end = _REPLACED_BY.get(kind, _REPLACED_BY[Agreement])
    else:
        end = ""
    return " ".join(part for part in (start, end) if part) or "under en period som inte anges"


def _for_term(value: Period, length: Term, document: Document | None) -> str:
    """'i fyra år från 11 maj 2020, till och med 10 maj 2024', 'under mandatperioden från
    15 oktober 2022, till och med 14 oktober 2026'."""
    what = f"under {term(length)}" if length.unit == "mandate_period" else f"i {term(length)}"
    if value.start is not None:
        what = f"{what} från {long_date(value.start)}"
    elif value.from_signing:
        what = f"{what} från undertecknandet"
    end = original_end(value, document)
    return f"{what}, till och med {long_date(end)}" if end is not None else what


def original_end(value: Period, document: Document | None = None) -> date | None:
    """The end as first decided: ``until``, else the start plus the stated term (the
    extensions decided later are not counted)."""
    if value.end is not None or value.term is None:
        return value.end
    start = period_start(document, value) if document is not None else value.start
    return add_term(start, value.term) if start is not None else None


def municipality(name: str) -> str:
    """The name the municipality writes itself ("Göteborg" → "Göteborgs Stad", "Motala" →
    "Motala kommun"); a name that is none of Sweden's municipalities as written."""
    found = find(name)
    return found.official_name if found is not None else name
