"""An agreement has no end date and nothing that brings it up for review.

What:
  An agreement that runs "tills vidare" (or has no end at all) and has none of
  `follow_up`, `evaluation`, `revision`, `priority_review` or `priority_revision` with a
  time to it. A schedule that is only "as needed" (`qualifier: as_needed`) or that waits
  for the end of a validity that never ends (`first: validity_end`) does not count. An
  end may be an `until` date, an extension, a stated `term:` ("en period om fyra år"), or
  `until_replaced: true`: an agreement that runs until a new one replaces it ends when its
  successor lists it under `supersedes:`.

Why:
  Open-ended agreements are common: Göteborg's central agreement of 2018 "löper tills
  vidare", and Stockholm's overarching agreement "gäller fr.o.m. datum för underskrift
  tills vidare". Both say when they are looked at again: Göteborg's is followed up "2021
  och därefter vartannat år" and evaluated "2022 och därefter vart femte år"; Stockholm's
  priorities are "årligen följas upp" and its action plan is followed up "i slutet av
  varje år". Brå's guidance says an agreement should state the period it covers and how
  follow-up is done. Without an end date or a cadence nothing would ever make anyone look
  at the agreement again.

How to fix:
  Give the agreement an end date (`validity: until:`) or its stated `term:`, say that it
  runs until it is replaced (`until_replaced: true`), or write down when it is followed
  up, evaluated or revised, as the agreement says — for example
  `follow_up: {first: 2025, every: 2}`. If the agreement says nothing about it, raise
  it with the steering group.

Passing example:
  validity:
    from: 2018-11-15
    until_further_notice: true
  follow_up:
    text: En uppföljning görs 2021 och därefter vartannat år.
    first: 2021
    every: 2

Failing example:
  validity:
    from: 2018-11-15
    until_further_notice: true
"""

from __future__ import annotations

from collections.abc import Iterator

from trygg_cli.findings import Finding, Severity, YamlPath
from trygg_cli.i18n import _
from trygg_cli.lint.base import DocContext
from trygg_cli.model import Agreement
from trygg_cli.model.common import Period
from trygg_cli.model.schedule import Schedule

ID = "TRY305"
NAME = "no-end-no-cadence"
SEVERITY = Severity.WARNING

_CADENCES = ("follow_up", "evaluation", "revision", "priority_review", "priority_revision")


def check(ctx: DocContext) -> Iterator[Finding]:
    doc = ctx.document
    if not isinstance(doc, Agreement) or _has_end(doc.validity):
        return
    if any(_brings_review(getattr(doc, name)) for name in _CADENCES):
        return
    loc: YamlPath = ("validity", "until_further_notice")
    if doc.validity.until_further_notice:
        opening = _("this agreement runs until further notice (tills vidare)")
    else:
        opening = _("this agreement has no end date ('until')")
        loc = ("validity",)
    yield ctx.finding(
        loc,
        at_key=True,
        message=_(
            "{opening} and nothing says when it is followed up, evaluated or revised; add "
            "'follow_up', 'evaluation' or 'revision' with a time (e.g. first: 2025, every: 2), "
            "or an end date"
        ).format(opening=opening),
    )


def _has_end(validity: Period) -> bool:
    """An end date, an extension, a stated term, or the end a successor will bring."""
    return (
        validity.end is not None
        or bool(validity.extensions)
        or validity.term is not None
        or validity.until_replaced
    )


def _brings_review(schedule: Schedule | None) -> bool:
    return (
        schedule is not None
        and schedule.qualifier != "as_needed"
        and schedule.first != "validity_end"
    )
