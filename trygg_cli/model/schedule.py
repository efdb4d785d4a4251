"""When things happen: cadences as the documents write them (``Schedule``) and what has
been done (``Completion``), held as data so that due dates can be computed."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator

from trygg_cli.model.common import (
    DATE_PATTERN,
    FIRST_YEAR,
    LAST_YEAR,
    Date,
    Id,
    Model,
    Text,
    fail,
    to_date,
)

Unit = Literal["year", "tertial", "term", "quarter", "month", "week", "period"]
Season = Literal["spring", "summer", "summer_holiday", "autumn", "winter"]
Qualifier = Literal["exact", "about", "at_least", "as_needed"]
Event = Literal["signing", "validity_start", "validity_end"]
EVENTS: tuple[str, ...] = ("signing", "validity_start", "validity_end")
# At most once a day: the days in the longest of each unit (a period: ten years of days).
# A bound the model sets, so that a typo such as 'times: 1000000' is an error in validate
# rather than a due run that never ends.
MOST_PER_UNIT: dict[str, int] = {
    "week": 7,
    "month": 31,
    "quarter": 92,
    "tertial": 123,
    "term": 184,
    "year": 366,
    "period": 3660,
}


def _to_anchor(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool) and FIRST_YEAR <= value <= LAST_YEAR:
        return value
    if isinstance(value, str) and value in EVENTS:
        return value
    if isinstance(value, date) or (isinstance(value, str) and DATE_PATTERN.match(value)):
        return to_date(value)
    raise fail("trygg_anchor", value=value)


Anchor = Annotated[
    int | date | str,
    BeforeValidator(_to_anchor),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
                {"type": "string", "format": "date"},
                {"enum": list(EVENTS)},
            ]
        }
    ),
]


class Completion(Model):
    """A recorded occurrence: the date it was done, or only the year when no date is
    known ('Uppföljning 2023 är genomförd'), and where its report is."""

    date: Date | None = Field(None, description="Datum då det genomfördes (ÅÅÅÅ-MM-DD).")
    year: int | None = Field(
        None,
        ge=1900,
        le=2200,
        description="Året då det genomfördes, när inget datum anges (t.ex. 2023).",
    )
    occurrence: Anchor | None = Field(
        None,
        description="Vilket planerat tillfälle detta avser, som år (2021) eller datum, om det "
        "inte är det närmast föregående.",
    )
    note: Text | None = Field(None, description="Kort anteckning, t.ex. var protokollet finns.")
    report: Text | None = Field(
        None,
        description="Var rapporten eller protokollet finns: en länk eller ett diarienummer.",
    )

    @model_validator(mode="before")
    @classmethod
    def _bare_date(cls, data: Any) -> Any:
        if isinstance(data, str | date):
            return {"date": data}
        if isinstance(data, int) and not isinstance(data, bool):
            return {"year": data}
        return data

    @model_validator(mode="after")
    def _when(self) -> Completion:
        if self.date is None and self.year is None:
            raise fail("trygg_completion_when")
        return self

    @property
    def done_year(self) -> int:
        """The year it was done (of the date, or the year given)."""
        if self.date is not None:
            return self.date.year
        assert self.year is not None  # the validator requires one of them
        return self.year

    @property
    def label(self) -> str:
        """When it was done, as written: '2023-11-30', or '2023' when only the year is known."""
        return self.date.isoformat() if self.date is not None else str(self.year)


class Schedule(Model):
    """A cadence as the documents state it, held as data so that due dates can be computed.

    Examples: ``first: 2021, every: 2`` ("2021 och därefter vartannat år");
    ``times: 4, unit: year, qualifier: about`` ("cirka fyra gånger per år");
    ``times: 2, unit: term`` ("två gånger per termin");
    ``every: 1, at: end`` ("i slutet av varje år"); ``first: validity_end``
    ("efter avtalsperiodens slut"); ``qualifier: as_needed`` ("löpande och efter behov");
    ``times: 9, unit: period, qualifier: at_least`` ("vid minst nio tillfällen under
    perioden"); ``every: 1, during: summer_holiday`` ("varje sommarlov");
    ``with_meetings_of: ksau`` ("vid varje möte i kommunstyrelsens arbetsutskott").
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
        None, ge=1, le=100, description="Återkommer var N:e enhet, t.ex. 2 för 'vartannat år'."
    )
    times: int | None = Field(
        None,
        ge=1,
        le=MOST_PER_UNIT["period"],
        description="Antal gånger per enhet, t.ex. 4 för 'fyra gånger per år'; högst en gång per dag.",
    )
    unit: Unit = Field(
        "year",
        description="Enhet: year (år), tertial (jan–apr, maj–aug, sep–dec), term (termin: vår jan–jun, höst aug–dec), quarter (kvartal), month (månad), week (vecka) eller period (hela dokumentets period, med 'times').",
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
    during: Season | None = Field(
        None,
        description="Del av året: spring (våren), summer (sommaren), summer_holiday (sommarlovet), autumn (hösten) eller winter (vintern).",
    )
    with_meetings_of: Id | None = Field(
        None,
        description="Id för ett organ vars möten detta sker vid, t.ex. 'ksau' för 'vid varje möte i kommunstyrelsens arbetsutskott'.",
    )
    at_event: Text | None = Field(
        None,
        description="En händelse utanför överenskommelsen som detta sker vid, t.ex. 'skolstart' eller 'Valborg'.",
    )
    done: list[Completion] = Field(
        default_factory=list,
        description="Tillfällen som har genomförts, med datum (ÅÅÅÅ-MM-DD) eller år, så att de inte längre visas som förfallna.",
    )

    @property
    def tied(self) -> bool:
        """Whether it happens at other things' times (meetings of a body, an event)."""
        return self.with_meetings_of is not None or self.at_event is not None

    @model_validator(mode="after")
    def _consistent(self) -> Schedule:
        if self.tied:
            if self.times is not None or self.every is not None or self.first is not None:
                raise fail("trygg_schedule_tied")
            return self
        if self.unit == "period" and self.every is not None:
            raise fail("trygg_schedule_period")
        if self.during is not None and (
            self.unit != "year" or (self.every is None and self.first is None)
        ):
            raise fail("trygg_schedule_during")
        if self.qualifier == "as_needed":
            if self.times is not None or self.every is not None:
                raise fail("trygg_schedule_as_needed")
            return self
        if self.times is not None and self.every is not None:
            raise fail("trygg_schedule_times_and_every")
        if self.times is None and self.every is None and self.first is None:
            raise fail("trygg_schedule_when")
        most = MOST_PER_UNIT[self.unit]
        if self.times is not None and self.times > most:
            raise fail("trygg_schedule_times_most", times=self.times, unit=self.unit, most=most)
        return self
