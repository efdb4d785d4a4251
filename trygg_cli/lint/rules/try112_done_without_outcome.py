"""An action or commitment reported done at a follow-up, with no outcome.

What:
  In a follow-up (`kind: follow-up`), an entry under `actions:` or `commitments:` with
  `status: done` and no `outcome:`: it says the work was carried out, but not what it
  gave.

Why:
  A follow-up answers two questions: was it done, and what did it give. Stockholm's
  agreement asks that the work is followed up "genom beskrivning av det genomförda
  arbetet, effekter av åtgärderna"; Brå's guidance asks for goals that can be followed up.
  A done action without an outcome leaves kommunstyrelsen and the Police unable to tell
  whether it was worth doing again.

How to fix:
  Write what the action or commitment gave under `outcome:`: what changed, with numbers
  where there are any. If it is not finished after all, set `status:` to `ongoing`.

Passing example:
  actions:
    - action: belysning-gang-och-cykelvagar
      status: done
      outcome: 14 platser åtgärdades under 2024.

Failing example:
  actions:
    - action: belysning-gang-och-cykelvagar
      status: done
"""

from __future__ import annotations

from collections.abc import Iterator

from trygg_cli.findings import Finding, Severity
from trygg_cli.i18n import _
from trygg_cli.lint.base import DocContext
from trygg_cli.model import FollowUp

ID = "TRY112"
NAME = "done-without-outcome"
SEVERITY = Severity.WARNING


def check(ctx: DocContext) -> Iterator[Finding]:
    doc = ctx.document
    if not isinstance(doc, FollowUp):
        return
    for index, action in enumerate(doc.actions):
        if action.status == "done" and action.outcome is None:
            yield ctx.finding(
                ("actions", index, "status"),
                _(
                    "the action '{id}' is reported done, but not what it gave; write its "
                    "result under 'outcome:'"
                ).format(id=action.action),
            )
    for index, commitment in enumerate(doc.commitments):
        if commitment.status == "done" and commitment.outcome is None:
            yield ctx.finding(
                ("commitments", index, "status"),
                _(
                    "the commitment '{id}' is reported done, but not what it gave; write its "
                    "result under 'outcome:'"
                ).format(id=commitment.commitment),
            )
