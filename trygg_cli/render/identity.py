"""What names a rendered document outside its text: the page's ``<title>``, the running
header of a printed page, and the title and authors a PDF or Word file carries.

"Åtgärdsplan Trygg i Mölndal 2023–2026" stays as it is, "Lokal samverkansöverenskommelse"
becomes "Lokal samverkansöverenskommelse – Mölndal": the title with the kind and the
municipality it does not already name, so that a browser tab, a search hit or a bookmark
says what and whose the document is.
"""

from __future__ import annotations

from dataclasses import dataclass

from trygg_cli.model import Document
from trygg_cli.model.documents import ActionPlan, Agreement, CitizenPromise
from trygg_cli.model.followup import FollowUp
from trygg_cli.render.words import joined

# A running header holds a title up to this long; a longer one is shortened to the kind
# and the municipality.
_SHORT = 60


@dataclass(frozen=True)
class Identity:
    """A document's kind as a name, its municipality (none when neither it nor its
    agreement names one), the page title, the short title of the running header, the
    diarienummer of its decision and its authors (the parties, by name)."""

    kind_name: str
    municipality: str | None
    page_title: str
    short_title: str
    dnr: str | None
    authors: str


def kind_name(doc: Document) -> str:
    """'Central samverkansöverenskommelse', 'Lokal samverkansöverenskommelse',
    'Åtgärdsplan', 'Medborgarlöfte', 'Uppföljning'."""
    if isinstance(doc, Agreement):
        scope = "Central" if doc.scope == "central" else "Lokal"
        return f"{scope} samverkansöverenskommelse"
    if isinstance(doc, FollowUp):
        return "Uppföljning"
    return "Åtgärdsplan" if isinstance(doc, ActionPlan) else "Medborgarlöfte"


_KIND_OF: dict[type, str] = {
    Agreement: "agreement",
    ActionPlan: "action-plan",
    CitizenPromise: "citizen-promise",
    FollowUp: "follow-up",
}


def kind_of(doc: Document) -> str:
    """'agreement', 'action-plan', 'citizen-promise' or 'follow-up': its templates' name."""
    return _KIND_OF[type(doc)]


def identify(doc: Document, agreement: Agreement | None) -> Identity:
    """The :class:`Identity` of ``doc``; an action plan has its ``agreement``'s
    municipality and parties."""
    name = kind_name(doc)
    owner = doc if isinstance(doc, Agreement | CitizenPromise) else agreement
    municipality = owner.municipality if owner is not None else None
    whose = f"{name}, {municipality}" if municipality else name
    missing = [w for w in (name, municipality) if w and w.casefold() not in doc.title.casefold()]
    page_title = f"{doc.title} – {', '.join(missing)}" if missing else doc.title
    short_title = doc.title if len(doc.title) <= _SHORT else whose
    decision = doc.decision if isinstance(doc, Agreement) else None
    dnr = decision.dnr if decision is not None else None
    authors = joined([p.name for p in owner.parties]) if owner is not None else ""
    return Identity(name, municipality, page_title, short_title, dnr, authors)
