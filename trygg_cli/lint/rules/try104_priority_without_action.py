"""A priority that no action in the agreement's action plans works on.

What:
  A priority (prioriterat område) of an agreement that no action in any of the agreement's
  action plans serves: no action names it, or one of its sub-priorities, with `priority:`.
  Cancelled actions do not count.
  Only agreements with at least one action plan in the workspace are checked (a plan
  belongs to the agreement its `agreement:` names), so an agreement whose plan is kept
  elsewhere is not reported.

Why:
  The action plan is where the priorities become work. Mölndal's local agreement 2023–2026
  says "Insatser, åtgärder och aktiviteter kopplade till de prioriterade områdena beskrivs
  närmare i en åtgärdsplan", and Göteborg's central agreement of 2018 that the activities
  that follow from the cause analysis "listas, prioriteras och nedtecknas i planen". A
  priority with no action is one that nothing is being done about — or whose actions are
  not linked to it, so follow-up per priority misses them.

How to fix:
  Add an action for the priority in the action plan, or link existing actions to it with
  `priority: <the priority's id>`. If the priority no longer applies, revise the agreement.

Passing example:
  # the agreement
  id: molndal-lokal-2023
  priorities:
    - id: hot-och-vald
      title: Hot och våld
  # its action plan
  agreement: molndal-lokal-2023
  actions:
    - id: utbildning
      title: Utbildning om hot mot förtroendevalda
      priority: hot-och-vald

Failing example:
  # the agreement
  id: molndal-lokal-2023
  priorities:
    - id: hot-och-vald
      title: Hot och våld
  # its action plan: no action has 'priority: hot-och-vald'
  agreement: molndal-lokal-2023
  actions:
    - id: utbildning
      title: Utbildning om hot mot förtroendevalda
      priority: ungdomar-i-riskzon
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from trygg_cli.findings import Finding, Severity, YamlPath, show
from trygg_cli.i18n import _, quoted
from trygg_cli.lint.base import Collected, DocContext, WorkspaceContext
from trygg_cli.model import ActionPlan, Agreement

ID = "TRY104"
NAME = "priority-without-action"
SEVERITY = Severity.WARNING


@dataclass
class _Facts:
    # An agreement: its priorities as (id, title, line, column, yaml path).
    priorities: list[tuple[str, str, int, int, YamlPath]] = field(default_factory=list)
    # Each priority's sub-priorities: an action for one works on its priority too.
    subs: dict[str, frozenset[str]] = field(default_factory=dict)
    # An action plan: the agreement it belongs to and the priority ids its actions serve.
    agreement: str | None = None
    served: frozenset[str] = frozenset()


def collect(ctx: DocContext) -> _Facts | None:
    doc = ctx.document
    if not isinstance(doc, (Agreement, ActionPlan)):
        return None
    facts = _Facts()
    if isinstance(doc, Agreement):
        for index, priority in enumerate(doc.priorities):
            loc: YamlPath = ("priorities", index, "id")
            line, column = ctx.position(loc)
            facts.priorities.append((priority.id, priority.title, line, column, loc))
            facts.subs[priority.id] = frozenset(sub.id for sub in priority.sub_priorities)
    elif isinstance(doc, ActionPlan):
        facts.agreement = doc.agreement
        facts.served = frozenset(
            action.priority
            for action in doc.actions
            if action.priority is not None and action.status != "cancelled"
        )
    return facts


def check_workspace(collected: Sequence[Collected], ctx: WorkspaceContext) -> Iterator[Finding]:
    plans: dict[str, list[str]] = {}
    served: dict[str, set[str]] = {}
    for item in collected:
        facts: _Facts = item.facts
        if facts.agreement is not None:
            plans.setdefault(facts.agreement, []).append(item.doc_id)
            served.setdefault(facts.agreement, set()).update(facts.served)
    for item in collected:
        facts = item.facts
        if not facts.priorities or item.doc_id not in plans:
            continue
        names = sorted(set(plans[item.doc_id]))
        for priority_id, title, line, column, loc in facts.priorities:
            works = served[item.doc_id]
            if priority_id in works or facts.subs[priority_id] & works:
                continue
            yield ctx.finding_at(item.path, line, column, _message(names, title, priority_id), loc)


def _message(plans: list[str], title: str, priority_id: str) -> str:
    if len(plans) == 1:
        where = _("no action in the action plan '{plan}'").format(plan=plans[0])
    else:
        where = _("no action in the action plans {plans}").format(
            plans=", ".join(quoted(plan) for plan in plans)
        )
    return _(
        "{where} works on the priority '{title}'; add one, or link an existing action to it "
        "with 'priority: {id}'"
    ).format(where=where, title=show(title), id=priority_id)
