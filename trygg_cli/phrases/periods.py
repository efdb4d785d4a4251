"""Periods and terms in Swedish as :class:`Period` data.

"gäller för perioden 2023-05-01 – 2026-12-31", "fr.o.m. 1 maj 2023 t.o.m. 31 december
2026", "2023–2026", "gäller fr.o.m. datum för underskrift tills vidare", "tecknas för en
period om fyra år", "under mandatperioden", "förlängs till och med 2027-12-31", "gäller
tills en ny överenskommelse ersätter den".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from pydantic import ValidationError

from trygg_cli.model.common import Extension, Period, Term
from trygg_cli.phrases.dates import DATE, YEAR, When, named, when
from trygg_cli.phrases.found import NUMBER, number

_F = re.IGNORECASE
_S = r"\s+"
_FROM = r"(?:fr\.?\s*o\.?\s*m\.?|från\s+och\s+med|från|fr\s+om|med\s+start|med\s+början)"
_UNTIL = r"(?:t\.?\s*o\.?\s*m\.?|till\s+och\s+med|till\s+den|fram\s+till|längst\s+till|till)"
_DASH = r"\s*[–—-]\s*"
_KINDS = r"(?:överenskommelse|åtgärdsplan|handlingsplan|medborgarlöfte|plan|avtal)\w*"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, _F))
    for name, pattern in (
        (
            "extension",
            rf"förläng\w*{_S}(?:\w+{_S}){{0,4}}?{_UNTIL}{_S}(?:den{_S})?{named(DATE, 'a_')}",
        ),
        (
            "extension_term",
            rf"förläng\w*{_S}(?:\w+{_S}){{0,3}}?med{_S}(?P<n>{NUMBER}){_S}"
            r"(?P<unit>år|månader|månad)(?!\w)",
        ),
        (
            "range",
            rf"(?:{_FROM}{_S})?(?:den{_S})?{named(DATE, 'a_')}"
            rf"(?:{_S}{_UNTIL}{_S}|{_DASH})(?:den{_S})?{named(DATE, 'b_')}",
        ),
        (
            "signing",
            rf"{_FROM}{_S}(?:datum{_S}för{_S}underskrift\w*|(?:den{_S}dag{_S}(?:då{_S})?)?"
            rf"(?:undertecknande\w*|underskrift\w*)|(?:det{_S})?att{_S}\w+{_S}(?:under)?tecknats)",
        ),
        ("start", rf"(?<!\w){_FROM}{_S}(?:den{_S})?{named(DATE, 'a_')}"),
        ("end", rf"(?<!\w){_UNTIL}{_S}(?:den{_S})?{named(DATE, 'a_')}"),
        (
            "years",
            rf"(?<![0-9-])(?P<y1>{YEAR})(?:\s*[–—/]\s*|-|{_S}till{_S}(?:och{_S}med{_S})?)"
            r"(?P<y2>(?:19|20)?[0-9]{2})(?![0-9-])",
        ),
        ("end_year", rf"(?<!\w){_UNTIL}{_S}(?:år{_S})?(?P<y>{YEAR})(?![0-9-])"),
        ("one_year", rf"(?<!\w)för{_S}(?:år{_S})?(?P<y>{YEAR})(?![0-9-])"),
        (
            "replaced",
            rf"(?:tills?|till{_S}dess){_S}(?:att{_S})?(?:ett?{_S})?nytt?{_S}(?:\w+{_S}){{0,3}}?"
            rf"{_KINDS}{_S}(?:\w+{_S}){{0,3}}?(?:ersätter|ersatt|har{_S}(?:antagits|tecknats|"
            r"beslutats|undertecknats)|antas|tecknas|beslutas)",
        ),
        ("further", r"(?<!\w)tills?\s*vidare(?!\w)"),
        ("mandate", rf"(?:(?P<n>{NUMBER}){_S})?mandatperiod(?:en|er)?(?!\w)"),
        (
            "term",
            rf"(?<!\w)(?:(?:en|ett){_S})?(?:period|tid|avtalsperiod|avtalstid){_S}"
            rf"(?:om|av|på|{_DASH}\s*vanligtvis){_S}(?P<n>{NUMBER}){_S}(?P<unit>år|månader|månad)"
            r"(?!\w)",
        ),
        ("term_adjective", r"(?<!\w)(?P<n>två|tre|fyra|fem|sex|[0-9])-?(?P<unit>år)ig(?:a|t)?"),
        (
            "term_said",
            rf"(?<!\w)(?:under|i|för|över|sträcker{_S}sig{_S}över){_S}(?P<n>{NUMBER}){_S}"
            r"(?P<unit>år|månader|månad)(?!\w)",
        ),
    )
)
# A length said with "under", "i", "för" is a period's only where the text speaks of one.
_ABOUT_PERIOD = re.compile(r"gäller|gälla|löper|tecknas|sträcker|giltig|period|avtalstid", _F)


@dataclass(frozen=True)
class PeriodReading:
    """What a text says of a period; ``said`` is where each field was read, as
    (field, start, end); ``conflicts`` names fields the text gives two different values."""

    start: When | None = None
    end: When | None = None
    from_signing: bool = False
    until_further_notice: bool = False
    until_replaced: bool = False
    term: Term | None = None
    extension: When | None = None
    extension_term: Term | None = None
    said: tuple[tuple[str, int, int], ...] = ()
    conflicts: frozenset[str] = field(default_factory=frozenset)

    @property
    def empty(self) -> bool:
        return not self.said

    def where(self, name: str) -> tuple[int, int] | None:
        """Where the text says ``name``."""
        return next(((s, e) for n, s, e in self.said if n == name), None)

    def period(self) -> Period | None:
        """The reading as a :class:`Period` (the first and the last day the words can
        mean), or None when the words together are not one the model accepts."""
        values: dict[str, Any] = {
            "from_signing": self.from_signing,
            "until_further_notice": self.until_further_notice and self.end is None,
            "until_replaced": self.until_replaced and self.end is None,
        }
        if self.start is not None:
            values["from"] = self.start.first
        if self.end is not None:
            values["until"] = self.end.last
        if self.term is not None:
            values["term"] = self.term
        if self.extension is not None and self.end is not None:
            values["extensions"] = [Extension(until=self.extension.last)]
        try:
            return Period.model_validate(values)
        except ValidationError:
            return None


def _term(match: re.Match[str], text: str) -> Term | None:
    amount = number(match.group("n")) if match.group("n") else 1
    unit = match.group("unit").lower()
    if not 1 <= amount <= 100:
        return None
    return Term(amount=amount, unit="year" if unit == "år" else "month", text=text)


def _value(name: str, match: re.Match[str], text: str) -> tuple[str, Any] | None:
    """The field ``name``'s match says, as (field, value); None when it says nothing."""
    if name in ("extension", "start", "end"):
        found = when(match, "a_")
        return ({"start": "start", "end": "end"}.get(name, name), found) if found else None
    if name == "extension_term":
        return ("extension_term", _term(match, text))
    if name in ("end_year", "one_year"):
        year = When.year(int(match.group("y")))
        return ("end", year) if name == "end_year" else ("years", (year, year))
    if name == "years":
        first, second = int(match.group("y1")), match.group("y2")
        last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
        return ("years", (When.year(first), When.year(last))) if 0 < last - first <= 20 else None
    if name == "range":
        a, b = when(match, "a_"), when(match, "b_")
        return ("years", (a, b)) if a and b and a.first <= b.last else None
    if name in ("term", "term_said", "term_adjective"):
        return ("term", _term(match, text))
    if name == "mandate":
        amount = number(match.group("n")) if match.group("n") else 1
        return ("term", Term(amount=amount, unit="mandate_period", text=text))
    flag = {"signing": "from_signing", "further": "until_further_notice"}
    return (flag.get(name, "until_replaced"), True)


def read_period(text: str) -> PeriodReading:
    """Everything ``text`` says of a period; an empty reading when it says nothing."""
    taken: list[tuple[int, int]] = []
    reading = PeriodReading()
    for name, pattern in _PATTERNS:
        if name == "term_said" and not _ABOUT_PERIOD.search(text):
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            said = _value(name, match, text[start:end].strip())
            if said is None or said[1] is None:
                continue
            taken.append((start, end))
            reading = _with(reading, *said, start, end)
    return reading


def _with(reading: PeriodReading, key: str, value: Any, start: int, end: int) -> PeriodReading:
    """``reading`` with ``key`` said (a range says both ends) at ``start``–``end``."""
    pairs = [("start", value[0]), ("end", value[1])] if key == "years" else [(key, value)]
    for name, said in pairs:
        old = getattr(reading, name)
        if old not in (None, False) and old != said:
            reading = replace(reading, conflicts=reading.conflicts | {name})
            continue
        reading = replace(reading, **{name: said}, said=(*reading.said, (name, start, end)))
    return reading
