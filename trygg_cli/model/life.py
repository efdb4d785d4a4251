"""The life of documents: when each ends in effect, which later document replaces it, and
whether it is still in force on a day.

One set of rules for ``trygg due`` (what it still shows, :mod:`trygg_cli.due.life`) and
``trygg render`` (the status a rendered document carries), so that a document the due
list treats as ended is never published as in force, and the other way round.

* **Replaced**: some document names it under ``supersedes``; it is replaced from its
  successors' earliest start (the start, else the signing, else the day asked about).
* **Ended**: its end in effect (the last extension, ``until``, or start plus term) is
  before the day. An action plan without a period of its own lives, ends and is replaced
  with its agreement.
* **Concluded**: marked as deliberately ended (``ended:`` on its period): ended at its
  period's end, else on the day asked about.

The rules read a document through :class:`Lived`, which due's ``DocumentSchedules`` (built
in worker processes) and :class:`Standing` (built here from a model document) both are.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple, Protocol

from trygg_cli.model.dates import period_end, period_start, signing_date
from trygg_cli.model.documents import ActionPlan, Agreement, CitizenPromise, Document
from trygg_cli.model.followup import FollowUp


class Dates(Protocol):
    """A document's own start, end in effect and signing."""

    @property
    def start(self) -> date | None: ...
    @property
    def end(self) -> date | None: ...
    @property
    def signing(self) -> date | None: ...


class Lived(Protocol):
    """What the rules need of a document."""

    @property
    def doc_kind(self) -> str: ...
    @property
    def span(self) -> Dates: ...
    @property
    def agreement(self) -> str | None: ...
    @property
    def has_period(self) -> bool: ...
    @property
    def from_signing(self) -> bool: ...
    @property
    def supersedes(self) -> tuple[str, ...]: ...
    @property
    def concluded(self) -> object | None: ...


class OwnDates(NamedTuple):
    start: date | None = None
    end: date | None = None
    signing: date | None = None


class Standing(NamedTuple):
    """A :class:`Lived` made from a model document (see :func:`standing`)."""

    doc_kind: str
    span: OwnDates
    agreement: str | None = None
    has_period: bool = False
    from_signing: bool = False
    supersedes: tuple[str, ...] = ()
    concluded: object | None = None


def superseded_ids(doc: Document) -> tuple[str, ...]:
    """The ids of the documents ``doc`` says it replaces (``supersedes``), each once."""
    named = (
        other
        for s in getattr(doc, "supersedes", None) or []
        for other in (s.agreement, s.action_plan, s.citizen_promise)
        if other is not None
    )
    return tuple(dict.fromkeys(named))


def standing(doc: Document) -> Standing:
    """What the rules read of ``doc``."""
    if isinstance(doc, Agreement | CitizenPromise):
        period = doc.validity if isinstance(doc, Agreement) else doc.period
        dates = OwnDates(
            period_start(doc, period), period_end(doc, period), signing_date(doc.signatories)
        )
        return Standing(doc.kind, dates, supersedes=superseded_ids(doc), concluded=period.ended)
    if isinstance(doc, FollowUp):  # a record of one occasion: no period of its own
        return Standing(doc.kind, OwnDates())
    assert isinstance(doc, ActionPlan)
    plan_period = doc.period
    if plan_period is None:
        return Standing(doc.kind, OwnDates(), doc.agreement, supersedes=superseded_ids(doc))
    return Standing(
        doc.kind,
        OwnDates(plan_period.start, period_end(doc, plan_period)),
        doc.agreement,
        has_period=True,
        from_signing=plan_period.start is None and plan_period.from_signing,
        supersedes=superseded_ids(doc),
        concluded=plan_period.ended,
    )


def in_effect(source: Lived, documents: Mapping[str, Lived]) -> OwnDates:
    """The start, end and signing ``source`` lives by: its own, or for an action plan its
    agreement's signing and, unless it has a period of its own, its agreement's period."""
    own = source.span
    if source.doc_kind != "action-plan":
        return OwnDates(own.start, own.end, own.signing)
    found = documents.get(source.agreement or "")
    owner = found.span if found is not None and found.doc_kind == "agreement" else None
    signing = owner.signing if owner is not None else None
    if source.has_period:
        return OwnDates(signing if source.from_signing else own.start, own.end, signing)
    if owner is not None:
        return OwnDates(owner.start, owner.end, signing)
    return OwnDates()


class Successor(NamedTuple):
    """The document that replaces another, and from when."""

    start: date
    doc_id: str


def successors(documents: Mapping[str, Lived], as_of: date) -> dict[str, Successor]:
    """For each document another names under ``supersedes``: the successor that starts
    first (its start, else its signing, else ``as_of``)."""
    out: dict[str, Successor] = {}
    for doc_id, doc in documents.items():
        if not doc.supersedes:
            continue
        dates = in_effect(doc, documents)
        start = dates.start or dates.signing or as_of
        for named in doc.supersedes:
            if named != doc_id and (named not in out or start < out[named].start):
                out[named] = Successor(start, doc_id)
    return out


@dataclass(frozen=True)
class Life:
    """What a document's life says on a day: ``ended`` (when it ended, for an ended or
    concluded document), ``replaced`` (when its successor took over) and ``quiet_end``
    (its end and the reminder to renegotiate are no longer due)."""

    ended: date | None = None
    replaced: date | None = None
    quiet_end: bool = False
    successor: str | None = None

    def over(self, as_of: date) -> bool:
        """Whether the document is no longer in force on ``as_of`` (ended or replaced)."""
        return (self.ended is not None and self.ended < as_of) or (
            self.replaced is not None and self.replaced <= as_of
        )


def lives_of(documents: Mapping[str, Lived], as_of: date) -> dict[str, Life]:
    """The :class:`Life` of each document that has one to apply on ``as_of``."""
    replaced = successors(documents, as_of)
    out: dict[str, Life] = {}
    for doc_id, doc in documents.items():
        end = in_effect(doc, documents).end
        owner = doc_id
        if doc.doc_kind == "action-plan" and not doc.has_period and doc.agreement:
            owner = doc.agreement  # it lives and is replaced with its agreement
        concluded = doc.concluded is not None
        if concluded and end is None:
            end = as_of
        gone = end is not None and end < as_of
        successor = replaced.get(owner)
        life = Life(
            ended=end if gone or concluded else None,
            replaced=successor.start if successor is not None else None,
            quiet_end=gone or concluded or successor is not None,
            successor=successor.doc_id if successor is not None else None,
        )
        if life != Life():
            out[doc_id] = life
    return out


def standings(documents: Iterable[Document]) -> dict[str, Standing]:
    """:func:`standing` of each document, by id."""
    return {doc.id: standing(doc) for doc in documents}
