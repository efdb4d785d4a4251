"""The fourth document kind: a follow-up (uppföljning) of an agreement, an action plan or a
citizen promise.

Every agreement in the seeds ends its cycle with one: Mölndal's "Övergripande uppföljning
av åtgärdsplanen sker på årsbasis", Göteborg's "En uppföljning av denna överenskommelse
görs 2021 och därefter vartannat år", Stockholm's "i slutet av varje år sammanställer den
övergripande beredningsgruppen resultat och genomförda åtgärder samt tar fram en plan för
kommande år". A follow-up names what it follows up and the occasion (the year or date
``trygg due`` shows); once it is dated it closes that occasion. It reports each action
and commitment (status and comment) and the measured values of each indicator, which
together with the other follow-ups form the indicator's series.
"""

from __future__ import annotations

import datetime
from typing import Literal

from pydantic import Field, model_validator

from trygg_cli.i18n import N_
from trygg_cli.model.common import MESSAGES, Date, Id, Model, Section, Source, Text, fail
from trygg_cli.model.documents import ActionStatus, Decision, Document
from trygg_cli.model.schedule import Anchor

# The follow-up's own checks, beside the other kinds' (check.py translates them with _()).
MESSAGES.update(
    {
        "trygg_follow_up_what": N_(
            "say what this follows up: give 'agreement', 'action_plan' or 'citizen_promise' (the id of the document)"
        ),
        "trygg_follow_up_actions": N_(
            "the actions reported here belong to an action plan: give its id under 'action_plan'"
        ),
        "trygg_follow_up_commitments": N_(
            "the commitments reported here belong to a citizen promise: give its id under 'citizen_promise'"
        ),
        "trygg_follow_up_indicators": N_(
            "the indicators measured here belong to an agreement or a citizen promise: give its id under 'agreement' or 'citizen_promise'"
        ),
    }
)


class Measurement(Model):
    """One measured value of an indicator: value, unit, the year it counts to, source."""

    value: float | None = Field(
        None,
        description="Det uppmätta värdet, t.ex. 68 för '68 %'. Lämna tomt om det inte är mätt än.",
    )
    unit: Text | None = Field(
        None, description="Enhet, t.ex. '%' eller 'anmälningar per år'; samma som utgångsläget."
    )
    year: int = Field(
        ge=1900,
        le=2200,
        description="Året värdet avser, t.ex. 2024; ordnar mätvärdena i indikatorns serie.",
    )
    period: Text | None = Field(
        None,
        description="Tiden som källan anger, om den inte är ett kalenderår, t.ex. "
        "'läsåret 2023/24' eller 'hösten 2024'.",
    )
    source: Text | None = Field(
        None,
        description="Varifrån värdet kommer, t.ex. 'Polisens trygghetsmätning', 'NTU' eller "
        "'Mölndals stads trygghetsenkät'.",
    )
    text: Text | None = Field(None, description="Formuleringen, t.ex. '68 % (2024)'.")
    note: Text | None = Field(None, description="Kort anteckning om mätningen.")


class ActionReport(Model):
    """An action of the action plan at this follow-up: its status and a comment."""

    action: Id = Field(description="Id för åtgärden i åtgärdsplanen.")
    status: ActionStatus = Field(
        description="Läge vid uppföljningen: planned (planerad), ongoing (pågår), done (klar), "
        "postponed (uppskjuten) eller cancelled (struken)."
    )
    comment: Text | None = Field(None, description="Kort kommentar om läget.")
    outcome: Text | None = Field(
        None, description="Resultat och effekt, för en åtgärd som är klar eller har gett resultat."
    )


class CommitmentReport(Model):
    """A commitment of the citizen promise at this follow-up: its status and a comment."""

    commitment: Id = Field(description="Id för åtagandet i medborgarlöftet.")
    status: ActionStatus = Field(
        description="Läge vid uppföljningen: planned, ongoing, done, postponed eller cancelled."
    )
    comment: Text | None = Field(None, description="Kort kommentar om läget.")
    outcome: Text | None = Field(None, description="Resultat, när åtagandet är uppfyllt.")


class IndicatorReport(Model):
    """The values of one indicator measured for this follow-up."""

    indicator: Id = Field(
        description="Id för indikatorn: i överenskommelsen som följs upp, eller i "
        "medborgarlöftet när uppföljningen bara gäller det."
    )
    values: list[Measurement] = Field(
        default_factory=list,
        description="Uppmätta värden: värde, enhet, år och källa. Tillsammans med andra "
        "uppföljningar bildar de indikatorns serie.",
    )
    comment: Text | None = Field(None, description="Kort kommentar, t.ex. hur värdet ska tolkas.")


class FollowUp(Document):
    """An uppföljning: what was done and measured at one follow-up occasion."""

    kind: Literal["follow-up"] = Field(description="Dokumentslag: follow-up (uppföljning).")
    agreement: Id | None = Field(
        None,
        description="Id för överenskommelsen som följs upp; indikatorerna är dess.",
    )
    action_plan: Id | None = Field(
        None, description="Id för åtgärdsplanen som följs upp; åtgärderna är dess."
    )
    citizen_promise: Id | None = Field(
        None, description="Id för medborgarlöftet som följs upp; åtagandena är dess."
    )
    occasion: Anchor = Field(
        description="Vilket planerat uppföljningstillfälle detta är, som 'trygg due' visar det: "
        "ett år (2024), ett datum (2025-04-30) eller validity_end för den slutliga "
        "uppföljningen efter periodens slut."
    )
    date: Date | None = Field(
        None,
        description="Datum då uppföljningen blev klar (ÅÅÅÅ-MM-DD). Först med ett datum (här "
        "eller i 'noted_by') räknas tillfället som genomfört i 'trygg due'; utan är den ett "
        "utkast.",
    )
    prepared_by: Text | None = Field(
        None,
        description="Vem som har sammanställt uppföljningen, som funktion, t.ex. "
        "'Brottsförebyggande samordnare'.",
    )
    noted_by: Decision | None = Field(
        None,
        description="Organet som tog del av uppföljningen: organ, datum, paragraf och "
        "diarienummer, t.ex. Kommunstyrelsen 2025-04-09 § 61.",
    )
    based_on: list[Source] = Field(
        default_factory=list,
        description="Underlag: lägesbild, trygghetsmätning, statistik eller dialog.",
    )
    summary: Text | None = Field(
        None, description="Samlad bedömning: hur arbetet har gått och vad mätningarna visar."
    )
    next_steps: Text | None = Field(
        None, description="Vad som ändras till nästa period: nya eller ändrade åtgärder."
    )
    sections: list[Section] = Field(default_factory=list, description="Textavsnitt, i ordning.")
    actions: list[ActionReport] = Field(
        default_factory=list,
        description="Åtgärdsplanens åtgärder: läge och kommentar vid uppföljningen.",
    )
    commitments: list[CommitmentReport] = Field(
        default_factory=list,
        description="Medborgarlöftets åtaganden: läge och kommentar vid uppföljningen.",
    )
    indicators: list[IndicatorReport] = Field(
        default_factory=list,
        description="Indikatorernas uppmätta värden vid uppföljningen.",
    )

    @model_validator(mode="after")
    def _follows_something(self) -> FollowUp:
        if self.agreement is None and self.action_plan is None and self.citizen_promise is None:
            raise fail("trygg_follow_up_what")
        if self.actions and self.action_plan is None:
            raise fail("trygg_follow_up_actions")
        if self.commitments and self.citizen_promise is None:
            raise fail("trygg_follow_up_commitments")
        if self.indicators and self.agreement is None and self.citizen_promise is None:
            raise fail("trygg_follow_up_indicators")
        return self

    @property
    def followed(self) -> tuple[str, ...]:
        """The ids of the documents it follows up: agreement, action plan, citizen promise."""
        named = (self.agreement, self.action_plan, self.citizen_promise)
        return tuple(doc_id for doc_id in named if doc_id is not None)

    @property
    def indicators_of(self) -> str | None:
        """The id of the document whose indicators it measures: the agreement, else the
        citizen promise."""
        return self.agreement if self.agreement is not None else self.citizen_promise

    @property
    def done_on(self) -> datetime.date | None:
        """When it was done: its ``date``, else the date it was noted; ``None`` for a draft."""
        if self.date is not None:
            return self.date
        return self.noted_by.date if self.noted_by is not None else None
