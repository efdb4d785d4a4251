"""A goal with no indicator to follow it up.

What:
  A goal (mål or delmål) whose `indicators:` list is empty: nothing says how progress
  towards it is measured. Every goal is checked: an agreement's or a citizen promise's
  overall goals, and the goals under each priority and sub-priority.

Why:
  Brå's guidance asks an agreement for delimited and measurable goals. Stockholm's
  overarching agreement promises that "Delmål och indikatorer kommer att tas fram" and
  that results are followed up with data sources such as "Trygghetsmätningen,
  Stockholmsenkäten, kriminalstatistik". A goal without an indicator cannot be followed
  up: no one can say whether it was met.

How to fix:
  Add at least one indicator under the goal's `indicators:`: what is measured, and where
  possible its `source:`, `baseline:` and `target:`.

Passing example:
  goals:
    - id: okad-upplevd-trygghet
      description: Fler invånare känner sig trygga på offentliga platser kvällstid.
      indicators:
        - description: Andel som känner sig trygga ute sent en kväll
          source: Trygghetsundersökningen

Failing example:
  goals:
    - id: okad-upplevd-trygghet
      description: Fler invånare känner sig trygga på offentliga platser kvällstid.
"""

from __future__ import annotations

from collections.abc import Iterator

from trygg_cli.findings import Finding, Severity, show
from trygg_cli.i18n import _
from trygg_cli.lint.base import DocContext
from trygg_cli.lint.parts import goals

ID = "TRY105"
NAME = "goal-without-indicator"
SEVERITY = Severity.WARNING


def check(ctx: DocContext) -> Iterator[Finding]:
    for placed in goals(ctx.document):
        if placed.goal.indicators:
            continue
        if placed.area is None:
            message = _(
                "the overall goal '{goal}' has no indicator, so no one can tell whether it is "
                "met; add under 'indicators:' what is measured and its source"
            ).format(goal=placed.goal.id)
        else:
            message = _(
                "the goal '{goal}' under the priority '{priority}' has no indicator, so "
                "no one can tell whether it is met; add under 'indicators:' what is "
                "measured and its source"
            ).format(goal=placed.goal.id, priority=show(placed.area.title))
        yield ctx.finding(ctx.written_or(placed.loc, "indicators"), at_key=True, message=message)
