"""An action's deadline is after its plan, or its agreement, has ended.

What:
  An action in an action plan whose `deadline` is later than the end of the plan's
  `period:` (reported at each such action) — or, when the plan has no end, later than the
  end of the `validity:` of the agreement the plan belongs to (reported once, at the
  plan's `agreement:`). Ends are the ones in effect: the last extension's `until`, else
  `until`, else the start plus the stated `term:`. Actions that are done or cancelled are
  not judged.

Why:
  An action plan says "vem som planerar, utför och följer upp respektive aktivitet" and by
  when (Mölndal's local agreement 2023–2026); Stockholm's overarching agreement asks for
  "ansvariga och tidsplan". The plan is followed up as a whole when its period ends ("Den
  lokala samverkansöverenskommelsen tecknas för en period om fyra år varefter en slutlig
  uppföljning görs", Mölndal's agreement again), so an action due after that is never
  followed up — and after the agreement has expired no one is committed to doing it.

How to fix:
  Move the deadline inside the plan's period, or extend the plan (and, if needed, the
  agreement) first. An action that has been dropped can be marked `status: cancelled`.

Passing example:
  period: {from: 2023-05-01, until: 2026-12-31}
  actions:
    - id: belysning
      title: Inventera belysning
      deadline: 2026-06-30

Failing example:
  period: {from: 2023-05-01, until: 2026-12-31}
  actions:
    - id: belysning
      title: Inventera belysning
      deadline: 2027-06-30
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from trygg_cli.date_words import long_date
from trygg_cli.findings import Finding, Severity
from trygg_cli.i18n import _
from trygg_cli.lint.base import Collected, DocContext, WorkspaceContext
from trygg_cli.model import Action, ActionPlan, Agreement
from trygg_cli.model.dates import period_end

ID = "TRY204"
NAME = "action-deadline-outside-plan"
SEVERITY = Severity.WARNING


@dataclass(frozen=True)
class _AgreementEnd:
    end: date | None


@dataclass(frozen=True)
class _Plan:
    agreement: str
    link: tuple[int, int]
    deadlines: tuple[tuple[str, date], ...]


def _open(action: Action) -> bool:
    return action.deadline is not None and action.status not in ("done", "cancelled")


def check(ctx: DocContext) -> Iterator[Finding]:
    """Deadlines after the plan's own end: judged within the plan."""
    doc = ctx.document
    if not isinstance(doc, ActionPlan) or doc.period is None:
        return
    end = period_end(doc, doc.period)
    if end is None:
        return
    for index, action in enumerate(doc.actions):
        if _open(action) and action.deadline is not None and action.deadline > end:
            yield ctx.finding(
                ("actions", index, "deadline"),
                _(
                    "the action '{action}' is due {deadline}, after this plan's period ends "
                    "({end}); move the deadline inside the period or extend the plan"
                ).format(action=action.id, deadline=long_date(action.deadline), end=long_date(end)),
            )


def collect(ctx: DocContext) -> _AgreementEnd | _Plan | None:
    """Agreements' ends, and the open deadlines of plans with no end of their own."""
    doc = ctx.document
    if isinstance(doc, Agreement):
        return _AgreementEnd(period_end(doc, doc.validity))
    if not isinstance(doc, ActionPlan) or (
        doc.period is not None and period_end(doc, doc.period) is not None
    ):
        return None
    deadlines = tuple(
        (action.id, action.deadline)
        for action in doc.actions
        if _open(action) and action.deadline is not None
    )
    if not deadlines:
        return None
    return _Plan(doc.agreement, ctx.position(("agreement",)), deadlines)


def check_workspace(collected: Sequence[Collected], ctx: WorkspaceContext) -> Iterator[Finding]:
    ends: dict[str, date | None] = {}
    for item in collected:
        if isinstance(item.facts, _AgreementEnd):
            ends.setdefault(item.doc_id, item.facts.end)
    for item in collected:
        plan = item.facts
        if not isinstance(plan, _Plan):
            continue
        agreement_end = ends.get(plan.agreement)
        if agreement_end is None:
            continue
        late = [d for d in plan.deadlines if d[1] > agreement_end]
        if not late:
            continue
        action_id, deadline = max(late, key=lambda d: d[1])
        message = (
            _(
                "the action '{action}' is due {deadline}, after agreement '{id}' ends ({end}); "
                "renew the agreement and link this plan to the new one, or move the deadline"
            )
            if len(late) == 1
            else _(
                "{count} actions in this plan are due after agreement '{id}' ends ({end}), the "
                "latest, '{action}', on {deadline}; renew the agreement and link this plan to "
                "the new one, or move the deadlines"
            )
        )
        yield ctx.finding_at(
            item.path,
            *plan.link,
            message.format(
                count=len(late),
                action=action_id,
                deadline=long_date(deadline),
                id=plan.agreement,
                end=long_date(agreement_end),
            ),
            ("agreement",),
        )
