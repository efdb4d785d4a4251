"""An indicator with neither a baseline nor a target.

What:
  An indicator of a goal — an overall goal, a goal under a priority or sub-priority, or a
  citizen promise's goal — that gives neither a `baseline:` (where things stand) nor a
  `target:` (where they should be). Either may be a measure (`{value: 62, unit: '%',
  year: 2022}`) or the document's own words.

Why:
  Brå's guidance asks for delimited and measurable goals. Stockholm's overarching
  agreement names its data sources — "Trygghetsmätningen, Stockholmsenkäten,
  kriminalstatistik" — and promises that "Delmål och indikatorer kommer att tas fram"; an
  indicator is what makes a goal measurable, but only against a starting point or a
  target. Without either, the follow-up can report a figure but cannot say whether it is
  better or worse than intended.

How to fix:
  Add where the indicator stood when the work began (`baseline:`) and where it should be
  (`target:`), as measures where the figures are known, or in the document's words. If
  the agreement gives neither, it is worth raising with the steering group.

Passing example:
  goals:
    - id: okad-trygghet
      description: Ökad trygghet
      indicators:
        - description: Andel som känner sig trygga i sitt bostadsområde
          baseline: {value: 62, unit: '%', year: 2022}
          target: {value: 70, unit: '%', year: 2026}

Failing example:
  goals:
    - id: okad-trygghet
      description: Ökad trygghet
      indicators:
        - description: Andel som känner sig trygga i sitt bostadsområde
"""

from __future__ import annotations

from collections.abc import Iterator

from trygg_cli.findings import Finding, Severity, show
from trygg_cli.i18n import _
from trygg_cli.lint.base import DocContext
from trygg_cli.lint.parts import goals

ID = "TRY111"
NAME = "indicator-without-baseline-or-target"
SEVERITY = Severity.INFO


def check(ctx: DocContext) -> Iterator[Finding]:
    for placed in goals(ctx.document):
        for index, indicator in enumerate(placed.goal.indicators):
            if indicator.baseline is not None or indicator.target is not None:
                continue
            yield ctx.finding(
                (*placed.loc, "indicators", index),
                _(
                    "the indicator '{indicator}' of the goal '{goal}' has neither a baseline "
                    "nor a target, so the follow-up cannot tell better from worse; add "
                    "'baseline:' and 'target:' (for example {{value: 62, unit: '%', year: "
                    "2022}})"
                ).format(indicator=show(indicator.description, 60), goal=placed.goal.id),
            )
