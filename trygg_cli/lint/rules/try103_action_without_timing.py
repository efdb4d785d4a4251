"""An action says neither by when nor how often.

What:
  An action in an action plan with neither a `deadline:` (done by a date) nor a
  `schedule:` (how often a recurring action happens). Actions that are done or cancelled
  are not checked; a postponed one is, as it needs a new date.

Why:
  Mölndal's local agreement 2023–2026 asks the action plan to say who plans, performs and
  follows up each activity, and Stockholm's overarching agreement that "I åtgärdsplanen
  specificeras de insatser som ska genomföras, hur de ska utföras, ansvariga och
  tidsplan". An action with no date is never late, so follow-up cannot tell whether it is
  on track.

How to fix:
  Add `deadline: YYYY-MM-DD` for a one-off action, or a `schedule:` for a recurring one
  (for example `{every: 1}` for once a year, `{times: 2, unit: term}` for twice a term).
  If there is truly no fixed time, write `schedule: {qualifier: as_needed}`.

Passing example:
  - id: hot-mot-fortroendevalda
    title: Utbildning om hot mot förtroendevalda
    deadline: 2025-06-30

Failing example:
  - id: hot-mot-fortroendevalda
    title: Utbildning om hot mot förtroendevalda
    status: planned
"""

from __future__ import annotations

from collections.abc import Iterator

from trygg_cli.findings import Finding, Severity, show
from trygg_cli.i18n import _
from trygg_cli.lint.base import DocContext
from trygg_cli.model import ActionPlan

ID = "TRY103"
NAME = "action-without-timing"
SEVERITY = Severity.WARNING

_FINISHED = frozenset({"done", "cancelled"})


def check(ctx: DocContext) -> Iterator[Finding]:
    doc = ctx.document
    if not isinstance(doc, ActionPlan):
        return
    for index, action in enumerate(doc.actions):
        if action.deadline is not None or action.schedule is not None:
            continue
        if action.status in _FINISHED:
            continue
        yield ctx.finding(
            ("actions", index, "id"),
            at_key=True,
            message=_(
                "the action '{title}' has no date: add 'deadline:' (YYYY-MM-DD) if it is done "
                "once, or 'schedule:' with how often if it recurs"
            ).format(title=show(action.title)),
        )
