"""An indicator that none of the follow-ups of its document has measured.

What:
  An indicator of an agreement (or of a citizen promise followed up on its own) that has
  follow-ups (`kind: follow-up` naming it), when none of them gives a measured value for
  it under `indicators:` — or when the indicator has no `id`, so that none can.

Why:
  An indicator is how a goal is followed up: Stockholm's agreement says that the results
  are analysed from "relevanta datakällor (ex. Trygghetsmätningen, Stockholmsenkäten,
  kriminalstatistik, m.m.)" and that "Dessa ska följas upp årligen". An indicator that is
  never measured says nothing about the goal, and the series from baseline to target that
  the follow-ups should build stays empty.

How to fix:
  Give the indicator an `id` if it has none, and add what was measured in the latest
  follow-up: `- indicator: <id>` with `values: [{value: …, unit: …, year: …}]`. If the
  indicator is no longer used, remove it from the goal.

Passing example:
  # in the agreement
  indicators:
    - id: trygga-kvallstid
      description: Andel som känner sig trygga ute sent en kväll
  # in its follow-up
  indicators:
    - indicator: trygga-kvallstid
      values:
        - {value: 66, unit: '%', year: 2024}

Failing example:
  # in the agreement
  indicators:
    - id: trygga-kvallstid
      description: Andel som känner sig trygga ute sent en kväll
  # its follow-up measures nothing
  indicators: []
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from trygg_cli.findings import Finding, Severity, YamlPath, show
from trygg_cli.i18n import _
from trygg_cli.lint.base import Collected, DocContext, WorkspaceContext
from trygg_cli.lint.parts import indicators
from trygg_cli.model import FollowUp
from trygg_cli.nouns import KIND_NOUNS

ID = "TRY206"
NAME = "indicator-never-measured"
SEVERITY = Severity.WARNING


@dataclass(frozen=True)
class _Indicator:
    id: str | None
    description: str
    line: int
    column: int
    loc: YamlPath


@dataclass(frozen=True)
class _Measured:
    document: str
    ids: frozenset[str]


def collect(ctx: DocContext) -> list[_Indicator] | _Measured | None:
    doc = ctx.document
    if isinstance(doc, FollowUp):
        measured = doc.indicators_of
        if measured is None:
            return None
        ids = [i.indicator for i in doc.indicators if any(v.value is not None for v in i.values)]
        return _Measured(measured, frozenset(ids))
    found = []
    for loc, _goal, indicator in indicators(doc):
        line, column = ctx.position(loc)
        found.append(_Indicator(indicator.id, indicator.description, line, column, loc))
    return found or None


def check_workspace(collected: Sequence[Collected], ctx: WorkspaceContext) -> Iterator[Finding]:
    follow_ups: dict[str, list[str]] = {}
    measured: dict[str, set[str]] = {}
    for item in collected:
        if isinstance(item.facts, _Measured):
            follow_ups.setdefault(item.facts.document, []).append(item.doc_id)
            measured.setdefault(item.facts.document, set()).update(item.facts.ids)
    for item in collected:
        if not isinstance(item.facts, list) or item.doc_id not in follow_ups:
            continue
        names = ", ".join(sorted(follow_ups[item.doc_id]))
        noun = _(KIND_NOUNS[item.kind])
        for indicator in item.facts:
            if indicator.id is not None and indicator.id in measured[item.doc_id]:
                continue
            if indicator.id is None:
                message = _(
                    "the indicator '{indicator}' has no 'id', so no follow-up of this {noun} "
                    "({follow_ups}) can measure it; give it an id and add its values in the "
                    "latest follow-up"
                )
            else:
                message = _(
                    "the indicator '{indicator}' is measured in none of this {noun}'s "
                    "follow-ups ({follow_ups}); add its values under 'indicators:' in the "
                    "latest one, or remove the indicator"
                )
            yield ctx.finding_at(
                item.path,
                indicator.line,
                indicator.column,
                message.format(
                    indicator=show(indicator.description, 60), noun=noun, follow_ups=names
                ),
                indicator.loc,
            )
