"""What a site knows of each document before any page is rendered: the small facts that
other pages and the index read (title, status, period, links), taken out in the worker
processes that read the files, so that no whole document is kept for the site.

A page is made from its own document, the documents it reads in full (:attr:`Facts.reads`:
an action plan's or citizen promise's agreement, a follow-up's documents) and these facts
of the documents it names; :func:`page_key` hashes exactly those, so that a page whose
inputs did not change need not be rendered again.
"""

from __future__ import annotations

import hashlib
import pickle
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from trygg_cli.check.passes import ParsedFile
from trygg_cli.model import Document
from trygg_cli.model.documents import Agreement
from trygg_cli.model.followup import FollowUp
from trygg_cli.model.life import Standing, standing
from trygg_cli.render.identity import kind_of
from trygg_cli.render.index import period_words
from trygg_cli.render.status import Status, draft, record_day
from trygg_cli.render.view import linked_ids


@dataclass(frozen=True)
class Facts:
    """One document as the rest of a site sees it."""

    id: str
    kind: str
    title: str
    digest: str  # of the file's text
    standing: Standing
    draft: bool
    record: date | bool | None  # render.status.record_day
    agreement: str | None  # the agreement an action plan or citizen promise belongs to
    municipality: str | None  # an agreement's
    scope: str | None  # an agreement's
    central_agreement: str | None
    period: str  # the index's words for its period
    names: tuple[str, ...]  # documents its page links to, by title
    reads: tuple[str, ...]  # documents its page reads in full
    follows: tuple[tuple[str, ...], str | None] | None = None  # a follow-up's followed, measured


def facts_of(doc: Document, text: str) -> Facts:
    """The :class:`Facts` of ``doc``, read from a file holding ``text``."""
    agreement = getattr(doc, "agreement", None)
    names = [*linked_ids(doc), *_superseded_ids(doc)]
    reads: tuple[str, ...] = (agreement,) if isinstance(agreement, str) else ()
    follows = None
    if isinstance(doc, FollowUp):
        measured = doc.indicators_of
        others = (doc.action_plan, doc.citizen_promise, measured, *doc.followed)
        reads = tuple(dict.fromkeys([*reads, *(o for o in others if o)]))
        follows = (doc.followed, measured)
    own = doc if isinstance(doc, Agreement) else None
    return Facts(
        id=doc.id,
        kind=kind_of(doc),
        title=doc.title,
        digest=hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest(),
        standing=standing(doc),
        draft=draft(doc),
        record=record_day(doc),
        agreement=agreement if isinstance(agreement, str) else None,
        municipality=own.municipality if own is not None else None,
        scope=own.scope if own is not None else None,
        central_agreement=own.central_agreement if own is not None else None,
        period=period_words(doc),
        names=tuple(dict.fromkeys(names)),
        reads=reads,
        follows=follows,
    )


def _superseded_ids(doc: Document) -> list[str]:
    found = []
    for old in getattr(doc, "supersedes", None) or []:
        old_id = old.agreement or old.action_plan or old.citizen_promise
        if old_id is not None:
            found.append(old_id)
    return found


@dataclass(frozen=True)
class SiteFacts:
    """The pass: the :class:`Facts` of a valid document."""

    name: ClassVar[str] = "site-facts"
    findings_only: ClassVar[bool] = False

    def fingerprint(self) -> str:
        return self.name + "/1"

    def run(self, parsed: ParsedFile) -> Facts | None:
        if parsed.document is None:
            return None
        return facts_of(parsed.document, parsed.text)


SITE_FACTS = SiteFacts()


@dataclass(frozen=True)
class SiteDocument:
    """The pass: a valid document, pickled and compressed (a tenth of its size as a
    model), for the main process to set aside until its page is rendered: unpickled in
    a render worker it costs a fifth of reading the file again."""

    name: ClassVar[str] = "site-document"
    findings_only: ClassVar[bool] = False

    def fingerprint(self) -> str:
        return self.name + "/1"

    def run(self, parsed: ParsedFile) -> bytes | None:
        if parsed.document is None:
            return None
        return zlib.compress(pickle.dumps(parsed.document, pickle.HIGHEST_PROTOCOL), 1)


SITE_DOCUMENT = SiteDocument()


def page_key(
    base: str,
    facts: Facts,
    known: Mapping[str, Facts],
    hrefs: Mapping[str, str],
    statuses: Mapping[str, Status],
    stamp: str,
    reads: tuple[str, ...],
) -> str:
    """What a page is made from, hashed: ``base`` (trygg, the templates, the format and
    the site's settings), its document, its footer, its status, the title and address of
    every document it names and the whole of every document it ``reads``."""
    status = statuses[facts.id]
    parts = [base, stamp, facts.digest, repr(status), hrefs[facts.id]]
    named = facts.names if status.successor is None else (*facts.names, status.successor)
    for other in named:
        found = known.get(other)
        parts += [other, found.title if found is not None else "", hrefs.get(other, "")]
    for other in reads:
        found = known.get(other)
        parts += [other, found.digest if found is not None else ""]
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()
