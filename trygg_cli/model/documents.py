"""The first three document kinds: agreement, action plan and citizen promise (the
fourth, a follow-up, is in :mod:`trygg_cli.model.followup`; all four in ``KINDS``).

Each YAML file is one document that starts with ``trygg: 1`` and a ``kind``. Fields trace
back to the seeds in shared/seeds (000 Göteborg, 003 Stockholm, 004 Mölndal) and to
lag (2023:196) om kommuners ansvar för brottsförebyggande arbete.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from trygg_cli.model.common import (
    Actor,
    Date,
    Id,
    Level,
    Measure,
    Model,
    Party,
    Period,
    Responsible,
    Section,
    Signatory,
    Source,
    Text,
    fail,
    named,
)
from trygg_cli.model.schedule import Schedule

VERSION = 1


class Member(Model):
    """A role from one party (or actor) in a governance body."""

    party: Id = Field(description="Id för den part eller aktör medlemmen kommer från.")
    role: Text = Field(
        description="Roll, t.ex. 'Stadsdirektör' eller 'Representanter från stadsdelsförvaltningarna'."
    )


class Body(Model):
    """A governance body: styrgrupp, beredningsgrupp, BRÅ, SSPF, LÖK-nätverk …"""

    id: Id = Field(description="Kort id för organet, t.ex. 'css' eller 'bra'.")
    name: Text = Field(
        description="Organets namn, t.ex. 'Central strategisk samverkansgrupp (CSS)'."
    )
    level: Level = Field(description="Nivå: strategisk, taktisk eller operativ.")
    description: Text | None = Field(None, description="Vad organet gör. Markdown är tillåtet.")
    members: list[Member] = Field(
        default_factory=list, description="Medlemmar som roller per part."
    )
    chair: Member | None = Field(None, description="Ordförande.")
    convener: Member | None = Field(None, description="Den som sammankallar.")
    reports_to: Id | None = Field(
        None, description="Id för det organ som detta organ rapporterar till."
    )
    meetings: Schedule | None = Field(
        None, description="Hur ofta organet träffas, t.ex. cirka fyra gånger per år."
    )


class Indicator(Model):
    """How progress towards a goal is measured, with a baseline and a target that can be
    compared (as data, or as the document's words)."""

    id: Id | None = Field(
        None, description="Kort id för indikatorn, för uppföljningar som anger mätvärden."
    )
    description: Text = Field(
        description="Vad som mäts, t.ex. 'Andel invånare som känner sig trygga i sitt område'."
    )
    source: Text | None = Field(
        None, description="Datakälla, t.ex. 'Trygghetsmätningen' eller 'Stockholmsenkäten'."
    )
    baseline: Measure | Text | None = Field(
        None,
        description="Utgångsläge: {value: 62, unit: '%', year: 2022}, eller som text, t.ex. '62 % (2022)'.",
    )
    target: Measure | Text | None = Field(
        None,
        description="Målvärde: {value: 70, unit: '%', year: 2026}, eller som text, t.ex. 'minst 70 % år 2026'.",
    )


class Goal(Model):
    """A goal (mål or delmål): under a priority, or for the whole document."""

    id: Id = Field(description="Kort id för målet.")
    description: Text = Field(description="Målet, avgränsat och mätbart.")
    priorities: list[Id] = Field(
        default_factory=list,
        description="För ett övergripande mål: id för de prioriterade områden det tjänar.",
    )
    indicators: list[Indicator] = Field(
        default_factory=list, description="Indikatorer som målet följs upp med."
    )


class SubPriority(Model):
    """A sub-area under a priority (underområde)."""

    id: Id = Field(description="Kort id för underområdet; unikt bland alla områden.")
    title: Text = Field(description="Rubrik, t.ex. 'Ungdomar i riskzon'.")
    description: Text | None = Field(
        None, description="Beskrivning av området. Markdown är tillåtet."
    )
    problem: Text | None = Field(None, description="Problemen i fokus (problembild).")
    causes: Text | None = Field(None, description="Troliga orsaker (orsaksanalys).")
    goals: list[Goal] = Field(default_factory=list, description="Mål och delmål med indikatorer.")
    based_on: list[Source] = Field(
        default_factory=list,
        description="Lägesbild, mätning eller dialog som området bygger på.",
    )


class Priority(SubPriority):
    """A prioritised area (prioriterat område, samverkansområde, fokusområde), which may
    hold sub-areas (underområden)."""

    id: Id = Field(description="Kort id för området, t.ex. 'unga-i-riskzon'.")
    sub_priorities: list[SubPriority] = Field(
        default_factory=list,
        description="Underområden; åtgärder kan höra till ett område eller ett underområde.",
    )


class Decision(Model):
    """The decision record: which body decided, when, paragraph and diary number."""

    body: Text = Field(description="Beslutande organ, t.ex. 'Kommunstyrelsen'.")
    date: Date | None = Field(None, description="Beslutsdatum (ÅÅÅÅ-MM-DD).")
    paragraph: Text | None = Field(None, description="Paragraf, t.ex. '§ 112'.")
    dnr: Text | None = Field(None, description="Diarienummer, t.ex. 'KS 2023/145'.")
    text: Text | None = Field(None, description="Beslutsuppgiften som den står i dokumentet.")


class Superseded(Model):
    """An earlier document that this one replaces."""

    title: Text = Field(description="Vad som ersätts, t.ex. 'Samtliga lokala överenskommelser'.")
    agreement: Id | None = Field(
        None, description="Id för den ersatta överenskommelsen, om den finns i samma arbetsyta."
    )
    action_plan: Id | None = Field(
        None, description="Id för den ersatta åtgärdsplanen, om den finns i samma arbetsyta."
    )
    citizen_promise: Id | None = Field(
        None, description="Id för det ersatta medborgarlöftet, om det finns i samma arbetsyta."
    )
    date: Date | None = Field(None, description="Datum för den ersatta överenskommelsen.")


class Occasion(Model):
    """A recurring joint event such as Göteborg's yearly hearing."""

    id: Id = Field(description="Kort id, t.ex. 'hearing'.")
    name: Text = Field(description="Namn, t.ex. 'Årlig hearing'.")
    description: Text | None = Field(None, description="Vad som sker. Markdown är tillåtet.")
    schedule: Schedule = Field(description="När det sker, t.ex. varje år.")


class Document(Model):
    """Fields every trygg document starts with."""

    trygg: Literal[1] = Field(description="Formatversion för trygg. Skriv 1.")
    id: Id = Field(description="Dokumentets id, unikt i arbetsytan, t.ex. 'molndal-lokal-2023'.")
    title: Text = Field(description="Dokumentets titel.")


class Agreement(Document):
    """A samverkansöverenskommelse between a municipality and the Police."""

    kind: Literal["agreement"] = Field(
        description="Dokumentslag: agreement (samverkansöverenskommelse)."
    )
    scope: Literal["central", "local"] = Field(
        description="central (central/övergripande) eller local (lokal)."
    )
    central_agreement: Id | None = Field(
        None,
        description="För en lokal överenskommelse: id för den centrala överenskommelsen den hör till.",
    )
    municipality: Text = Field(description="Kommunen överenskommelsen gäller, t.ex. 'Mölndal'.")
    document_type: Text | None = Field(
        None, description="Slag av styrdokument, t.ex. 'Styrdokument Program'."
    )
    responsible: Text | None = Field(
        None,
        description="Ansvarig funktion, t.ex. 'Brottsförebyggande samordnare, Stadsledningsförvaltningen'.",
    )
    applies_to: Text | None = Field(
        None,
        description="Vad dokumentet gäller för, t.ex. 'Mölndals stad och Lokalpolisområde Storgöteborg Syd'.",
    )
    last_revised: Date | None = Field(None, description="Senast reviderad (ÅÅÅÅ-MM-DD).")
    parties: list[Party] = Field(min_length=1, description="Parterna som sluter överenskommelsen.")
    actors: list[Actor] = Field(
        default_factory=list,
        description="Andra aktörer som deltar utan att skriva under, t.ex. bostadsbolag, "
        "skolförvaltning eller räddningstjänst.",
    )
    signatories: list[Signatory] = Field(default_factory=list, description="Undertecknare.")
    decision: Decision | None = Field(
        None, description="Beslutet: organ, datum, paragraf och diarienummer."
    )
    validity: Period = Field(description="Giltighetstid: från, till eller tills vidare.")
    supersedes: list[Superseded] = Field(
        default_factory=list, description="Tidigare överenskommelser som denna ersätter."
    )
    sections: list[Section] = Field(
        default_factory=list, description="Textavsnitt som Bakgrund och Syfte, i ordning."
    )
    bodies: list[Body] = Field(
        default_factory=list,
        description="Samverkansorgan: styrgrupper, råd, nätverk och arbetsgrupper.",
    )
    based_on: list[Source] = Field(
        default_factory=list,
        description="Lägesbild, mätningar och dialoger som överenskommelsen bygger på.",
    )
    goals: list[Goal] = Field(
        default_factory=list,
        description="Övergripande mål, t.ex. 'Ökad trygghet', som inte hör till ett enskilt område.",
    )
    priorities: list[Priority] = Field(
        default_factory=list, description="Prioriterade områden med mål och indikatorer."
    )
    priority_review: Schedule | None = Field(
        None, description="Hur ofta de prioriterade områdena följs upp, t.ex. årligen."
    )
    priority_revision: Schedule | None = Field(
        None,
        description="Hur ofta de prioriterade områdena revideras, t.ex. åtminstone var fjärde år.",
    )
    occasions: list[Occasion] = Field(
        default_factory=list,
        description="Återkommande gemensamma tillfällen, t.ex. en årlig hearing.",
    )
    follow_up: Schedule | None = Field(
        None, description="När överenskommelsen följs upp (uppföljning)."
    )
    evaluation: Schedule | None = Field(
        None, description="När överenskommelsen utvärderas (utvärdering)."
    )
    revision: Schedule | None = Field(
        None, description="När överenskommelsen revideras (revidering)."
    )
    action_plans: list[Id] = Field(
        default_factory=list, description="Id för åtgärdsplaner som hör till överenskommelsen."
    )
    citizen_promises: list[Id] = Field(
        default_factory=list, description="Id för medborgarlöften som hör till överenskommelsen."
    )


ActionStatus = Literal["planned", "ongoing", "done", "postponed", "cancelled"]


class Action(Model):
    """One action in an action plan: who plans, performs and follows up, and by when."""

    id: Id = Field(description="Kort id för åtgärden.")
    title: Text = Field(description="Vad som ska göras.")
    description: Text | None = Field(None, description="Närmare beskrivning. Markdown är tillåtet.")
    priority: Id | None = Field(None, description="Id för det prioriterade område åtgärden tjänar.")
    plans: list[Responsible] = Field(default_factory=list, description="Vem som planerar åtgärden.")
    performs: list[Responsible] = Field(default_factory=list, description="Vem som utför åtgärden.")
    follows_up: list[Responsible] = Field(
        default_factory=list, description="Vem som följer upp åtgärden."
    )
    deadline: Date | None = Field(None, description="Klart senast (ÅÅÅÅ-MM-DD).")
    schedule: Schedule | None = Field(None, description="För återkommande åtgärder: hur ofta.")
    status: ActionStatus = Field(
        "planned",
        description="Läge: planned (planerad), ongoing (pågår), done (klar), postponed (uppskjuten) eller cancelled (struken).",
    )
    outcome: Text | None = Field(None, description="Resultat och effekt när åtgärden följts upp.")


class ActionPlan(Document):
    """An åtgärdsplan (handlingsplan) linked to an agreement."""

    kind: Literal["action-plan"] = Field(
        description="Dokumentslag: action-plan (åtgärdsplan, handlingsplan)."
    )
    agreement: Id = Field(description="Id för överenskommelsen som planen hör till.")
    period: Period | None = Field(None, description="Period som planen gäller.")
    responsible_body: Id | None = Field(
        None, description="Id för organet som ansvarar för planen, t.ex. 'bra'."
    )
    actors: list[Actor] = Field(
        default_factory=list,
        description="Aktörer utöver överenskommelsens parter och aktörer som utför åtgärder.",
    )
    last_revised: Date | None = Field(None, description="Senast reviderad (ÅÅÅÅ-MM-DD).")
    supersedes: list[Superseded] = Field(
        default_factory=list, description="Tidigare åtgärdsplaner som denna ersätter."
    )
    sections: list[Section] = Field(default_factory=list, description="Textavsnitt, i ordning.")
    follow_up: Schedule | None = Field(
        None, description="När planen följs upp som helhet, t.ex. på årsbasis."
    )
    actions: list[Action] = Field(
        default_factory=list,
        description="Åtgärder: vem som planerar, utför och följer upp, och när.",
    )


class Commitment(Model):
    """What one party, or several together, promise to do in a citizen promise."""

    id: Id = Field(description="Kort id för åtagandet.")
    party: Id | None = Field(None, description="Id för parten (eller aktören) som åtar sig detta.")
    parties: list[Id] = Field(
        default_factory=list,
        description="Flera parter eller aktörer som lovar detta tillsammans, t.ex. "
        "[molndals-stad, polisen] för 'Tillsammans lovar vi …'.",
    )
    text: Text = Field(
        description="Åtagandet, t.ex. 'Polisen genomför fler trygghetsvandringar …'."
    )
    schedule: Schedule | None = Field(None, description="Hur ofta, om åtagandet är återkommande.")
    status: ActionStatus = Field(
        "planned", description="Läge: planned, ongoing, done, postponed eller cancelled."
    )
    outcome: Text | None = Field(None, description="Resultat vid uppföljning.")

    @model_validator(mode="after")
    def _someone(self) -> Commitment:
        if self.party is None and not self.parties:
            raise fail("trygg_commitment_who")
        return self

    @property
    def who(self) -> tuple[str, ...]:
        """Every party or actor that promises this, in order, each once."""
        return named(self.party, self.parties)


class CitizenPromise(Document):
    """A medborgarlöfte: one problem, concrete commitments, a period, a follow-up."""

    kind: Literal["citizen-promise"] = Field(
        description="Dokumentslag: citizen-promise (medborgarlöfte)."
    )
    agreement: Id | None = Field(None, description="Id för överenskommelsen som löftet bygger på.")
    municipality: Text = Field(description="Kommunen löftet gäller, t.ex. 'Mölndal'.")
    area: Text | None = Field(None, description="Plats eller område som löftet gäller.")
    parties: list[Party] = Field(min_length=1, description="Parterna som avger löftet.")
    actors: list[Actor] = Field(
        default_factory=list,
        description="Andra aktörer som bidrar utan att avge löftet, t.ex. ett bostadsbolag.",
    )
    period: Period = Field(description="Löftets period, vanligtvis ett eller två år.")
    supersedes: list[Superseded] = Field(
        default_factory=list, description="Tidigare medborgarlöften som detta ersätter."
    )
    based_on: list[Source] = Field(
        default_factory=list,
        description="Lägesbild, trygghetsmätning eller medborgardialog som löftet bygger på.",
    )
    problem: Text = Field(description="Problemet som ska få särskilt fokus.")
    causes: Text | None = Field(None, description="Troliga orsaker till problemet.")
    goals: list[Goal] = Field(
        default_factory=list, description="Löftets mål och hur det mäts (indikatorer)."
    )
    commitments: list[Commitment] = Field(
        min_length=1, description="Åtaganden: per part, eller gemensamma för flera."
    )
    follow_up: Schedule | None = Field(None, description="När löftet följs upp.")
    outcome: Text | None = Field(None, description="Utfall när löftet följts upp.")
    signatories: list[Signatory] = Field(default_factory=list, description="Undertecknare.")
