"""What a document's schedules count within: its own period and signing, or for an action
plan its agreement's (see :func:`trygg_cli.due.engine.borrows`)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from trygg_cli.due.extract import DocumentSchedules
from trygg_cli.due.slots import Span
from trygg_cli.model.life import in_effect


def resolve(
    source: DocumentSchedules,
    documents: Mapping[str, DocumentSchedules],
    fallback: date | None,
) -> tuple[Span, tuple[str, ...], dict[str, str]]:
    """The span a document's schedules count within, its parties and the names of the
    bodies it can name. An action plan borrows its agreement's signing, parties and
    bodies, and its period unless it has its own (:func:`trygg_cli.model.life.in_effect`)."""
    dates = in_effect(source, documents)
    span = Span(dates.start, dates.end, dates.signing, fallback)
    if source.doc_kind != "action-plan":
        return span, source.span.parties, dict(source.body_names)
    agreement = documents.get(source.agreement or "")
    if agreement is None or agreement.doc_kind != "agreement":
        return span, (), {}
    return span, agreement.span.parties, dict(agreement.body_names)
