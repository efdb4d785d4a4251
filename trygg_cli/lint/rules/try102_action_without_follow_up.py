"""An action says no one follows it up.

What:
  An action in an action plan with no one under `follows_up:` — no party or actor, no
  several of them together, and no governance body, that checks whether it was done and
  what it achieved. Cancelled actions are not checked.

Why:
  Mölndal's local agreement 2023–2026 says its action plan "specificerar vem som planerar,
  utför och följer upp respektive aktivitet", and that this "underlättar även
  sammanställning av en övergripande uppföljning". Göteborg's central agreement of 2018
  says "En gemensam uppföljning följer på varje aktivitet". Without someone named, the
  yearly follow-up has no one to ask.

How to fix:
  Add who follows the action up under `follows_up:`: a party or an actor and a role,
  several together (`parties: [molndals-stad, lpo-syd]`), or a body such as the
  brottsförebyggande råd (`body: bra`).

Passing example:
  - id: platssamverkan-centrum
    title: Platssamverkan i Mölndals centrum
    follows_up:
      - {body: bra}

Failing example:
  - id: platssamverkan-centrum
    title: Platssamverkan i Mölndals centrum
    follows_up: []
"""

from __future__ import annotations

from collections.abc import Iterator

from trygg_cli.findings import Finding, Severity, show
from trygg_cli.i18n import _
from trygg_cli.lint.base import DocContext
from trygg_cli.model import ActionPlan

ID = "TRY102"
NAME = "action-without-follow-up"
SEVERITY = Severity.WARNING


def check(ctx: DocContext) -> Iterator[Finding]:
    doc = ctx.document
    if not isinstance(doc, ActionPlan):
        return
    for index, action in enumerate(doc.actions):
        if action.follows_up or action.status == "cancelled":
            continue
        yield ctx.finding(
            ctx.written_or(("actions", index), "follows_up"),
            at_key=True,
            message=_(
                "no one is named to follow up the action '{title}'; add who checks that it "
                "was done and what it achieved under 'follows_up:' (a party or actor and a "
                "role, several together under 'parties:', or a body)"
            ).format(title=show(action.title)),
        )
