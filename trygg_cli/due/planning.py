"""Due's planning pass: each document planned in the worker process that read it.

What crosses the process boundary is the plan (occurrences as plain tuples, pickled per
document) and the few facts the whole workspace needs of a document (its life, its
parties' and bodies' names, what a follow-up closes), not the document or its schedules.
The main process keeps the plan as bytes until the lives of all documents are known
(:mod:`trygg_cli.due.life`), then settles each document's plan in turn.

Two things only the main process can plan, so their entries come along (pickled too):
an action plan's schedules, which count within its agreement's period (the agreement may
be in another file; :func:`~trygg_cli.due.engine.borrows`), and a document's follow-up
schedules, which a follow-up document in another file may close
(:mod:`trygg_cli.due.followups`). An action plan that a follow-up document closes is
planned again whole, with its agreement, as :func:`~trygg_cli.due.engine.plan` does.
"""

from __future__ import annotations

import pickle
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, ClassVar, NamedTuple

from trygg_cli.check.passes import ParsedFile
from trygg_cli.due.engine import borrows, plan_document
from trygg_cli.due.extract import SCHEDULES
from trygg_cli.due.followups import FOLLOW_UP_ITEMS
from trygg_cli.due.occurrence import DuePlan, Occurrence
from trygg_cli.due.query import DueQuery
from trygg_cli.due.records import DocumentSchedules, Entry
from trygg_cli.findings import YamlPath

_as_occurrence = partial(tuple.__new__, Occurrence)


def _dumps(value: object) -> bytes:
    # Compressed: a plan waits in the main process until every file has arrived, and its
    # occurrences repeat the same words and dates (a fifth of the size, for little time).
    return zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1)


def _loads(blob: bytes) -> Any:
    return pickle.loads(zlib.decompress(blob))


def pack(plan: DuePlan) -> bytes:
    """``plan``'s occurrences (as plain tuples: they unpickle several times faster than
    named tuples), completions that matched nothing, unplaced and tied schedules."""
    if not (plan.occurrences or plan.unmatched or plan.unanchored or plan.tied):
        return b""
    return _dumps((list(map(tuple, plan.occurrences)), plan.unmatched, plan.unanchored, plan.tied))


def unpack(blob: bytes) -> DuePlan:
    """The plan :func:`pack` packed."""
    if not blob:
        return DuePlan()
    occurrences, unmatched, unanchored, tied = _loads(blob)
    return DuePlan(list(map(_as_occurrence, occurrences)), unmatched, unanchored, tied)


def pack_entries(entries: Sequence[Entry]) -> bytes:
    return _dumps(tuple(entries)) if entries else b""


def unpack_entries(blob: bytes) -> tuple[Entry, ...]:
    found: tuple[Entry, ...] = _loads(blob) if blob else ()
    return found


class PlannedDocument(NamedTuple):
    """One document as the main process keeps it while the others arrive.

    ``facts``: what its life, its successors, its action plans and the calendar need
    (its :class:`DocumentSchedules` without entries); ``anchored``: where its schedules
    placed after its end are written (``first: validity_end``); ``fixed``: the packed
    plan of the entries planned here for good; ``closable``: the packed plan of its
    follow-up schedules, as long as no follow-up document closes them; ``entries``: the
    entries the main process may plan (see the module docstring)."""

    facts: DocumentSchedules
    anchored: tuple[YamlPath, ...]
    fixed: bytes
    closable: bytes = b""
    entries: bytes = b""


def closable(entry: Entry) -> bool:
    """Whether a follow-up document can close occasions of ``entry``."""
    return entry.schedule is not None and entry.base.item in FOLLOW_UP_ITEMS


def keep_wanted(plan: DuePlan, query: DueQuery | None) -> DuePlan:
    """``plan`` without the obligations ``query`` does not show. Only routine occasions
    (and none at all without a query) must wait for the whole workspace: which of them is
    shown depends on the others of their item and on the document's life; an obligation
    is shown or not by itself, once its document's life lets it."""
    if query is None:
        return plan
    kept = [o for o in plan.occurrences if o.routine or query.wants(o)]
    return DuePlan(kept, plan.unmatched, plan.unanchored, plan.tied)


def plan_entries(
    source: DocumentSchedules,
    entries: Iterable[Entry],
    documents: Mapping[str, DocumentSchedules],
    query: DueQuery,
    borrowing: bool | None = None,
) -> DuePlan:
    """:func:`~trygg_cli.due.engine.plan_document` of some of ``source``'s entries."""
    return plan_document(
        source._replace(entries=tuple(entries)),
        documents,
        until=query.until,
        fallback_start=query.fallback_start,
        shift_holidays=query.shift_holidays,
        borrowing=borrowing,
        as_of=query.as_of,
    )


def planned_document(
    source: DocumentSchedules, query: DueQuery, shown_only: bool
) -> PlannedDocument:
    """Plan what ``source`` can plan by itself; keep the rest for the main process."""
    filtered = query if shown_only else None
    facts = source._replace(entries=())
    anchored = tuple(
        e.loc
        for e in source.entries
        if e.schedule is not None and e.schedule.first == "validity_end"
    )
    if source.doc_kind == "action-plan":
        own = [e for e in source.entries if not borrows(source, e)]
        fixed = keep_wanted(plan_entries(source, own, {}, query, borrowing=False), filtered)
        return PlannedDocument(facts, anchored, pack(fixed), entries=pack_entries(source.entries))
    later = [e for e in source.entries if closable(e)]
    rest = [e for e in source.entries if not closable(e)]
    fixed = keep_wanted(plan_entries(source, rest, {}, query), filtered)
    early = keep_wanted(plan_entries(source, later, {}, query), filtered)
    return PlannedDocument(facts, anchored, pack(fixed), pack(early), pack_entries(later))


@dataclass(frozen=True)
class PlanningPass:
    """Due's pass for ``trygg due``: what a valid document schedules, planned for
    ``query`` where it is read. With ``shown_only``, obligations the query does not show
    are left out at once (see :func:`keep_wanted`)."""

    name: ClassVar[str] = "due-plan"
    findings_only: ClassVar[bool] = False
    query: DueQuery
    shown_only: bool = False

    def fingerprint(self) -> str:
        q = self.query
        sets = (q.parties, q.bodies, q.items, q.documents)
        return repr(
            (
                self.name,
                q.as_of.isoformat(),
                q.within_days,
                q.overdue_only,
                q.include_done,
                [sorted(values) for values in sets],
                q.shift_holidays,
                q.every_upcoming,
                self.shown_only,
            )
        )

    def run(self, parsed: ParsedFile) -> PlannedDocument | None:
        source: DocumentSchedules | None = SCHEDULES.run(parsed)
        if source is None:
            return None
        return planned_document(source, self.query, self.shown_only)
