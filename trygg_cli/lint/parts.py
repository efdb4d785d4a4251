"""Walks over the parts of a document that several rules read: the areas (priorities and
their sub-priorities), every goal and indicator wherever it stands, the organisations
(parties and actors), and where a period's end in effect is written."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from trygg_cli.findings import YamlPath
from trygg_cli.model import ActionPlan, Agreement, CitizenPromise, Document
from trygg_cli.model.common import Period
from trygg_cli.model.documents import Goal, Indicator, SubPriority


def areas(document: Document) -> Iterator[tuple[YamlPath, SubPriority]]:
    """An agreement's priorities, each followed by its sub-priorities, with their paths."""
    if not isinstance(document, Agreement):
        return
    for p, priority in enumerate(document.priorities):
        yield ("priorities", p), priority
        for s, sub in enumerate(priority.sub_priorities):
            yield ("priorities", p, "sub_priorities", s), sub


@dataclass(frozen=True)
class PlacedGoal:
    """A goal, where it stands, and the area it belongs to (``None``: an overall goal)."""

    loc: YamlPath
    goal: Goal
    area: SubPriority | None


def goals(document: Document) -> Iterator[PlacedGoal]:
    """Every goal of the document: its overall goals first, then those of each priority
    and sub-priority."""
    if isinstance(document, (Agreement, CitizenPromise)):
        for g, goal in enumerate(document.goals):
            yield PlacedGoal(("goals", g), goal, None)
    for loc, area in areas(document):
        for g, goal in enumerate(area.goals):
            yield PlacedGoal((*loc, "goals", g), goal, area)


def indicators(document: Document) -> Iterator[tuple[YamlPath, Goal, Indicator]]:
    """Every indicator of the document's goals, wherever the goal stands, with its path."""
    for placed in goals(document):
        for index, indicator in enumerate(placed.goal.indicators):
            yield (*placed.loc, "indicators", index), placed.goal, indicator


def organisations(document: Document) -> Iterator[tuple[YamlPath, str, str, bool]]:
    """The document's parties and actors as (path of the name, id, name, is an actor)."""
    if isinstance(document, (Agreement, CitizenPromise)):
        for index, party in enumerate(document.parties):
            yield ("parties", index, "name"), party.id, party.name, False
    if isinstance(document, (Agreement, ActionPlan, CitizenPromise)):
        for index, actor in enumerate(document.actors):
            yield ("actors", index, "name"), actor.id, actor.name, True


def end_loc(loc: YamlPath, period: Period) -> YamlPath:
    """Where the end in effect of the period at ``loc`` is written: the last extension's
    `until`, else `until`, else the stated `term`."""
    if period.extensions:
        return (*loc, "extensions", len(period.extensions) - 1, "until")
    if period.end is not None:
        return (*loc, "until")
    return (*loc, "term") if period.term is not None else loc
