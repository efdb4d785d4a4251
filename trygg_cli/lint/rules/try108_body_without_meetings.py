"""A governance body that does not say how often it meets.

What:
  A body with no `meetings:` schedule: the agreement does not say whether it meets four
  times a year, twice a term, or as needed.

Why:
  The agreements give most bodies a cadence: "Gruppen träffas cirka fyra gånger per år"
  (Göteborg's central agreement of 2018), "Styrgruppen ska sammankalla möten minst fyra
  gånger per år" (Stockholm's overarching agreement). A cadence is what lets the parties —
  and `trygg due` — see that a body has stopped meeting. Some agreements give none
  (Mölndal's local agreement 2023–2026 gives none for its BRÅ), which is worth settling
  when the agreement is revised.

How to fix:
  Add `meetings:` with the cadence the agreement states, for example
  `{text: Gruppen träffas cirka fyra gånger per år., times: 4, unit: year, qualifier:
  about}`; for a body that meets only when needed, `{qualifier: as_needed}`.

Passing example:
  - id: lok-natverket
    name: LÖK-nätverket
    level: taktisk
    meetings: {text: Nätverket träffas två gånger per år., times: 2, unit: year}

Failing example:
  - id: lok-natverket
    name: LÖK-nätverket
    level: taktisk
"""

from __future__ import annotations

from collections.abc import Iterator

from trygg_cli.findings import Finding, Severity, show
from trygg_cli.i18n import _
from trygg_cli.lint.base import DocContext
from trygg_cli.model import Agreement

ID = "TRY108"
NAME = "body-without-meetings"
SEVERITY = Severity.INFO


def check(ctx: DocContext) -> Iterator[Finding]:
    doc = ctx.document
    if not isinstance(doc, Agreement):
        return
    for index, body in enumerate(doc.bodies):
        if body.meetings is not None:
            continue
        yield ctx.finding(
            ("bodies", index, "id"),
            at_key=True,
            message=_(
                "the body '{name}' does not say how often it meets; add 'meetings:' with "
                "the cadence, or 'qualifier: as_needed' if it meets only when needed"
            ).format(name=show(body.name)),
        )
