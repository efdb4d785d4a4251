"""Building blocks shared by every document kind: ids, dates, parties, periods, schedules.

Keys are English, values (names, prose) Swedish, as in publiccode.yml. Every field carries a
Swedish description: it becomes the hover text in the coordinator's editor through the
generated JSON Schema in ``schemas/``.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from trygg_cli.i18n import N_

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_ID = re.compile(r"[a-z0-9][a-z0-9_.-]*\Z")


# Messages of the model's own checks, by error type; check.py translates them with _().
MESSAGES: dict[str, str] = {
    "trygg_date_impossible": N_(
        "'{value}' is not a date that exists; check the month (01–12) and the day"
    ),
    "trygg_date_format": N_(
        "'{value}' is not a date; write dates as YYYY-MM-DD, for example 2023-05-01"
    ),
    "trygg_id": N_(
        "'{value}' is not a usable id; use lowercase a–z, digits and '-', for example 'unga-i-riskzon'"
    ),
    "trygg_anchor": N_(
        "'{value}' is not a starting point; write a year (2021), a date (2021-06-30) or one of: signing, validity_start, validity_end"
    ),
    "trygg_period": N_(
        "a period cannot both end ('until') and run until further notice ('until_further_notice: true'); keep one of them"
    ),
    "trygg_schedule_as_needed": N_(
        "a schedule 'as_needed' has no fixed times; remove 'times' and 'every' or choose another qualifier"
    ),
    "trygg_schedule_times_and_every": N_(
        "give either 'times' (so many times per unit) or 'every' (every N units), not both"
    ),
    "trygg_schedule_when": N_(
        "this schedule does not say when; add 'times' and 'unit' (e.g. four times a year), 'every' (e.g. every 2 years), 'first' for a single occasion, or 'qualifier: as_needed'"
    ),
    "trygg_responsible": N_(
        "say who: give 'party' (a party's id) or 'body' (a governance body's id)"
    ),
}


def _fail(kind: str, **ctx: Any) -> PydanticCustomError:
    return PydanticCustomError(kind, MESSAGES[kind], ctx or None)


class Model(BaseModel):
    """Base of every trygg model: unknown keys are errors, no silent type coercion."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=False)


def _to_date(value: Any) -> Any:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise _fail("trygg_date_impossible", value=value) from None
    raise _fail("trygg_date_format", value=value)


def _to_id(value: Any) -> Any:
    if isinstance(value, str) and _ID.match(value):
        return value
    raise _fail("trygg_id", value=value)


Date = Annotated[date, BeforeValidator(_to_date)]
Id = Annotated[
    str,
    BeforeValidator(_to_id),
    WithJsonSchema({"type": "string", "pattern": _ID.pattern[:-2] + "$"}),
]
Text = Annotated[str, StringConstraints(min_length=1)]

PartyType = Literal[
    "kommun",
    "stad",
    "stadsdelsförvaltning",
    "förvaltning",
    "bolag",
    "region",
    "polisregion",
    "polisområde",
    "lokalpolisområde",
    "annan",
]
Level = Literal["strategisk", "taktisk", "operativ"]
Unit = Literal["year", "term", "quarter", "month", "week"]
Qualifier = Literal["exact", "about", "at_least", "as_needed"]
Event = Literal["signing", "validity_start", "validity_end"]
EVENTS: tuple[str, ...] = ("signing", "validity_start", "validity_end")


def _to_anchor(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2200:
        return value
    if isinstance(value, str) and value in EVENTS:
        return value
    if isinstance(value, date) or (isinstance(value, str) and _DATE.match(value)):
        return _to_date(value)
    raise _fail("trygg_anchor", value=value)


Anchor = Annotated[
    int | date | str,
    BeforeValidator(_to_anchor),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 1900, "maximum": 2200},
                {"type": "string", "format": "date"},
                {"enum": list(EVENTS)},
            ]
        }
    ),
]


class Party(Model):
    """A signing organisation."""

    id: Id = Field(
        description="Kort id för parten, som andra delar hänvisar till, t.ex. 'molndals-stad'."
    )
    name: Text = Field(
        description="Partens namn, t.ex. 'Mölndals stad' eller 'Lokalpolisområde Storgöteborg Syd'."
    )
    type: PartyType = Field(
        description="Slag av organisation: kommun, stad, stadsdelsförvaltning, förvaltning, bolag, "
        "region, polisregion, polisområde, lokalpolisområde eller annan."
    )


class Signatory(Model):
    """Who signs on behalf of a party."""

    name: Text = Field(description="Undertecknarens namn.")
    title: Text = Field(
        description="Undertecknarens titel, t.ex. 'Polisområdeschef' eller 'Kommunstyrelsens ordförande'."
    )
    party: Id = Field(description="Id för den part undertecknaren företräder.")
    signed: Date | None = Field(
        None,
        description="Datum för underskrift (ÅÅÅÅ-MM-DD). Utelämna om dokumentet inte är undertecknat än.",
    )
    place: Text | None = Field(None, description="Ort för underskriften, t.ex. 'Göteborg'.")


class Term(Model):
    """A stated length, such as 'en period om fyra år', kept as data."""

    amount: int = Field(ge=1, description="Antal, t.ex. 4 för 'fyra år'.")
    unit: Literal["year", "month"] = Field(description="Enhet: year (år) eller month (månader).")
    text: Text | None = Field(
        None, description="Formuleringen i dokumentet, t.ex. 'en period om fyra år'."
    )


class Period(Model):
    """When something applies: from, until, or open-ended ('tills vidare')."""

    start: Date | None = Field(None, alias="from", description="Gäller från och med (ÅÅÅÅ-MM-DD).")
    end: Date | None = Field(None, alias="until", description="Gäller till och med (ÅÅÅÅ-MM-DD).")
    from_signing: bool = Field(
        False,
        description="Sant om perioden börjar vid underskrift ('fr.o.m. datum för underskrift').",
    )
    until_further_notice: bool = Field(
        False, description="Sant om perioden löper tills vidare, utan slutdatum."
    )
    term: Term | None = Field(
        None, description="Uttalad längd, t.ex. fyra år, som den står i texten."
    )
    text: Text | None = Field(
        None, description="Formuleringen i dokumentet, t.ex. 'Överenskommelsen löper tills vidare.'"
    )

    @model_validator(mode="after")
    def _end_or_open(self) -> Period:
        if self.end is not None and self.until_further_notice:
            raise _fail("trygg_period")
        return self


class Completion(Model):
    """A recorded occurrence: the date it was actually done."""

    date: Date = Field(description="Datum då det genomfördes (ÅÅÅÅ-MM-DD).")
    occurrence: Anchor | None = Field(
        None,
        description="Vilket planerat tillfälle detta avser, som år (2021) eller datum, om det "
        "inte är det närmast föregående.",
    )
    note: Text | None = Field(None, description="Kort anteckning, t.ex. var protokollet finns.")

    @model_validator(mode="before")
    @classmethod
    def _bare_date(cls, data: Any) -> Any:
        return {"date": data} if isinstance(data, str | date) else data


class Schedule(Model):
    """A cadence as the documents state it, held as data so that due dates can be computed.

    Examples: ``first: 2021, every: 2`` ("2021 och därefter vartannat år");
    ``times: 4, unit: year, qualifier: about`` ("cirka fyra gånger per år");
    ``times: 2, unit: term`` ("två gånger per termin");
    ``every: 1, at: end`` ("i slutet av varje år"); ``first: validity_end``
    ("efter avtalsperiodens slut"); ``qualifier: as_needed`` ("löpande och efter behov").
    """

    text: Text | None = Field(
        None,
        description="Formuleringen i dokumentet, t.ex. 'En uppföljning görs 2021 och därefter vartannat år.'",
    )
    first: Anchor | None = Field(
        None,
        description="Första tillfället: ett år (2021), ett datum (2021-06-30) eller en händelse: "
        "signing (underskrift), validity_start (giltighetens början), validity_end "
        "(avtalsperiodens slut). Utan 'every' sker det en gång.",
    )
    every: int | None = Field(
        None, ge=1, description="Återkommer var N:e enhet, t.ex. 2 för 'vartannat år'."
    )
    times: int | None = Field(
        None, ge=1, description="Antal gånger per enhet, t.ex. 4 för 'fyra gånger per år'."
    )
    unit: Unit = Field(
        "year",
        description="Enhet: year (år), term (termin: vår jan–jun, höst aug–dec), quarter (kvartal), month (månad), week (vecka).",
    )
    qualifier: Qualifier = Field(
        "exact",
        description="exact (precis), about (cirka), at_least (minst, åtminstone) eller as_needed (löpande, vid behov: inget blir förfallet).",
    )
    also_as_needed: bool = Field(
        False, description="Sant om det dessutom sker vid behov ('och ytterligare vid behov')."
    )
    at: Literal["start", "end"] | None = Field(
        None,
        description="När i perioden: start (i början) eller end (i slutet, t.ex. 'i slutet av varje år').",
    )
    done: list[Completion] = Field(
        default_factory=list,
        description="Tillfällen som har genomförts, med datum (ÅÅÅÅ-MM-DD), så att de inte längre visas som förfallna.",
    )

    @model_validator(mode="after")
    def _consistent(self) -> Schedule:
        if self.qualifier == "as_needed":
            if self.times is not None or self.every is not None:
                raise _fail("trygg_schedule_as_needed")
            return self
        if self.times is not None and self.every is not None:
            raise _fail("trygg_schedule_times_and_every")
        if self.times is None and self.every is None and self.first is None:
            raise _fail("trygg_schedule_when")
        return self


class Responsible(Model):
    """A role at a party (or a governance body) responsible for something."""

    party: Id | None = Field(None, description="Id för parten, t.ex. 'molndals-stad'.")
    body: Id | None = Field(
        None, description="Id för ett samverkansorgan, t.ex. 'bra', om ett organ ansvarar."
    )
    role: Text | None = Field(
        None, description="Roll eller funktion, t.ex. 'BRÅ-samordnare' eller 'Kommunpolis'."
    )

    @model_validator(mode="after")
    def _someone(self) -> Responsible:
        if self.party is None and self.body is None:
            raise _fail("trygg_responsible")
        return self


class Section(Model):
    """A prose section such as Bakgrund or Syfte (Markdown allowed)."""

    id: Id = Field(description="Kort id för avsnittet, t.ex. 'bakgrund'.")
    title: Text = Field(description="Rubrik, t.ex. 'Bakgrund'.")
    text: Text = Field(description="Avsnittets text. Markdown är tillåtet.")
