"""Indicator series: what the follow-ups of an agreement (or citizen promise) measured for
each of its indicators, in order, with the indicator's baseline and target.

A follow-up may report values of earlier years too; when two follow-ups give a value for
the same year, the later follow-up's stands. Shared by ``trygg report new`` (the last
value), ``trygg render`` (the chart and its table) and ``trygg diff`` (progress between
two follow-ups).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from trygg_cli.model import Agreement, CitizenPromise, Document, FollowUp
from trygg_cli.model.common import Measure
from trygg_cli.model.documents import Indicator


@dataclass(frozen=True)
class Point:
    """One measured value in a series, and the follow-up that reported it."""

    year: int
    value: float
    unit: str | None
    label: str  # the year, or the period as the source names it
    source: str | None
    follow_up: str


@dataclass(frozen=True)
class Series:
    """One indicator: its baseline and target (when given as values) and what was measured."""

    indicator: Indicator
    baseline: Measure | None
    target: Measure | None
    measured: list[Point] = field(default_factory=list)

    @property
    def unit(self) -> str | None:
        """The unit of the series: the baseline's, else the target's, else a measured one."""
        for measure in (self.baseline, self.target):
            if measure is not None and measure.unit is not None:
                return measure.unit
        return next((p.unit for p in self.measured if p.unit is not None), None)

    def latest(self) -> Point | None:
        return self.measured[-1] if self.measured else None


def indicators(document: Document | None) -> Iterator[Indicator]:
    """Every indicator of an agreement's or a citizen promise's goals, wherever they stand."""
    if not isinstance(document, Agreement | CitizenPromise):
        return
    goals = list(document.goals)
    if isinstance(document, Agreement):
        for priority in document.priorities:
            goals += priority.goals
            for sub in priority.sub_priorities:
                goals += sub.goals
    for goal in goals:
        yield from goal.indicators


def find_indicator(document: Document | None, indicator_id: str) -> Indicator | None:
    """The first indicator of ``document`` with ``indicator_id``."""
    return next((i for i in indicators(document) if i.id == indicator_id), None)


def occasion_key(follow_up: FollowUp) -> tuple[int, datetime.date, str]:
    """The order of follow-ups: by their occasion's year, then the day done, then id."""
    occasion = follow_up.occasion
    done = follow_up.done_on or datetime.date.max
    if isinstance(occasion, int):
        return occasion, done, follow_up.id
    if isinstance(occasion, datetime.date):
        return occasion.year, done, follow_up.id
    return done.year if follow_up.done_on else datetime.MAXYEAR, done, follow_up.id


def follow_ups_of(documents: Iterable[Document], measured: str) -> list[FollowUp]:
    """The follow-ups whose indicators are those of the document ``measured``, in order."""
    found = [d for d in documents if isinstance(d, FollowUp) and d.indicators_of == measured]
    return sorted(found, key=occasion_key)


def previous(follow_up: FollowUp, documents: Iterable[Document]) -> FollowUp | None:
    """The follow-up just before ``follow_up`` of the same documents, among ``documents``."""
    earlier = [
        d
        for d in documents
        if isinstance(d, FollowUp)
        and d.id != follow_up.id
        and d.followed == follow_up.followed
        and occasion_key(d) < occasion_key(follow_up)
    ]
    return max(earlier, key=occasion_key, default=None)


def series(
    documents: Mapping[str, Document], follow_up: FollowUp, indicator_id: str
) -> Series | None:
    """The series of ``indicator_id`` as of ``follow_up``: its own values and those of the
    follow-ups before it; ``None`` when the indicator is not found."""
    measured_in = follow_up.indicators_of
    indicator = find_indicator(documents.get(measured_in or ""), indicator_id)
    if measured_in is None or indicator is None:
        return None
    others = [d for d in documents.values() if d.id != follow_up.id]
    order = follow_ups_of([*others, follow_up], measured_in)
    upto = order[: order.index(follow_up) + 1]
    return series_of(indicator, upto)


def series_of(indicator: Indicator, follow_ups: Iterable[FollowUp]) -> Series:
    """The series of ``indicator`` from ``follow_ups`` (in order; later ones win a year)."""
    by_year: dict[int, Point] = {}
    for follow_up in follow_ups:
        for reported in follow_up.indicators:
            if reported.indicator != indicator.id:
                continue
            for value in reported.values:
                if value.value is None:
                    continue
                label = value.period or str(value.year)
                by_year[value.year] = Point(
                    value.year, value.value, value.unit, label, value.source, follow_up.id
                )
    baseline = indicator.baseline if isinstance(indicator.baseline, Measure) else None
    target = indicator.target if isinstance(indicator.target, Measure) else None
    return Series(indicator, baseline, target, [by_year[y] for y in sorted(by_year)])


def figure(value: float) -> str:
    """A value as Swedish documents write it: '1 250', '3,5'."""
    value = float(value)
    if value.is_integer():
        return f"{int(value):,}".replace(",", " ")
    return f"{value:.6g}".replace(".", ",")


def shown(value: float, unit: str | None, label: str | int | None = None) -> str:
    """'66 % (2024)', '1 250 anmälningar (läsåret 2023/24)', '3,5'."""
    text = figure(value) + (f" {unit}" if unit else "")
    return f"{text} ({label})" if label is not None else text
