"""Cadences in Swedish as :class:`Schedule` data.

``parse_schedule`` reads a whole cadence ("2021 och därefter vartannat år", "cirka fyra
gånger per år", "vid varje möte i Kommunstyrelsens arbetsutskott") and gives ``None`` when
any word is left over; it reads every sentence :func:`trygg_cli.render.words.cadence`
writes (the round trip is a test). ``find_schedules`` finds the cadences inside running
text ("Gruppen träffas cirka fyra gånger per år.").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date
from typing import Any

from pydantic import ValidationError

from trygg_cli.model.schedule import Schedule
from trygg_cli.phrases import cadence_patterns as p
from trygg_cli.phrases.dates import when
from trygg_cli.phrases.found import Found, number, ordinal

_WORD_START = re.compile(r"(?<!\w)\w")
_END = re.compile(r"\s*[.!]?\s*\Z")
_ID = re.compile(r"[^a-z0-9]+")


class _Read:
    """What has been read of one cadence so far: the fields and where reading stands."""

    def __init__(self, text: str, pos: int, bodies: Mapping[str, str]) -> None:
        self.text = text
        self.pos = pos
        self.bodies = bodies
        self.fields: dict[str, Any] = {}
        self.weak = False

    def take(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        match = pattern.match(self.text, self.pos)
        if match is not None:
            self.pos = match.end()
        return match

    def set(self, key: str, value: Any) -> bool:
        """Set a field; False when the words already said something else for it."""
        if key in self.fields and self.fields[key] != value:
            return False
        self.fields[key] = value
        return True


def _anchor(match: re.Match[str], prefix: str) -> int | date | None:
    """A first occasion written with ``prefix``-named groups: a year or a date."""
    year = match.groupdict().get(f"{prefix}plain")
    if year is not None:
        return int(year)
    found = when(match, prefix)
    return found.first if found is not None and found.precision == "day" else None


def _first(read: _Read) -> bool:
    """'2021 och därefter', 'under hösten 2024 och därefter', 'efter avtalsperiodens slut
    och därefter'."""
    match = read.take(p.FIRST)
    if match is None:
        return True
    if match.group("first_season") is not None:
        read.set("during", p.SEASONS_DEFINITE[match.group("first_season").lower()])
        return read.set("first", int(match.group("first_season_year")))
    if match.group("first_event") is not None:
        return read.set("first", p.EVENTS[match.group("first_event").lower()][0])
    first = _anchor(match, "first_")
    return first is not None and read.set("first", first)


def _what(read: _Read, match: re.Match[str]) -> bool:
    """The unit or the part of the year an 'every' names."""
    if match.group("season") is not None:
        return read.set("during", p.SEASONS[match.group("season").lower()])
    return read.set("unit", p.UNITS[match.group("unit").lower()])


def _every(read: _Read) -> bool:
    at = read.take(p.AT)
    match = read.take(p.EVERY)
    if match is None:
        if at is None and read.take(p.YEAR_END) is not None:
            return read.set("every", 1) and read.set("at", "end")
        return False
    if at is not None and not read.set("at", "start" if at.group("at") == "början" else "end"):
        return False
    if match.group("adverb") is not None:
        return read.set("every", 1) and read.set(
            "unit", p.EVERY_ADVERBS[" ".join(match.group("adverb").lower().split())]
        )
    if match.group("half") is not None:
        return read.set("every", 6) and read.set("unit", "month")
    if match.group("ordinal") is not None:
        n = ordinal(match.group("ordinal"))
    else:
        n = 2 if match.group("other") is not None else 1
    return 1 <= n <= 100 and read.set("every", n) and _what(read, match)


def _times(read: _Read) -> bool:
    match = read.take(p.TIMES)
    if match is None:
        return False
    if match.group("inner") is not None and not read.set(
        "qualifier", p.QUALIFIERS[match.group("inner").lower()]
    ):
        return False
    n = 1 if match.group("one") is not None else number(match.group("count"))
    if n < 1:
        return False
    if match.group("period") is not None:
        unit = "period"
    elif match.group("season") is not None:
        unit = "year"
        if not read.set("during", p.SEASONS[match.group("season").lower()]):
            return False
    else:
        unit = "year" if match.group("yearly") else p.UNITS[match.group("unit").lower()]
    return read.set("times", n) and read.set("unit", unit)


def _tied(read: _Read) -> bool:
    match = read.take(p.TIED)
    if match is None:
        return False
    name = match.group("body").strip()
    key = name.lower()
    found = next((i for i, n in read.bodies.items() if n.lower() == key or i == key), None)
    body = found or _ID.sub("-", _ascii(key)).strip("-")
    if not body:
        return False
    if match.group("about") is not None:
        read.set("qualifier", "about")
    elif match.group("needed") is not None:
        read.set("qualifier", "as_needed")
    return read.set("with_meetings_of", body)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _once(read: _Read) -> bool:
    match = read.take(p.EVENT)
    if match is not None:
        event, qualifier = p.EVENTS[" ".join(match.group("event").lower().split())]
        return read.set("first", event) and read.set("qualifier", qualifier)
    match = read.take(p.ONCE)
    if match is None:
        return False
    read.weak = True  # a year or a date alone is a cadence only where a sentence says so
    if match.group("qualifier") is not None and not read.set(
        "qualifier", "at_least" if match.group("qualifier").lower() == "senast" else "about"
    ):
        return False
    if match.group("season") is not None:
        read.set("during", p.SEASONS_DEFINITE[match.group("season").lower()])
        return read.set("first", int(match.group("season_year")))
    first = _anchor(match, "date_") if match.group("year") is None else int(match.group("year"))
    return first is not None and read.set("first", first)


def _as_needed(read: _Read) -> bool:
    match = read.take(p.AS_NEEDED)
    if match is None:
        return False
    read.weak = match.group("strong") is None
    return read.set("qualifier", "as_needed")


def _from(read: _Read) -> bool:
    match = read.take(p.FROM)
    if match is None:
        return True
    event = match.group("from_event")
    if event is not None:
        return read.set("first", p.FROM_EVENTS[" ".join(event.lower().split())])
    first = _anchor(match, "from_")
    return first is not None and read.set("first", first)


def _read_at(text: str, pos: int, bodies: Mapping[str, str]) -> _Read | None:
    """One cadence read from ``pos``: prefix, qualifier, the cadence itself, suffixes."""
    read = _Read(text, pos, bodies)
    if not _first(read):
        return None
    prefixed = read.pos != pos
    qualifier = read.take(p.QUALIFIER)
    if qualifier is not None:
        read.set("qualifier", p.QUALIFIERS[qualifier.group("qualifier").lower()])
    for core in (_tied, _times, _every, _once, _as_needed):
        start, saved = read.pos, dict(read.fields)
        if core(read):
            break
        read.pos, read.fields, read.weak = start, saved, False
    else:
        return None
    if prefixed and "every" not in read.fields:
        return None
    if "times" in read.fields and not _from(read):
        return None
    if read.take(p.ALSO_AS_NEEDED) is not None:
        read.set("also_as_needed", True)
    return read


def _schedule(fields: Mapping[str, Any]) -> Schedule | None:
    try:
        return Schedule.model_validate(dict(fields))
    except ValidationError:
        return None


def parse_schedule(text: str, bodies: Mapping[str, str] | None = None) -> Schedule | None:
    """``text`` as one whole cadence, or None when it is not one (a word left over).

    ``bodies`` (id → name) gives the id of a body named in "vid varje möte i …"; a name
    not among them becomes an id of its words.
    """
    bodies = bodies or {}
    read = _read_at(text, 0, bodies)
    if read is not None and _END.match(text, read.pos):
        return _schedule(read.fields)
    event = _event(text)
    if event is None:
        return None
    return _schedule({"at_event": event[0], "qualifier": event[1]})


def _event(text: str) -> tuple[str, str] | None:
    """('skolstart', 'exact') for 'vid skolstart', ('inför sommarlovet', 'about') for 'i
    regel inför sommarlovet': an outside event, and how sure."""
    text = text.strip().rstrip(".")
    qualifier = "exact"
    for words, name in (("i regel ", "about"), ("vid behov ", "as_needed")):
        if text.lower().startswith(words):
            text, qualifier = text[len(words) :], name
    if not p.EVENT_WORDS.match(text):
        return None
    return (text[4:] if text.lower().startswith("vid ") else text), qualifier


def find_schedules(text: str, bodies: Mapping[str, str] | None = None) -> list[Found[Schedule]]:
    """Every cadence in running ``text``, left to right, with the fields its words state.

    Words that say a cadence only in passing ("vid behov", "löpande", a year alone) give a
    ``weak`` reading."""
    bodies = bodies or {}
    found: list[Found[Schedule]] = []
    pos = 0
    for word in _WORD_START.finditer(text):
        if word.start() < pos:
            continue
        read = _read_at(text, word.start(), bodies)
        if read is None:
            continue
        schedule = _schedule(read.fields)
        if schedule is not None:
            end = len(text[: read.pos].rstrip())
            found.append(Found(word.start(), end, schedule, frozenset(read.fields), read.weak))
            pos = read.pos
    return found
