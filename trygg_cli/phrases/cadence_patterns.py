"""The words of cadences, as regular expressions: units, seasons, qualifiers, events and
each shape of a cadence. :mod:`.cadences` reads with them; every pattern is matched at a
position (``pattern.match(text, pos)``) and starts by skipping white space."""

from __future__ import annotations

import re

from trygg_cli.phrases.dates import DATE, YEAR, named
from trygg_cli.phrases.found import NUMBER, ORDINAL, alternatives

FLAGS = re.IGNORECASE

# A unit's nouns (indefinite and definite) → Schedule.unit.
UNITS = {
    "år": "year",
    "året": "year",
    "kalenderår": "year",
    "termin": "term",
    "terminen": "term",
    "tertial": "tertial",
    "tertialet": "tertial",
    "kvartal": "quarter",
    "kvartalet": "quarter",
    "månad": "month",
    "månaden": "month",
    "vecka": "week",
    "veckan": "week",
}
# Adverbs that say "every one of a unit".
EVERY_ADVERBS = {
    "årligen": "year",
    "årsvis": "year",
    "på årsbasis": "year",
    "år för år": "year",
    "månatligen": "month",
    "månadsvis": "month",
    "kvartalsvis": "quarter",
    "veckovis": "week",
    "varje vecka": "week",
    "terminsvis": "term",
    "tertialvis": "tertial",
}
# Parts of the year: indefinite ("varje höst") and definite ("under hösten") → during.
SEASONS = {
    "vår": "spring",
    "sommar": "summer",
    "sommarlov": "summer_holiday",
    "höst": "autumn",
    "vinter": "winter",
}
SEASONS_DEFINITE = {
    "våren": "spring",
    "sommaren": "summer",
    "sommarlovet": "summer_holiday",
    "hösten": "autumn",
    "vintern": "winter",
}
# The whole period, for "vid minst nio tillfällen under perioden".
PERIOD_WORDS = (
    "perioden",
    "avtalsperioden",
    "löftesperioden",
    "planperioden",
    "överenskommelseperioden",
    "giltighetstiden",
    "överenskommelsens giltighetstid",
)
QUALIFIERS = {
    "åtminstone": "at_least",
    "minst": "at_least",
    "som minst": "at_least",
    "cirka": "about",
    "ca.": "about",
    "ca": "about",
    "c:a": "about",
    "omkring": "about",
    "ungefär": "about",
    "runt": "about",
}
# A single occasion at one of the document's own events, by its words: (event, qualifier).
EVENTS = {
    "efter avtalsperiodens slut": ("validity_end", "exact"),
    "efter periodens slut": ("validity_end", "exact"),
    "vid avtalsperiodens slut": ("validity_end", "exact"),
    "vid periodens slut": ("validity_end", "exact"),
    "vid löftesperiodens slut": ("validity_end", "exact"),
    "när avtalsperioden löpt ut": ("validity_end", "exact"),
    "när perioden löpt ut": ("validity_end", "exact"),
    "när perioden är slut": ("validity_end", "exact"),
    "varefter en slutlig uppföljning": ("validity_end", "exact"),
    "varefter en slutlig utvärdering": ("validity_end", "exact"),
    "senast vid avtalsperiodens slut": ("validity_end", "at_least"),
    "senast vid periodens slut": ("validity_end", "at_least"),
    "i samband med att avtalsperioden slutar": ("validity_end", "about"),
    "i samband med att perioden slutar": ("validity_end", "about"),
    "vid undertecknandet": ("signing", "exact"),
    "vid undertecknande": ("signing", "exact"),
    "senast vid undertecknandet": ("signing", "at_least"),
    "i samband med undertecknandet": ("signing", "about"),
    "när avtalsperioden börjar": ("validity_start", "exact"),
    "när perioden börjar": ("validity_start", "exact"),
    "vid avtalsperiodens början": ("validity_start", "exact"),
    "senast när avtalsperioden börjar": ("validity_start", "at_least"),
    "i samband med att avtalsperioden börjar": ("validity_start", "about"),
}
# What follows "från och med" when a cadence starts at an event.
FROM_EVENTS = {
    "undertecknandet": "signing",
    "avtalsperiodens början": "validity_start",
    "avtalsperiodens slut": "validity_end",
}

_S = r"\s+"
_UNIT = alternatives(UNITS)
_SEASON = alternatives(SEASONS)
_SEASON_DEF = alternatives(SEASONS_DEFINITE)
_WHAT = rf"(?:(?P<unit>{_UNIT})|(?P<season>{_SEASON}))"
_COUNTED = r"(?:gång|gånger|tillfälle|tillfällen|möte|möten|träffar|sammanträden)"
_PERIOD = alternatives(PERIOD_WORDS)


def _compile(pattern: str, whole_word: bool = True) -> re.Pattern[str]:
    return re.compile(r"\s*" + pattern + (r"(?!\w)" if whole_word else ""), FLAGS)


QUALIFIER = _compile(rf"(?P<qualifier>{alternatives(QUALIFIERS)})")
FIRST = _compile(
    r"(?:första\s+gången\s+|med\s+start\s+)?"
    rf"(?:under{_S}(?P<first_season>{_SEASON_DEF}){_S}(?P<first_season_year>{YEAR})"
    rf"|(?:år{_S})?(?P<first_plain>{YEAR})(?![-0-9])"
    rf"|(?:den{_S})?{named(DATE, 'first_')}"
    rf"|(?P<first_event>{alternatives([e for e, (_, q) in EVENTS.items() if q == 'exact'])}))"
    rf"(?:,)?{_S}och{_S}(?:därefter|sedan|därpå|sen){_S}",
    whole_word=False,
)
EVERY = _compile(
    rf"(?:(?P<adverb>{alternatives(EVERY_ADVERBS)})"
    rf"|(?P<half>varje{_S}halvår|halvårsvis)"
    rf"|(?:varje|(?P<other>vartannat|varannan)|vart?{_S}(?P<ordinal>{ORDINAL})){_S}{_WHAT})"
)
AT = _compile(r"i\s+(?P<at>början|slutet)\s+av")
YEAR_END = _compile(r"(?:vid|inför)\s+(?:varje\s+)?(?:årsskiftet|års\s*slut|årets\s+slut)")
TIMES = _compile(
    rf"(?:vid{_S}(?:(?P<inner>{alternatives(QUALIFIERS)}){_S})?)?"
    rf"(?:(?P<one>ett{_S}tillfälle)|(?P<count>{NUMBER}){_S}{_COUNTED})"
    rf"{_S}(?:(?:per|om|i|varje|under|kring){_S}(?:(?P<unit>{_UNIT})|(?P<period>{_PERIOD}))"
    rf"|varje{_S}(?P<season>{_SEASON})|(?P<yearly>årligen))"
)
AS_NEEDED = _compile(
    r"(?:(?P<strong>löpande\s+och\s+(?:vid|efter)\s+behov|fortlöpande\s+och\s+vid\s+behov)"
    r"|vid\s+behov|efter\s+behov|när\s+behov\s+(?:finns|uppstår)|utifrån\s+behov"
    r"|enligt\s+(?:\w+\s+){0,4}?behov|fortlöpande|löpande|kontinuerligt)"
)
TIED = _compile(
    r"(?:(?P<about>i\s+regel)\s+|(?P<needed>vid\s+behov)\s+)?"
    r"(?:vid|till|på)\s+(?:varje|alla|samtliga)?\s*(?:möte|möten|sammanträde|sammanträden)\s+(?:i|med)\s+"
    r"(?P<body>(?:[^.;:\n]|:(?=\w))+?)(?=\s+och\s+ytterligare|\s*(?:[.;\n]|:(?!\w))|\s*$)"
)
ONCE = _compile(
    rf"(?:(?P<qualifier>senast|omkring){_S})?"
    rf"(?:under{_S}(?P<season>{_SEASON_DEF}){_S}(?P<season_year>{YEAR})"
    rf"|(?:år|under\s+år|under){_S}(?P<year>{YEAR})(?![-0-9])"
    rf"|den{_S}{named(DATE, 'date_')})"
)
EVENT = _compile(rf"(?P<event>{alternatives(EVENTS)})")
FROM = _compile(
    rf"från{_S}och{_S}med{_S}(?:(?P<from_event>{alternatives(FROM_EVENTS)})"
    rf"|(?P<from_plain>{YEAR})(?![-0-9])|{named(DATE, 'from_')})"
)
ALSO_AS_NEEDED = _compile(
    r"(?:,\s*)?(?:och|samt)\s+(?:ytterligare|därutöver|däremellan|dessutom)?\s*vid\s+behov"
)
EVENT_WORDS = re.compile(r"(?:vid|i samband med|inför|efter|under)\s+\S", FLAGS)
