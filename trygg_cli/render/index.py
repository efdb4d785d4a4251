"""The index page of ``trygg render --site``: every document by municipality, with what a
reader looks for first — whether it is in force, its period and its next follow-up.

Agreements are grouped by municipality (local ones under their central one), each with
its action plans and citizen promises; documents that belong to none come last. Each
entry says "Gällande. Gäller från och med 1 maj 2023 till och med 31 december 2026.
Nästa uppföljning 31 december 2026." (or "Upphört", "Utkast", "Ersatt" …).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from trygg_cli.model import Document
from trygg_cli.model.documents import Agreement
from trygg_cli.render import sentences, words
from trygg_cli.render.status import Lives, Status

SUFFIX = {"html": ".html", "markdown": ".md", "pdf": ".pdf", "docx": ".docx"}


@dataclass(frozen=True)
class FollowUp:
    """A document's next follow-up as ``trygg due`` plans it: the day it is due, and
    whether that day has passed without it being recorded."""

    due: date
    overdue: bool = False


@dataclass(frozen=True)
class IndexEntry:
    """One document on the index page, with what belongs to it: its status, its period
    in words ("från och med 1 maj 2023 till och med 31 december 2026"; '' when it has
    none of its own), its next follow-up, and the address of its PDF when there is one."""

    id: str
    title: str
    href: str
    status: Status | None = None
    period: str = ""
    follow_up: FollowUp | None = None
    pdf: str | None = None
    plans: list[IndexEntry] = field(default_factory=list)
    promises: list[IndexEntry] = field(default_factory=list)
    local: list[IndexEntry] = field(default_factory=list)


def page_names(doc_ids: Iterable[str], output_format: str) -> dict[str, str]:
    """The file each document's page is written to: its id, unless another document or
    the index page has that name (compared case folded, as some file systems do); then
    the id with the first free number."""
    suffix = SUFFIX[output_format]
    ids = list(doc_ids)
    taken = {index_name(output_format).casefold()}
    names: dict[str, str] = {}
    for doc_id in ids:  # first every document that can have its own name
        name = doc_id + suffix
        if name.casefold() not in taken:
            taken.add(name.casefold())
            names[doc_id] = name
    for doc_id in ids:
        n = 2
        while doc_id not in names:
            name = f"{doc_id}-{n}{suffix}"
            if name.casefold() not in taken:
                taken.add(name.casefold())
                names[doc_id] = name
            n += 1
    return {doc_id: names[doc_id] for doc_id in ids}


def index_name(output_format: str) -> str:
    return "index" + SUFFIX[output_format]


def period_words(doc: Document) -> str:
    """The document's own period as the index says it, with its latest extension."""
    period = doc.validity if isinstance(doc, Agreement) else getattr(doc, "period", None)
    if period is None:
        return ""
    said = words.period(period, doc)
    if period.extensions:
        said += ", förlängd " + sentences.extension(period.extensions[-1])
    return said


def entries_of(
    documents: Mapping[str, Document],
    hrefs: Mapping[str, str],
    lives: Lives | None = None,
    follow_ups: Mapping[str, FollowUp] | None = None,
    pdfs: Mapping[str, str] | None = None,
) -> dict[str, IndexEntry]:
    """An index entry for every document, by id."""
    follow_ups = follow_ups or {}
    return {
        doc_id: IndexEntry(
            doc_id,
            doc.title,
            hrefs[doc_id],
            lives.status(doc) if lives is not None else None,
            period_words(doc),
            follow_ups.get(doc_id),
            (pdfs or {}).get(doc_id),
        )
        for doc_id, doc in documents.items()
    }


def site_index(
    documents: Mapping[str, Any], entries: Mapping[str, IndexEntry]
) -> tuple[list[tuple[str, list[IndexEntry]]], list[IndexEntry]]:
    """Agreements by municipality (local ones under their central one, each with its
    action plans and citizen promises), and the documents that belong to none.
    ``documents`` are model documents, or the facts a site keeps of them (render.facts):
    what is read of each is its ``id``, ``kind``, ``agreement``, ``municipality``,
    ``scope`` and ``central_agreement``."""
    placed: set[str] = set()
    for doc_id, doc in documents.items():
        agreement = getattr(doc, "agreement", None)
        if doc.kind in ("action-plan", "citizen-promise") and agreement is not None:
            owner = documents.get(agreement)
            if owner is not None and owner.kind == "agreement":
                listed = entries[owner.id]
                (listed.plans if doc.kind == "action-plan" else listed.promises).append(
                    entries[doc_id]
                )
                placed.add(doc_id)
    for doc_id, doc in documents.items():
        central_id = getattr(doc, "central_agreement", None)
        if doc.kind != "agreement" or getattr(doc, "scope", None) != "local" or not central_id:
            continue
        # Only under a central agreement, which is never under another: no cycles.
        central = documents.get(central_id)
        central_scope = getattr(central, "scope", None)
        if central is not None and central.kind == "agreement" and central_scope == "central":
            entries[central.id].local.append(entries[doc_id])
            placed.add(doc_id)
    by_municipality: dict[str, list[IndexEntry]] = {}
    others: list[IndexEntry] = []
    for doc_id, doc in documents.items():
        if doc_id in placed:
            continue
        if doc.kind == "agreement":
            by_municipality.setdefault(str(getattr(doc, "municipality", "")), []).append(
                entries[doc_id]
            )
        else:
            others.append(entries[doc_id])
    ordered = sorted(by_municipality.items(), key=lambda item: _sort_key(item[0]))
    for _name, group in ordered:
        group.sort(key=lambda e: _sort_key(e.title))
    return ordered, others


_SWEDISH_ORDER = {c: i for i, c in enumerate("abcdefghijklmnopqrstuvwxyzåäö")}


def _sort_key(text: str) -> list[tuple[int, str]]:
    """Swedish alphabetical order (å, ä, ö after z), case folded."""
    return [(_SWEDISH_ORDER.get(c, -1), c) for c in text.casefold()]
