"""The main process's side of a ``trygg due`` run: documents planned in the workers
(:mod:`trygg_cli.due.planning`) gathered as they arrive, then settled one by one.

What waits here until every file has arrived is small: each document's facts and its
plan as bytes. An action plan's schedules are planned as soon as its agreement is in,
while the workers read the rest. At the end, the documents that hold their ids are
settled in turn (:func:`trygg_cli.due.life.settle_document`), each unpacked, filtered
and let go before the next.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from trygg_cli.check.results import FileResult
from trygg_cli.due.engine import borrows
from trygg_cli.due.followups import closings, with_closings
from trygg_cli.due.life import ended_documents, settle_document
from trygg_cli.due.occurrence import DuePlan, Occurrence, Unrecorded
from trygg_cli.due.planning import (
    PlannedDocument,
    PlanningPass,
    keep_wanted,
    pack,
    plan_entries,
    unpack,
    unpack_entries,
)
from trygg_cli.due.query import DueQuery
from trygg_cli.due.records import Closing, DocumentSchedules
from trygg_cli.model.life import lives_of
from trygg_cli.workspace import Workspace

_as_occurrence = partial(tuple.__new__, Occurrence)


class Planner:
    """Gathers each file's planned document as it arrives; an action plan's schedules
    wait for its agreement (see :func:`~trygg_cli.due.engine.borrows`)."""

    def __init__(
        self, query: DueQuery, strict_routine_from: date | None, *, shown_only: bool = False
    ) -> None:
        self.query = query
        self.strict_routine_from = strict_routine_from
        self.wanted = query if shown_only else None
        self.shown_only = shown_only
        self.planned: dict[str, PlannedDocument] = {}  # by path
        self.agreements: dict[str, DocumentSchedules] = {}  # the first to arrive with each id
        self.waiting: dict[str, list[str]] = {}  # agreement id → paths of its action plans
        # path → the packed plan made with an agreement, and that agreement
        self.borrowed: dict[str, tuple[bytes, DocumentSchedules]] = {}
        self.winners: dict[str, DocumentSchedules] = {}  # set by finish()

    def arrived(self, result: FileResult) -> None:
        """Keep one file's planned document; lend agreements to action plans."""
        found: PlannedDocument | None = result.outputs.get(PlanningPass.name)
        if found is None:
            return
        self.planned[result.path] = found
        facts = found.facts
        if facts.doc_kind == "agreement":
            self.agreements.setdefault(facts.doc_id, facts)
            for path in self.waiting.pop(facts.doc_id, []):
                self._lend(path, self.agreements[facts.doc_id])
        elif facts.doc_kind == "action-plan" and facts.agreement is not None:
            agreement = self.agreements.get(facts.agreement)
            if agreement is not None:
                self._lend(result.path, agreement)
            else:
                self.waiting.setdefault(facts.agreement, []).append(result.path)

    def _borrowing(self, doc: PlannedDocument, documents: dict[str, DocumentSchedules]) -> DuePlan:
        facts = doc.facts
        entries = [e for e in unpack_entries(doc.entries) if borrows(facts, e)]
        plan = plan_entries(facts, entries, documents, self.query, borrowing=True)
        return keep_wanted(plan, self.wanted)

    def _lend(self, path: str, agreement: DocumentSchedules) -> None:
        plan = self._borrowing(self.planned[path], {agreement.doc_id: agreement})
        self.borrowed[path] = (pack(plan), agreement)

    def unread(self, workspace: Workspace) -> list[str]:
        """The checked files whose document is not in the plan (see ``DueOutcome``)."""
        out = []
        for r in workspace.results:
            doc = self.planned.get(r.path)
            holder = workspace.by_id.get(doc.facts.doc_id) if doc is not None else None
            if r.checked and (holder is None or holder.path != r.path):
                out.append(r.path)
        return out

    def finish(self, workspace: Workspace) -> tuple[DuePlan, list[Occurrence]]:
        """The settled plan and the occurrences to show, sorted, once every file has
        arrived: each document that holds its id, planned with what follow-up documents
        close in it and (an action plan) with the agreement that holds its id."""
        holders = {doc_id: r.path for doc_id, r in workspace.by_id.items()}
        self.winners = {
            doc_id: self.planned[path].facts
            for doc_id, path in holders.items()
            if path in self.planned
        }
        closed = closings(self.winners)
        lives = lives_of(self.winners, self.query.as_of)
        out = DuePlan()
        shown: list[Occurrence] = []
        unrecorded: list[Unrecorded] = []
        shared = _Shared()
        for r in workspace.results:
            doc = self.planned.pop(r.path, None)
            if doc is None or holders.get(doc.facts.doc_id) != r.path:
                continue  # unread, or its id was taken by an earlier file
            plan = self._plan_of(r.path, doc, closed.get(doc.facts.doc_id))
            settled, missing = settle_document(
                plan.occurrences,
                lives.get(doc.facts.doc_id),
                frozenset(doc.anchored),
                as_of=self.query.as_of,
                strict_routine_from=self.strict_routine_from,
                every_upcoming=self.query.every_upcoming,
            )
            if self.shown_only:
                shown.extend(shared.of(o) for o in settled if self.query.wants(o))
            else:
                out.occurrences.extend(settled)
            unrecorded.extend(missing)
            out.unmatched.extend(plan.unmatched)
            out.unanchored.extend(plan.unanchored)
            out.tied.extend(plan.tied)
        out.occurrences.sort(key=Occurrence.sort_key)
        if not self.shown_only:
            shown = [o for o in out.occurrences if self.query.wants(o)]
        shown.sort(key=Occurrence.sort_key)
        for found in (out.unmatched, out.unanchored, out.tied):
            found.sort()
        out.ended.extend(sorted(ended_documents(self.winners, self.query.as_of)))
        out.unrecorded.extend(sorted(unrecorded))
        self.planned.clear()
        self.borrowed.clear()
        return out, shown

    def _plan_of(self, path: str, doc: PlannedDocument, closing: list[Closing] | None) -> DuePlan:
        """One document's plan: as planned in the worker, with what only the whole
        workspace can add."""
        facts = doc.facts
        if closing is not None:
            # Follow-up documents close some of its occasions: planned again with them.
            source = with_closings(facts._replace(entries=unpack_entries(doc.entries)), closing)
            again = keep_wanted(
                plan_entries(source, source.entries, self.winners, self.query), self.wanted
            )
            if facts.doc_kind == "action-plan":
                return again  # planned again whole, as the engine's plan() does
            return _joined(unpack(doc.fixed), again)
        if facts.doc_kind != "action-plan":
            return _joined(unpack(doc.fixed), unpack(doc.closable))
        lent = self.borrowed.get(path)
        # Planned early only if with the agreement that won its id in the workspace.
        if lent is not None and self.winners.get(facts.agreement or "") is lent[1]:
            borrowed = unpack(lent[0])
        else:
            borrowed = self._borrowing(doc, self.winners)
        return _joined(unpack(doc.fixed), borrowed)


def _joined(first: DuePlan, second: DuePlan) -> DuePlan:
    return DuePlan(
        first.occurrences + second.occurrences,
        first.unmatched + second.unmatched,
        first.unanchored + second.unanchored,
        first.tied + second.tied,
    )


class _Shared:
    """One object for each equal value of an occurrence's short fields: unpacked document
    by document, the shown occurrences would otherwise hold a copy each of the same
    kinds, dates, occasions and YAML paths (a sixth of their memory on a register)."""

    def __init__(self) -> None:
        self.values: dict[Any, Any] = {}

    def of(self, o: Occurrence) -> Occurrence:
        same = self.values.setdefault
        return _as_occurrence(
            (
                same(o.due, o.due),
                o.doc_id,
                same(o.item, o.item),
                o.item_id,
                same(o.planned, o.planned),
                same(o.occasion, o.occasion),
                same(o.doc_kind, o.doc_kind),
                o.path,
                o.line,
                o.column,
                same(o.yaml_path, o.yaml_path),
                o.title,
                same(o.qualifier, o.qualifier),
                o.tolerance_days,
                o.done,
                same(o.parties, o.parties),
                same(o.bodies, o.bodies),
                *o[17:],
            )
        )
