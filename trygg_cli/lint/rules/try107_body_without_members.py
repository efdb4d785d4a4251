"""A governance body with no members.

What:
  A body (styrgrupp, råd, nätverk, arbetsgrupp …) whose `members:` list is empty: the
  agreement does not say who sits in it.

Why:
  The agreements name each body's members as roles per party: in Göteborg's central
  agreement of 2018 the central group "består av" the Polisområdeschef and the
  Stadsdirektör; in Mölndal's local agreement 2023–2026 the BRÅ "består av
  förvaltningschefer eller medarbetare med delegerat beslutsmandat, politisk
  representation ... samt polisledning och kommunpolis". Without members it is unclear who
  is called to meetings and who has the mandate to decide — and whether both parties take
  part.

How to fix:
  List the members under `members:` as a party and a role each, for example
  `{party: lpo-storgoteborg-syd, role: Kommunpolis}`. Name roles, not people.

Passing example:
  - id: css
    name: Den centrala strategiska samverkansgruppen (CSS)
    level: strategisk
    members:
      - {party: polisomrade-storgoteborg, role: Polisområdeschef}
      - {party: goteborgs-stad, role: Stadsdirektör}

Failing example:
  - id: css
    name: Den centrala strategiska samverkansgruppen (CSS)
    level: strategisk
"""

from __future__ import annotations

from collections.abc import Iterator

from trygg_cli.findings import Finding, Severity, show
from trygg_cli.i18n import _
from trygg_cli.lint.base import DocContext
from trygg_cli.model import Agreement

ID = "TRY107"
NAME = "body-without-members"
SEVERITY = Severity.WARNING


def check(ctx: DocContext) -> Iterator[Finding]:
    doc = ctx.document
    if not isinstance(doc, Agreement):
        return
    for index, body in enumerate(doc.bodies):
        if body.members:
            continue
        yield ctx.finding(
            ctx.written_or(("bodies", index), "members"),
            at_key=True,
            message=_(
                "the body '{name}' has no members; list who sits in it under 'members:', a "
                "party and a role each"
            ).format(name=show(body.name)),
        )
