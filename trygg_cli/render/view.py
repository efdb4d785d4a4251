"""What a template gets: the document, its outline, names for ids and links to other pages.

The outline is the order of the rendered document. An agreement's prose sections keep
their order; the structured chapters (parties, governance, priorities, action plans,
citizen promises, follow-up, validity, signatures) come where a section introduces them —
a section whose id is one of the chapter's names (``samverkansorganisation``,
``prioriterade-omraden``, ``uppfoljning`` …, see ``CHAPTER_SECTIONS``) becomes that
chapter's heading and opening text — and otherwise after the sections, in that order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from trygg_cli.model import Document, FollowUp
from trygg_cli.model.common import Actor, Party, Responsible, Section
from trygg_cli.model.documents import (
    ActionPlan,
    Agreement,
    CitizenPromise,
    SubPriority,
    Superseded,
)
from trygg_cli.render.identity import Identity, identify, kind_of
from trygg_cli.render.status import Status, StatusOf
from trygg_cli.render.words import joined

# Chapter → its default heading and the section ids that introduce it.
CHAPTERS: dict[str, str] = {
    "parties": "Parter",
    "actors": "Övriga aktörer",
    "governance": "Samverkansorganisation",
    "goals": "Övergripande mål",
    "priorities": "Prioriterade områden",
    "action_plans": "Åtgärdsplan",
    "citizen_promises": "Medborgarlöften",
    "follow_up": "Uppföljning och utvärdering",
    "validity": "Giltighetstid",
    "signatures": "Underskrifter",
}
CHAPTER_SECTIONS: dict[str, frozenset[str]] = {
    "parties": frozenset({"parter", "parterna"}),
    "actors": frozenset({"aktorer", "ovriga-aktorer", "andra-aktorer"}),
    "governance": frozenset(
        {"samverkansorganisation", "organisation", "styrning", "samverkansorgan"}
    ),
    "goals": frozenset({"mal", "overgripande-mal", "mal-och-indikatorer"}),
    "priorities": frozenset(
        {
            "prioriterade-omraden",
            "prioriterade-samverkansomraden",
            "prioriteringar",
            "fokusomraden",
        }
    ),
    "action_plans": frozenset({"atgardsplan", "atgardsplaner", "handlingsplan"}),
    "citizen_promises": frozenset({"medborgarloften", "medborgarlofte"}),
    "follow_up": frozenset({"uppfoljning-och-utvardering", "uppfoljning", "utvardering"}),
    "validity": frozenset({"giltighetstid", "avtalsperiod", "avtalstid"}),
    "signatures": frozenset({"underskrifter"}),
}
_CLAIMED = {section: chapter for chapter, ids in CHAPTER_SECTIONS.items() for section in ids}


@dataclass(frozen=True)
class Part:
    """One top-level part of the rendered document (an h2 with its anchor)."""

    kind: str  # "section" or a chapter name
    anchor: str
    title: str
    section: Section | None = None  # the prose: the whole part, or a chapter's opening


@dataclass(frozen=True)
class Link:
    """Another document, as the page links to it: its title and address, if rendered."""

    id: str
    title: str
    href: str | None


@dataclass(frozen=True)
class Earlier:
    """A document this one replaces: its title (the document's own when it is in the
    workspace), its page in a site, if rendered, and its date."""

    title: str
    href: str | None
    date: date | None


@dataclass
class View:
    """Everything a document template is given (see docs/render.md)."""

    doc: Any
    kind: str
    outline: list[Part]
    parties: dict[str, Party]
    actors: dict[str, Actor]  # the other participants: the agreement's and the document's
    bodies: dict[str, str]  # body id → name (of the document or its agreement)
    priorities: dict[str, str]  # priority and sub-priority id → title
    links: dict[str, Link]  # document id → link
    superseded: list[Earlier]
    stamp: str
    status: Status
    about: Identity
    extra: dict[str, Any] = field(default_factory=dict)

    def context(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "kind": self.kind,
            "outline": self.outline,
            "parties": self.parties,
            "actors": self.actors,
            "participants": {**self.parties, **self.actors},
            "bodies": self.bodies,
            "priorities": self.priorities,
            "links": self.links,
            "superseded": self.superseded,
            "stamp": self.stamp,
            "status": self.status,
            "about": self.about,
            **self.extra,
        }


def _unique(anchor: str, used: set[str]) -> str:
    candidate, n = anchor, 2
    while candidate in used:
        candidate = f"{anchor}-{n}"
        n += 1
    used.add(candidate)
    return candidate


def _wanted_chapters(doc: Document) -> list[str]:
    if isinstance(doc, Agreement):
        wanted = ["parties"]
        if doc.actors:
            wanted.append("actors")
        if doc.bodies:
            wanted.append("governance")
        if doc.goals:
            wanted.append("goals")
        if doc.priorities:
            wanted.append("priorities")
        if doc.action_plans:
            wanted.append("action_plans")
        if doc.citizen_promises:
            wanted.append("citizen_promises")
        # The review and revision of the priorities are shown with the priorities when
        # there are any, else under follow-up.
        reviews = not doc.priorities and (doc.priority_review or doc.priority_revision)
        if doc.follow_up or doc.evaluation or doc.revision or doc.occasions or reviews:
            wanted.append("follow_up")
        return [*wanted, "validity", "signatures"]
    return []


def outline(doc: Document) -> list[Part]:
    """The parts of ``doc`` in the order they are rendered."""
    if isinstance(doc, ActionPlan):
        return _plan_outline(doc)
    if isinstance(doc, CitizenPromise):
        return _promise_outline(doc)
    if isinstance(doc, FollowUp):
        return _follow_up_outline(doc)
    assert isinstance(doc, Agreement)
    chapters = _wanted_chapters(doc)
    order = {name: i for i, name in enumerate(CHAPTERS)}
    # Anchors the templates give: the table of contents, chapters, bodies, priorities.
    used: set[str] = {"innehall", *CHAPTERS}
    used.update(f"organ-{body.id}" for body in doc.bodies)
    used.update(f"omrade-{area.id}" for area in _areas(doc))
    placed: set[str] = set()
    parts: list[Part] = []

    def place(chapter: str, section: Section | None) -> None:
        # Chapters that come before this one in the usual order, and have no section of
        # their own later in the document, go first.
        for earlier in chapters:
            if earlier in placed or order[earlier] >= order[chapter]:
                continue
            if earlier in later_claims:
                continue
            placed.add(earlier)
            parts.append(Part(earlier, earlier, CHAPTERS[earlier]))
        placed.add(chapter)
        title = section.title if section is not None else CHAPTERS[chapter]
        parts.append(Part(chapter, chapter, title, section))

    later_claims: set[str] = set()
    sections = list(doc.sections)
    claims = [_CLAIMED.get(s.id) for s in sections]
    for i, section in enumerate(sections):
        later_claims = {c for c in claims[i + 1 :] if c is not None}
        chapter = claims[i]
        if chapter is not None and chapter in chapters and chapter not in placed:
            place(chapter, section)
        else:
            parts.append(Part("section", _unique(section.id, used), section.title, section))
    later_claims = set()
    for chapter in chapters:
        if chapter not in placed:
            place(chapter, None)
    return parts


def _sections(doc: ActionPlan, used: set[str]) -> list[Part]:
    return [Part("section", _unique(s.id, used), s.title, s) for s in doc.sections]


def _plan_outline(doc: ActionPlan) -> list[Part]:
    used = {"innehall", "atgarder", "aktorer", "uppfoljning"}
    used.update(f"atgard-{a.id}" for a in doc.actions)
    used.update(f"atgarder-{a.priority or 'ovriga'}" for a in doc.actions)
    parts = _sections(doc, used)
    if doc.actions:
        parts.append(Part("actions", "atgarder", "Åtgärder"))
    if doc.actors:
        parts.append(Part("actors", "aktorer", "Övriga aktörer"))
    if doc.follow_up is not None:
        parts.append(Part("follow_up", "uppfoljning", "Uppföljning"))
    return parts


def _promise_outline(doc: CitizenPromise) -> list[Part]:
    parts = [Part("problem", "problem", "Problemet")]
    if doc.causes:
        parts.append(Part("causes", "orsaker", "Troliga orsaker"))
    if doc.goals:
        parts.append(Part("goals", "mal", "Mål"))
    parts.append(Part("commitments", "ataganden", "Det här lovar vi"))
    if doc.actors:
        parts.append(Part("actors", "aktorer", "Övriga aktörer"))
    if doc.follow_up is not None:
        parts.append(Part("follow_up", "uppfoljning", "Uppföljning"))
    if doc.outcome:
        parts.append(Part("outcome", "utfall", "Utfall"))
    parts.append(Part("signatures", "underskrifter", "Underskrifter"))
    return parts


def _follow_up_outline(doc: FollowUp) -> list[Part]:
    used = {"innehall", "bedomning", "atgarder", "ataganden", "indikatorer", "framat", "underlag"}
    used.update(f"indikator-{i}" for i in range(1, len(doc.indicators) + 1))
    parts = [Part("summary", "bedomning", "Samlad bedömning")] if doc.summary else []
    if doc.actions:
        parts.append(Part("actions", "atgarder", "Åtgärder"))
    if doc.commitments:
        parts.append(Part("commitments", "ataganden", "Åtaganden i medborgarlöftet"))
    if doc.indicators:
        parts.append(Part("indicators", "indikatorer", "Indikatorer"))
    parts += [Part("section", _unique(s.id, used), s.title, s) for s in doc.sections]
    if doc.next_steps:
        parts.append(Part("next_steps", "framat", "Till nästa period"))
    if doc.based_on:
        parts.append(Part("based_on", "underlag", "Underlag"))
    return parts


def party_names(doc: Document, agreement: Agreement | None) -> dict[str, Party]:
    """Parties by id: the document's own, else those of the agreement it belongs to."""
    found: dict[str, Party] = {}
    if agreement is not None:
        found.update((p.id, p) for p in agreement.parties)
    own = getattr(doc, "parties", None) or []
    found.update((p.id, p) for p in own)
    return found


def actor_names(doc: Document, agreement: Agreement | None) -> dict[str, Actor]:
    """Actors by id: the agreement's, then the document's own (an action plan's extra ones)."""
    found: dict[str, Actor] = {}
    for source in (agreement, doc):
        found.update((a.id, a) for a in getattr(source, "actors", None) or [])
    return found


def _areas(doc: Agreement) -> Iterator[SubPriority]:
    """Every priority and sub-priority of ``doc``, each priority before its sub-priorities."""
    for priority in doc.priorities:
        yield priority
        yield from priority.sub_priorities


def build(
    doc: Document,
    *,
    documents: Mapping[str, Document],
    hrefs: Mapping[str, str],
    stamp: str,
    lives: StatusOf,
) -> View:
    """The view of ``doc``; ``documents`` are the others in the workspace (for names and
    titles), ``hrefs`` the address of each rendered page (a site), by document id, and
    ``lives`` says which are in force."""
    agreement: Agreement | None = None
    linked = getattr(doc, "agreement", None)
    if isinstance(linked, str):
        found = documents.get(linked)
        agreement = found if isinstance(found, Agreement) else None
    source = doc if isinstance(doc, Agreement) else agreement
    bodies = {b.id: b.name for b in source.bodies} if source is not None else {}
    priorities = {p.id: p.title for p in _areas(source)} if source is not None else {}
    status = lives.status(doc)
    links: dict[str, Link] = {}
    named = linked_ids(doc)
    if status.successor is not None:
        named.append(status.successor)
    for other_id in named:
        other = documents.get(other_id)
        links[other_id] = Link(
            other_id, other.title if other is not None else other_id, hrefs.get(other_id)
        )
    extra: dict[str, Any] = {}
    if isinstance(doc, FollowUp):
        from trygg_cli.render.followup import view

        extra["follow_up"] = view(doc, documents)
    return View(
        doc=doc,
        kind=kind_of(doc),
        outline=outline(doc),
        parties=party_names(doc, agreement),
        actors=actor_names(doc, agreement),
        bodies=bodies,
        priorities=priorities,
        links=links,
        superseded=[_earlier(old, documents, hrefs) for old in _superseded(doc)],
        stamp=stamp,
        status=status,
        about=identify(doc, agreement),
        extra=extra,
    )


def _superseded(doc: Document) -> list[Superseded]:
    return list(getattr(doc, "supersedes", None) or [])


def _earlier(
    old: Superseded, documents: Mapping[str, Document], hrefs: Mapping[str, str]
) -> Earlier:
    """The replaced document by its own title when it is in the workspace, else as written."""
    old_id = old.agreement or old.action_plan or old.citizen_promise
    found = documents.get(old_id) if old_id is not None else None
    if found is None or old_id is None:
        return Earlier(old.title, None, old.date)
    return Earlier(found.title, hrefs.get(old_id), old.date)


def linked_ids(doc: Document) -> list[str]:
    ids: list[str] = []
    if isinstance(doc, Agreement):
        ids += doc.action_plans + doc.citizen_promises
        if doc.central_agreement:
            ids.append(doc.central_agreement)
        ids += [s.agreement for s in doc.supersedes if s.agreement]
    elif isinstance(doc, FollowUp):
        ids += doc.followed
    else:
        linked = getattr(doc, "agreement", None)
        if linked:
            ids.append(linked)
    return ids


def names(ids: Iterable[str], participants: Mapping[str, Party | Actor]) -> str:
    """'Exempelby kommun, Lokalpolisområde Exempel och Exempelbostäder AB': parties and
    actors by name (an id only when no name is known)."""
    return joined([participants[i].name if i in participants else i for i in ids])


def who(item: Responsible, parties: Mapping[str, Party | Actor], bodies: Mapping[str, str]) -> str:
    """'BRÅ-samordnare, Mölndals stad', 'Mölndals stad och Mölndalsbostäder' — a role at a
    party or actor, several of them together, or a body, by name."""
    where = [names(item.who, parties)] if item.who else []
    if item.body is not None:
        where.append(bodies.get(item.body, item.body))
    place = ", ".join(where)
    return f"{item.role}, {place}" if item.role else place
