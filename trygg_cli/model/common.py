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

DATE_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_ID = re.compile(r"[a-z0-9][a-z0-9_.-]*\Z")


# Messages of the model's own checks, by error type; check.py translates them with _().
MESSAGES: dict[str, str] = {
    "trygg_date_impossible": N_(
        "'{value}' is not a date that exists; check the month (01–12) and the day"
    ),
    "trygg_date_range": N_(
        "'{value}' is outside the years trygg plans for ({first}–{last}); check the year"
    ),
    "trygg_schedule_times_most": N_(
        "'times: {times}' is more than once a day for 'unit: {unit}'; at most {most}"
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
        "say who: give 'party' (a party's or an actor's id), 'parties' (several) or 'body' (a governance body's id)"
    ),
    "trygg_period_replaced": N_(
        "a period that runs until it is replaced ('until_replaced: true') has no end of its own; remove 'until' or 'until_further_notice'"
    ),
    "trygg_completion_when": N_(
        "say when it was done: give 'date' (YYYY-MM-DD) or, if only the year is known, 'year'"
    ),
    "trygg_schedule_tied": N_(
        "a schedule tied to another body's meetings or to an event ('with_meetings_of', 'at_event') has no times of its own; remove 'times', 'every' and 'first'"
    ),
    "trygg_schedule_period": N_(
        "'unit: period' counts over the whole period: give 'times' (e.g. at least nine times during the period), not 'every'"
    ),
    "trygg_commitment_who": N_(
        "say who promises this: give 'party' (one party's or actor's id) or 'parties' (several, for a joint commitment)"
    ),
    "trygg_schedule_during": N_(
        "'during' places a yearly occasion in part of the year: use it with 'unit: year' and 'every' or 'first'"
    ),
}


def fail(kind: str, **ctx: Any) -> PydanticCustomError:
    """The model's own error of ``kind`` (a key of :data:`MESSAGES`)."""
    return PydanticCustomError(kind, MESSAGES[kind], ctx or None)


class Model(BaseModel):
    """Base of every trygg model: unknown keys are errors, no silent type coercion."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=False)


# The years a date may have: dates outside are typos, and near year 9999 the due engine's
# date arithmetic would leave what Python's dates can hold.
FIRST_YEAR, LAST_YEAR = 1900, 2200


def to_date(value: Any) -> Any:
    if isinstance(value, str) and DATE_PATTERN.match(value):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            raise fail("trygg_date_impossible", value=value) from None
    if not isinstance(value, date):
        raise fail("trygg_date_format", value=value)
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise fail("trygg_date_range", value=value, first=FIRST_YEAR, last=LAST_YEAR)
    return value


def _to_id(value: Any) -> Any:
    if isinstance(value, str) and _ID.match(value):
        return value
    raise fail("trygg_id", value=value)


Date = Annotated[date, BeforeValidator(to_date)]
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
ActorType = Literal[
    "kommun",
    "stad",
    "stadsdelsförvaltning",
    "förvaltning",
    "skola",
    "räddningstjänst",
    "bolag",
    "bostadsbolag",
    "fastighetsägare",
    "stiftelse",
    "förening",
    "näringsliv",
    "trossamfund",
    "region",
    "myndighet",
    "polisregion",
    "polisområde",
    "lokalpolisområde",
    "annan",
]
Level = Literal["strategisk", "taktisk", "operativ"]
SourceKind = Literal[
    "lägesbild",
    "trygghetsmätning",
    "medborgardialog",
    "enkät",
    "statistik",
    "analys",
    "annan",
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


class Actor(Model):
    """An organisation that takes part without signing: a housing company, the school
    administration, the rescue service, an association."""

    id: Id = Field(
        description="Kort id för aktören, som organ, åtgärder och åtaganden hänvisar till, "
        "t.ex. 'bostadsbolaget'."
    )
    name: Text = Field(
        description="Aktörens namn, t.ex. 'Mölndalsbostäder' eller 'Räddningstjänsten Storgöteborg'."
    )
    type: ActorType = Field(
        "annan",
        description="Slag av aktör, t.ex. bostadsbolag, skola, räddningstjänst, förening, "
        "näringsliv, förvaltning eller annan.",
    )
    description: Text | None = Field(None, description="Vad aktören bidrar med.")


class Signatory(Model):
    """Who signs on behalf of a party (by name and title, or by title alone)."""

    name: Text | None = Field(
        None,
        description="Undertecknarens namn. Utelämna om dokumentet bara anger titeln.",
    )
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

    amount: int = Field(1, ge=1, le=100, description="Antal, t.ex. 4 för 'fyra år'.")
    unit: Literal["year", "month", "mandate_period"] = Field(
        description="Enhet: year (år), month (månader) eller mandate_period (mandatperioden: "
        "till och med 14 oktober valåret, då nästa kommunfullmäktige tillträder)."
    )
    text: Text | None = Field(
        None, description="Formuleringen i dokumentet, t.ex. 'en period om fyra år'."
    )


class Extension(Model):
    """A decision that the period runs longer ('förlängs till och med 2027-12-31')."""

    until: Date = Field(description="Nytt slutdatum, till och med (ÅÅÅÅ-MM-DD).")
    decided: Date | None = Field(None, description="Datum för beslutet om förlängning.")
    decision: Text | None = Field(
        None, description="Vem som beslutade och var det finns, t.ex. 'KS 2026-11-03 § 212'."
    )
    text: Text | None = Field(
        None,
        description="Formuleringen, t.ex. 'Överenskommelsen förlängs till och med 2027-12-31.'",
    )


class Ended(Model):
    """A decision that a document has ended on purpose, without a successor."""

    date: Date | None = Field(
        None, description="Dagen då dokumentet upphörde att gälla (ÅÅÅÅ-MM-DD)."
    )
    decision: Text | None = Field(
        None, description="Beslutet, t.ex. 'KS 2026-11-03 § 212: löftet förnyas inte'."
    )


class Period(Model):
    """When something applies: from, until, open-ended ('tills vidare'), for a stated term,
    until it is replaced, and any extensions."""

    start: Date | None = Field(None, alias="from", description="Gäller från och med (ÅÅÅÅ-MM-DD).")
    end: Date | None = Field(None, alias="until", description="Gäller till och med (ÅÅÅÅ-MM-DD).")
    from_signing: bool = Field(
        False,
        description="Sant om perioden börjar vid underskrift ('fr.o.m. datum för underskrift').",
    )
    until_further_notice: bool = Field(
        False, description="Sant om perioden löper tills vidare, utan slutdatum."
    )
    until_replaced: bool = Field(
        False,
        description="Sant om perioden gäller tills en ny överenskommelse ersätter den "
        "(den nya anger då denna under 'supersedes').",
    )
    term: Term | None = Field(
        None,
        description="Uttalad längd, t.ex. fyra år, som den står i texten. Utan 'until' ger "
        "den slutdatumet: från och med + längden − 1 dag.",
    )
    ended: Ended | None = Field(
        None,
        description="Sätts när dokumentet medvetet har upphört utan efterföljare, så att "
        "'trygg due' slutar påminna om det: {date: 2026-11-03, decision: 'KS … § 212'}.",
    )
    extensions: list[Extension] = Field(
        default_factory=list,
        description="Förlängningar, i ordning; den sista ger slutdatumet. Det ursprungliga "
        "'until' står kvar som det beslutades.",
    )
    text: Text | None = Field(
        None, description="Formuleringen i dokumentet, t.ex. 'Överenskommelsen löper tills vidare.'"
    )

    @model_validator(mode="after")
    def _end_or_open(self) -> Period:
        if self.end is not None and self.until_further_notice:
            raise fail("trygg_period")
        if self.until_replaced and (self.end is not None or self.until_further_notice):
            raise fail("trygg_period_replaced")
        return self


def named(party: str | None, parties: list[str]) -> tuple[str, ...]:
    """``party`` and ``parties`` together, in order, each once: who a responsible or a
    commitment names."""
    if not parties:  # the common case, read for every responsible by lint and due
        return () if party is None else (party,)
    return tuple(dict.fromkeys([party, *parties] if party is not None else parties))


class Responsible(Model):
    """A role at a party or actor, several of them together, or a governance body."""

    party: Id | None = Field(
        None, description="Id för parten eller aktören, t.ex. 'molndals-stad'."
    )
    parties: list[Id] = Field(
        default_factory=list,
        description="Flera parter eller aktörer tillsammans, t.ex. [molndals-stad, polisen].",
    )
    body: Id | None = Field(
        None, description="Id för ett samverkansorgan, t.ex. 'bra', om ett organ ansvarar."
    )
    role: Text | None = Field(
        None, description="Roll eller funktion, t.ex. 'BRÅ-samordnare' eller 'Kommunpolis'."
    )

    @model_validator(mode="after")
    def _someone(self) -> Responsible:
        if self.party is None and not self.parties and self.body is None:
            raise fail("trygg_responsible")
        return self

    @property
    def who(self) -> tuple[str, ...]:
        """Every party or actor named, in order, each once."""
        return named(self.party, self.parties)


class Measure(Model):
    """A value that can be compared: an indicator's baseline, target or measurement."""

    value: float = Field(description="Värdet, t.ex. 62 för '62 %'.")
    unit: Text | None = Field(None, description="Enhet, t.ex. '%' eller 'anmälningar per år'.")
    year: int | None = Field(None, ge=1900, le=2200, description="Året värdet avser.")
    text: Text | None = Field(None, description="Formuleringen, t.ex. '62 % (2022)'.")


class Source(Model):
    """What a document rests on: a lägesbild, a survey, a dialogue, statistics."""

    title: Text = Field(
        description="Vad det är, t.ex. 'Polisens trygghetsmätning 2023' eller 'Medborgardialog hösten 2022'."
    )
    kind: SourceKind = Field(
        "annan",
        description="Slag: lägesbild, trygghetsmätning, medborgardialog, enkät, statistik, analys eller annan.",
    )
    year: int | None = Field(None, ge=1900, le=2200, description="Året, t.ex. 2023.")
    date: Date | None = Field(None, description="Datum, om det finns (ÅÅÅÅ-MM-DD).")
    url: Text | None = Field(None, description="Länk, om den är publicerad.")


class Section(Model):
    """A prose section such as Bakgrund or Syfte (Markdown allowed)."""

    id: Id = Field(description="Kort id för avsnittet, t.ex. 'bakgrund'.")
    title: Text = Field(description="Rubrik, t.ex. 'Bakgrund'.")
    text: Text = Field(description="Avsnittets text. Markdown är tillåtet.")
