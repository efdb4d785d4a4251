"""A measured value in another unit than its indicator's baseline.

What:
  In a follow-up, a value under an indicator's `values:` whose `unit:` differs from the
  unit of that indicator's `baseline:` in the agreement (or, when it has no baseline,
  of its `target:`): `anmälningar` where the baseline counts `anmälningar per 1000
  invånare`, `antal` where it is `%`. Units are compared without regard to case and
  spacing; `procent` is `%`.

Why:
  The follow-ups of an agreement make up each indicator's series, from its baseline to its
  target. A value in another unit cannot be placed in that series: 62 % and 57 reports
  are not better or worse than one another, and a chart or a sentence such as "ökade från
  62 % (2022) till 68 % (2024)" would mislead kommunstyrelsen and the Police.

How to fix:
  Give the value in the baseline's unit, converting it if the source counts another way.
  If the indicator itself is now measured differently, change its description, baseline
  and target in the agreement, or add a new indicator.

Passing example:
  # the agreement's indicator: baseline: {value: 62, unit: '%', year: 2022}
  values:
    - {value: 66, unit: '%', year: 2024}

Failing example:
  # the agreement's indicator: baseline: {value: 62, unit: '%', year: 2022}
  values:
    - {value: 812, unit: svarande, year: 2024}
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from trygg_cli.findings import Finding, Severity, YamlPath, show
from trygg_cli.i18n import _
from trygg_cli.lint.base import Collected, DocContext, WorkspaceContext
from trygg_cli.lint.parts import indicators
from trygg_cli.model import FollowUp
from trygg_cli.model.common import Measure

ID = "TRY207"
NAME = "unit-differs-from-baseline"
SEVERITY = Severity.WARNING

_SAME = {"procent": "%", "percent": "%", "st": "antal", "stycken": "antal"}


def _plain(unit: str) -> str:
    words = " ".join(unit.casefold().split())
    return _SAME.get(words, words)


@dataclass(frozen=True)
class _Units:
    """An agreement's or promise's indicators with a unit to compare against:
    id → (the unit, whether it is the baseline's rather than the target's)."""

    units: dict[str, tuple[str, bool]]


@dataclass(frozen=True)
class _Value:
    indicator: str
    unit: str
    line: int
    column: int
    loc: YamlPath


@dataclass(frozen=True)
class _Values:
    document: str
    values: list[_Value]


def collect(ctx: DocContext) -> _Units | _Values | None:
    doc = ctx.document
    if isinstance(doc, FollowUp):
        if doc.indicators_of is None:
            return None
        values = []
        for i, reported in enumerate(doc.indicators):
            for v, value in enumerate(reported.values):
                if value.unit is not None:
                    loc: YamlPath = ("indicators", i, "values", v, "unit")
                    line, column = ctx.position(loc)
                    values.append(_Value(reported.indicator, value.unit, line, column, loc))
        return _Values(doc.indicators_of, values) if values else None
    units: dict[str, tuple[str, bool]] = {}
    for _loc, _goal, indicator in indicators(doc):
        if indicator.id is None or indicator.id in units:
            continue
        for measure, is_baseline in ((indicator.baseline, True), (indicator.target, False)):
            if isinstance(measure, Measure) and measure.unit is not None:
                units[indicator.id] = (measure.unit, is_baseline)
                break
    return _Units(units) if units else None


def check_workspace(collected: Sequence[Collected], ctx: WorkspaceContext) -> Iterator[Finding]:
    known: dict[str, _Units] = {}
    for item in collected:
        if isinstance(item.facts, _Units):
            known.setdefault(item.doc_id, item.facts)
    for item in collected:
        facts = item.facts
        if not isinstance(facts, _Values) or facts.document not in known:
            continue
        units = known[facts.document].units
        for value in facts.values:
            if value.indicator not in units:
                continue
            expected, is_baseline = units[value.indicator]
            if _plain(value.unit) == _plain(expected):
                continue
            if is_baseline:
                message = _(
                    "this value is in '{unit}', but the baseline of the indicator '{id}' is in "
                    "'{expected}', so the two cannot be compared; give the value in "
                    "'{expected}', or change the indicator in '{document}'"
                )
            else:
                message = _(
                    "this value is in '{unit}', but the target of the indicator '{id}' is in "
                    "'{expected}', so the two cannot be compared; give the value in "
                    "'{expected}', or change the indicator in '{document}'"
                )
            yield ctx.finding_at(
                item.path,
                value.line,
                value.column,
                message.format(
                    unit=show(value.unit),
                    id=value.indicator,
                    expected=show(expected),
                    document=facts.document,
                ),
                value.loc,
            )
