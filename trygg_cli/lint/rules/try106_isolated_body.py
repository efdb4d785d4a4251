"""A governance body not connected to any other body.

What:
  In an agreement with two or more bodies, a body that reports to no body (no
  `reports_to:`) and that no other body reports to. It stands outside the structure the
  agreement describes.

Why:
  The agreements describe their bodies as one structure on strategic, tactical and
  operative levels: in Göteborg's central agreement of 2018 "Processledarna
  återrapporterar löpande till den centrala strategiska samverkansgruppen", and in
  Mölndal's local agreement 2023–2026 the samverkansgrupper work with the action plan that
  the BRÅ is responsible for, and "BRÅ är styrgrupp för arbetet" against violence in close
  relationships. A body outside that structure has no one to report its results to, and no
  one who steers it.

How to fix:
  Add `reports_to:` with the id of the body it reports to, or `reports_to:` on the bodies
  that report to it. If the agreement really does not say, leave it, and suppress this
  finding with a comment that says so.

Passing example:
  bodies:
    - {id: bra, name: BRÅ Mölndal, level: strategisk}
    - {id: andts-natverk, name: ANDTS-nätverk, level: operativ, reports_to: bra}

Failing example:
  bodies:
    - {id: bra, name: BRÅ Mölndal, level: strategisk}
    - {id: andts-natverk, name: ANDTS-nätverk, level: operativ}
"""

from __future__ import annotations

from collections.abc import Iterator

from trygg_cli.findings import Finding, Severity, show
from trygg_cli.i18n import _
from trygg_cli.lint.base import DocContext
from trygg_cli.model import Agreement

ID = "TRY106"
NAME = "isolated-body"
SEVERITY = Severity.INFO


def check(ctx: DocContext) -> Iterator[Finding]:
    doc = ctx.document
    if not isinstance(doc, Agreement) or len(doc.bodies) < 2:
        return
    reported_to = {body.reports_to for body in doc.bodies if body.reports_to != body.id}
    for index, body in enumerate(doc.bodies):
        if body.reports_to is not None or body.id in reported_to:
            continue
        yield ctx.finding(
            ("bodies", index, "id"),
            at_key=True,
            message=_(
                "the body '{name}' reports to no other body and none reports to it; add "
                "'reports_to:' with the id of the body it reports to, or on the bodies that "
                "report to it"
            ).format(name=show(body.name)),
        )
