"""An action says no one carries it out.

What:
  An action in an action plan with no one under `performs:` — no party or actor, no
  several of them together, and no governance body, that does the work. Cancelled actions
  are not checked.

Why:
  Mölndal's local agreement 2023–2026 says its action plan "specificerar vem som planerar,
  utför och följer upp respektive aktivitet", and Göteborg's central agreement of 2018
  that "Respektive aktörs ansvar för genomförande av åtgärden anges". An action that no
  one is to carry out is a wish: at follow-up no one can say whether it was done, or ask
  why not.

How to fix:
  Add who carries out the action under `performs:`: a party or an actor and a role,
  several together (`parties: [molndals-stad, bostadsbolaget]`), or a body. If the action
  will not be done after all, set `status: cancelled`.

Passing example:
  - id: oppna-foraldramoten
    title: Öppna föräldramöten om unga på glid
    performs:
      - {party: molndals-stad, role: SSPF-koordinator}

Failing example:
  - id: oppna-foraldramoten
    title: Öppna föräldramöten om unga på glid
    performs: []
"""

from __future__ import annotations

from collections.abc import Iterator

from trygg_cli.findings import Finding, Severity, show
from trygg_cli.i18n import _
from trygg_cli.lint.base import DocContext
from trygg_cli.model import ActionPlan

ID = "TRY101"
NAME = "action-without-performer"
SEVERITY = Severity.WARNING


def check(ctx: DocContext) -> Iterator[Finding]:
    doc = ctx.document
    if not isinstance(doc, ActionPlan):
        return
    for index, action in enumerate(doc.actions):
        if action.performs or action.status == "cancelled":
            continue
        yield ctx.finding(
            ctx.written_or(("actions", index), "performs"),
            at_key=True,
            message=_(
                "no one is named to carry out the action '{title}'; add who does it under "
                "'performs:' (a party or actor and a role, several together under 'parties:', "
                "or a body), or set 'status: cancelled' if it will not be done"
            ).format(title=show(action.title)),
        )
