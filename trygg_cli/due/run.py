"""One `trygg due` run, from paths to the occurrences to show: the core behind the command."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from trygg_cli.due.config import DueConfig, due_config
from trygg_cli.due.occurrence import DuePlan, Occurrence
from trygg_cli.due.planner import Planner
from trygg_cli.due.planning import PlanningPass
from trygg_cli.due.query import DueQuery
from trygg_cli.due.records import DocumentSchedules
from trygg_cli.errors import TryggError
from trygg_cli.i18n import _
from trygg_cli.memory import cycle_collector_paused
from trygg_cli.workspace import Workspace, load_paths

__all__ = ["DueOutcome", "DueQuery", "parse_span", "run_due", "with_entries"]

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


@dataclass
class DueOutcome:
    """A run's plan and what it shows. ``unread``: the trygg files whose schedules are
    missing from the plan: their document could not be read (broken YAML, schema errors)
    or its id is already taken by another. ``documents``: what each planned document
    schedules, by id, without its entries (its life, its parties' and bodies' names)."""

    workspace: Workspace
    plan: DuePlan
    shown: list[Occurrence] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)
    documents: dict[str, DocumentSchedules] = field(default_factory=dict)


def run_due(
    paths: Sequence[str],
    query: DueQuery,
    *,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cache: bool = False,
    config: DueConfig | None = None,
    shown_only: bool = False,
) -> DueOutcome:
    """Check the files, plan every schedule up to the horizon (each document in the
    worker that read it, :mod:`trygg_cli.due.planning`), settle what the documents' lives
    and routine cadences hide (:func:`trygg_cli.due.life.settle`), and pick what to show.
    ``config``: the ``due:`` settings; by default read from the ``.trygg.yaml`` that
    applies in the current folder. With ``shown_only``, ``plan.occurrences`` is left
    empty and only ``shown`` is kept: what a report needs, in a fraction of the memory."""
    if config is None:
        config = due_config(Path.cwd())
    planner = Planner(query, config.strict_routine_from, shown_only=shown_only)
    # Links between documents are not judged here: a dangling one changes no date.
    workspace = load_paths(
        paths,
        jobs=jobs,
        progress=progress,
        passes=(PlanningPass(query, shown_only),),
        on_result=planner.arrived,
        cache=cache,
        keep_outputs=(),
    )
    unread = planner.unread(workspace)
    # Settling unpacks every document's plan: hundreds of thousands of tuples on a
    # register, none in a cycle, each of which would otherwise count towards a full
    # collection of the whole heap.
    with cycle_collector_paused():
        result, shown = planner.finish(workspace)
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
    return DueOutcome(workspace, result, shown, unread, planner.winners)


def with_entries(
    documents: Mapping[str, DocumentSchedules], occurrence: Occurrence
) -> dict[str, DocumentSchedules]:
    """``documents`` (a run's, without entries) with the document of ``occurrence`` as
    its file schedules it, entries and all: what ``--explain`` reads of the one occasion
    it explains."""
    from trygg_cli.due.extract import SCHEDULES

    found = load_paths([occurrence.path], passes=(SCHEDULES,)).outputs(SCHEDULES.name)
    full = found.get(occurrence.doc_id)
    return {**documents, **({occurrence.doc_id: full} if full is not None else {})}
