"""What a rendered document says about itself: draft, decided, in force, ended or replaced.

The status is the one ``trygg due`` acts on (:mod:`trygg_cli.model.life`), on the day the
document is rendered (the stamp's day): a document due no longer reminds about is never
published as in force. On top of that a document that can be signed (an agreement, a
citizen promise) is a draft ("Utkast") until it is decided or signed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from trygg_cli.model import Document
from trygg_cli.model.documents import ActionPlan, Agreement
from trygg_cli.model.followup import FollowUp
from trygg_cli.model.life import Life, Standing, in_effect, lives_of, standings

# The status as a word, for the index page and the document's own status line.
LABELS = {
    "draft": "Utkast",
    "upcoming": "Beslutad",
    "in-force": "Gällande",
    "ended": "Upphört",
    "replaced": "Ersatt",
    "done": "Genomförd",  # a follow-up with its date: a record, never "in force"
}


@dataclass(frozen=True)
class Status:
    """``state`` (a key of :data:`LABELS`), its ``label``, the day it turns on
    (``since``: when an ended document ended, a replaced one was replaced, an upcoming
    one starts) and the id of the document that replaced it."""

    state: str
    label: str
    since: date | None = None
    successor: str | None = None


@dataclass(frozen=True)
class Lives:
    """The life of every document of a run, worked out once for all its pages."""

    as_of: date
    standings: Mapping[str, Standing]
    lives: Mapping[str, Life]

    @classmethod
    def of(cls, documents: Iterable[Document], as_of: date) -> Lives:
        found = standings(documents)
        return cls(as_of, found, lives_of(found, as_of))

    def status(self, doc: Document) -> Status:
        """The status of ``doc`` on :attr:`as_of`."""
        return self.status_by(doc.id, draft(doc), record_day(doc))

    def status_by(self, doc_id: str, is_draft: bool, record: date | bool | None) -> Status:
        """The status of the document ``doc_id`` on :attr:`as_of`, from what was read of
        it (:func:`draft`, :func:`record_day`), so that a site needs only those facts."""
        life = self.lives.get(doc_id)
        if life is not None and life.replaced is not None and life.replaced <= self.as_of:
            return _status("replaced", life.replaced, life.successor)
        if life is not None and life.ended is not None and life.ended < self.as_of:
            return _status("ended", life.ended)
        if is_draft:
            return _status("draft")
        if record is not False:  # a follow-up
            return _status("done", record if isinstance(record, date) else None)
        start = in_effect(self.standings[doc_id], self.standings).start
        if start is not None and start > self.as_of:
            return _status("upcoming", start)
        return _status("in-force")


class StatusOf(Protocol):
    """What gives a page its document's status: :class:`Lives`, or a site's statuses
    worked out beforehand."""

    def status(self, doc: Document) -> Status: ...


def record_day(doc: Document) -> date | bool | None:
    """A follow-up's day (its own, or when it was noted; ``None`` when it has neither);
    ``False`` for any other document."""
    if not isinstance(doc, FollowUp):
        return False
    return doc.date or (doc.noted_by.date if doc.noted_by else None)


def _status(state: str, since: date | None = None, successor: str | None = None) -> Status:
    return Status(state, LABELS[state], since, successor)


def draft(doc: Document) -> bool:
    """Neither decided (a decision with a date) nor signed by anyone; an action plan,
    which is neither decided nor signed in trygg's format, is never a draft; a follow-up
    is one until it has a date (its own, or when it was noted)."""
    if isinstance(doc, ActionPlan):
        return False
    if isinstance(doc, FollowUp):
        return doc.date is None and (doc.noted_by is None or doc.noted_by.date is None)
    decision = doc.decision if isinstance(doc, Agreement) else None
    signatories = getattr(doc, "signatories", None) or []
    decided = decision is not None and decision.date is not None
    return not decided and not any(s.signed for s in signatories)


def statuses(documents: Mapping[str, Document], as_of: date) -> dict[str, Status]:
    """The status of every document, by id."""
    lives = Lives.of(documents.values(), as_of)
    return {doc_id: lives.status(doc) for doc_id, doc in documents.items()}
