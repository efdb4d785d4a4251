"""What a document's schedules count within: its own period and signing, or for an action
plan its agreement's (see :func:`trygg_cli.due.engine.borrows`)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from trygg_cli.due.extract import DocumentSchedules
from trygg_cli.due.slots import Span


def resolve(
    source: DocumentSchedules,
    documents: Mapping[str, DocumentSchedules],
    fallback: date | None,
) -> tuple[Span, tuple[str, ...], dict[str, str]]:
    """The span a document's schedules count within, its parties and the names of the
    bodies it can name. An action plan borrows its agreement's signing, parties and
    bodies, and its period unless it has its own."""
    own = source.span
    if source.doc_kind != "action-plan":
        return Span(own.start, own.end, own.signing, fallback), own.parties, dict(source.body_names)
    agreement = documents.get(source.agreement or "")
    if agreement is None or agreement.doc_kind != "agreement":
        agreement = None
    owner = agreement.span if agreement is not None else None
    names = dict(agreement.body_names) if agreement is not None else {}
    signing = owner.signing if owner is not None else None
    parties = owner.parties if owner is not None else ()
    if source.has_period:
        start = signing if source.from_signing else own.start
        return Span(start, own.end, signing, fallback), parties, names
    if owner is not None:
        return Span(owner.start, owner.end, signing, fallback), parties, names
    return Span(None, None, None, fallback), parties, names
