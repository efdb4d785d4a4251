"""One `trygg due` run, from paths to the occurrences to show: the core behind the command."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

from trygg_cli.check.results import FileResult
from trygg_cli.due.config import DueConfig, due_config
from trygg_cli.due.engine import bucket, merge, plan_document
from trygg_cli.due.extract import SCHEDULES, DocumentSchedules, schedules_of
from trygg_cli.due.followups import closings, with_closings
from trygg_cli.due.life import END_ITEMS, settle
from trygg_cli.due.occurrence import DuePlan, Ended, Occurrence, Tied, Unrecorded
from trygg_cli.errors import TryggError
from trygg_cli.i18n import _
from trygg_cli.workspace import Workspace, load_paths

_SPAN = re.compile(r"(\d+)\s*([dwmy]?)", re.IGNORECASE)
_DAYS = {"": 1, "d": 1, "w": 7, "m": 30, "y": 365}


def parse_span(text: str) -> int:
    """'90d', '12w', '6m', '1y' or '90' → days."""
    match = _SPAN.fullmatch(text.strip())
    if match is None:
        raise TryggError(
            _("'{text}' is not a length of time; write e.g. 30d, 12w, 6m or 1y").format(text=text)
        )
    return int(match.group(1)) * _DAYS[match.group(2).lower()]


@dataclass(frozen=True)
class DueQuery:
    """What to show: as of when, how far ahead, and for whom."""

    as_of: date
    within_days: int | None = None
    overdue_only: bool = False
    include_done: bool = False
    parties: frozenset[str] = frozenset()
    bodies: frozenset[str] = frozenset()
    items: frozenset[str] = frozenset()
    documents: frozenset[str] = frozenset()
    shift_holidays: bool = True
    every_upcoming: bool = False  # a calendar: every routine occasion to come, not the next

    def wants_tied(self, tied: Tied) -> bool:
        """A schedule tied to meetings or an event is never overdue; the other filters
        apply as to an occurrence."""
        return (
            not self.overdue_only
            and (not self.parties or bool(self.parties & set(tied.parties)))
            and (not self.bodies or bool(self.bodies & set(tied.bodies)))
            and (not self.items or tied.item in self.items)
            and (not self.documents or tied.doc_id in self.documents)
        )

    def wants_ended(self, ended: Ended) -> bool:
        """A document that ended without a successor is a decision to take now: shown
        whatever the time filters, unless a filter asks for other things."""
        return (
            (not self.parties or bool(self.parties & set(ended.parties)))
            and not self.bodies
            and (not self.items or bool(self.items & END_ITEMS))
            and (not self.documents or ended.doc_id in self.documents)
        )

    def wants_unrecorded(self, item: Unrecorded) -> bool:
        """Routine items with no completion recorded are listed with ``--done``."""
        return (
            self.include_done
            and (not self.parties or bool(self.parties & set(item.parties)))
            and (not self.bodies or bool(self.bodies & set(item.bodies)))
            and (not self.items or item.item in self.items)
            and (not self.documents or item.doc_id in self.documents)
        )

    def wants(self, occurrence: Occurrence) -> bool:
        where = bucket(occurrence, self.as_of)
        if where == "done" and not self.include_done:
            return False
        if self.overdue_only and where != "overdue":
            return False
        if (
            self.within_days is not None
            and where != "overdue"
            and occurrence.due > self.as_of + timedelta(days=self.within_days)
        ):
            return False
        return (
            (not self.parties or bool(self.parties & set(occurrence.parties)))
            and (not self.bodies or bool(self.bodies & set(occurrence.bodies)))
            and (not self.items or occurrence.item in self.items)
            and (not self.documents or occurrence.doc_id in self.documents)
        )


@dataclass
class DueOutcome:
    workspace: Workspace
    plan: DuePlan
    shown: list[Occurrence] = field(default_factory=list)

    @property
    def unread(self) -> list[str]:
        """The trygg files whose schedules are missing from the plan: their document could
        not be read (broken YAML, schema errors) or its id is already taken by another."""
        planned = schedules_of(self.workspace)
        unread = []
        for r in self.workspace.results:
            source = r.outputs.get(SCHEDULES.name)
            if r.checked and (source is None or planned.get(source.doc_id) is not source):
                unread.append(r.path)
        return unread


_SHIFT_MARGIN_DAYS = 14


def run_due(
    paths: Sequence[str],
    query: DueQuery,
    *,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cache: bool = False,
    config: DueConfig | None = None,
) -> DueOutcome:
    """Check the files, plan every schedule up to the horizon, settle what the documents'
    lives and routine cadences hide (:func:`trygg_cli.due.life.settle`), and pick what to
    show. ``config``: the ``due:`` settings; by default read from the ``.trygg.yaml`` that
    applies in the current folder."""
    if config is None:
        config = due_config(Path.cwd())
    planner = _Planner(query)
    # Links between documents are not judged here: a dangling one changes no date.
    workspace = load_paths(
        paths,
        jobs=jobs,
        progress=progress,
        passes=(SCHEDULES,),
        on_result=planner.arrived,
        cache=cache,
    )
    result = settle(
        planner.finish(workspace),
        schedules_of(workspace),
        as_of=query.as_of,
        strict_routine_from=config.strict_routine_from,
        every_upcoming=query.every_upcoming,
    )
    shown = [o for o in result.occurrences if query.wants(o)]
    if query.documents:
        result = replace(
            result,
            unanchored=[u for u in result.unanchored if u.doc_id in query.documents],
            unmatched=[u for u in result.unmatched if u.doc_id in query.documents],
        )
    result = replace(
        result,
        tied=[t for t in result.tied if query.wants_tied(t)],
        ended=[e for e in result.ended if query.wants_ended(e)],
        unrecorded=[u for u in result.unrecorded if query.wants_unrecorded(u)],
    )
    return DueOutcome(workspace, result, shown)


class _Planner:
    """Plans every document as soon as its file arrives, while the workers read the rest;
    an action plan's schedules wait for its agreement (see engine.borrows)."""

    def __init__(self, query: DueQuery) -> None:
        self.query = query
        # Without --within: to the end of next year, so that every yearly item shows its
        # next occasion (Göteborg's follow-up after 2025 is 2027-12-31).
        if query.within_days is not None:
            # Planned a little beyond the window: a date moved back over a weekend and a
            # holiday (Easter: up to five days) can fall inside it; wants() filters by due.
            self.until = query.as_of + timedelta(days=query.within_days + _SHIFT_MARGIN_DAYS)
        else:
            self.until = date(query.as_of.year + 1, 12, 31)
        self.early: dict[str, DuePlan] = {}
        self.agreements: dict[str, DocumentSchedules] = {}  # the first to arrive with each id
        self.waiting: dict[str, list[FileResult]] = {}
        # path → the plan made with an agreement, and that agreement
        self.borrowed: dict[str, tuple[DuePlan, DocumentSchedules]] = {}

    def plan(
        self,
        source: DocumentSchedules,
        documents: Mapping[str, DocumentSchedules],
        borrowing: bool | None = None,
    ) -> DuePlan:
        return plan_document(
            source,
            documents,
            until=self.until,
            fallback_start=date(self.query.as_of.year, 1, 1),
            shift_holidays=self.query.shift_holidays,
            borrowing=borrowing,
            as_of=self.query.as_of,
        )

    def _lend(self, result: FileResult, agreement: DocumentSchedules) -> None:
        docs = {agreement.doc_id: agreement}
        source = result.outputs[SCHEDULES.name]
        self.borrowed[result.path] = (self.plan(source, docs, borrowing=True), agreement)

    def arrived(self, result: FileResult) -> None:
        """Plan one file's schedules as its result arrives."""
        source: DocumentSchedules | None = result.outputs.get(SCHEDULES.name)
        if source is None:
            return
        is_plan = source.doc_kind == "action-plan"
        self.early[result.path] = self.plan(source, {}, borrowing=False if is_plan else None)
        if source.doc_kind == "agreement":
            self.agreements.setdefault(source.doc_id, source)
            for plan_result in self.waiting.pop(source.doc_id, []):
                self._lend(plan_result, self.agreements[source.doc_id])
        elif is_plan and source.agreement is not None:
            agreement = self.agreements.get(source.agreement)
            if agreement is not None:
                self._lend(result, agreement)
            else:
                self.waiting.setdefault(source.agreement, []).append(result)

    def finish(self, workspace: Workspace) -> DuePlan:
        """The whole plan, once every file has arrived: with the documents that hold
        their ids, each action plan with the agreement that holds its id, and each
        document that a follow-up document follows up with what that closes."""
        planned = schedules_of(workspace)
        closed = closings(planned)
        parts: list[DuePlan] = []
        for r in workspace.results:
            source: DocumentSchedules | None = r.outputs.get(SCHEDULES.name)
            if source is None or planned.get(source.doc_id) is not source:
                continue  # unread, or its id was taken by an earlier file
            if source.doc_id in closed:
                # Follow-up documents close some of its occasions: planned again with them.
                parts.append(self.plan(with_closings(source, closed[source.doc_id]), planned))
                continue
            parts.append(self.early[r.path])
            if source.doc_kind == "action-plan":
                lent = self.borrowed.get(r.path)
                # Planned early only if with the agreement that won its id in the workspace.
                if lent is not None and planned.get(source.agreement or "") is lent[1]:
                    parts.append(lent[0])
                else:
                    parts.append(self.plan(source, planned, borrowing=True))
        return merge(parts)
