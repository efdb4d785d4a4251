"""A citizen promise says nothing about when it is followed up.

What:
  A citizen promise with no `follow_up:`, or one whose follow-up is only "as needed"
  (`qualifier: as_needed`), or waits for the end of a period that has none (`first:
  validity_end` with `until_replaced: true` or `until_further_notice: true`), so that no
  date for it can ever come due. Who promises does not matter: one party, several
  together, or actors beside them.

Why:
  A medborgarlöfte is one problem, concrete commitments by police and municipality, a
  period and a follow-up; a promise nobody follows up is one a coordinator wants flagged.
  The working model in Göteborg's central agreement of 2018, which the promise is part of,
  ends with follow-up: "En gemensam uppföljning följer på varje aktivitet"; Brå's guidance
  asks that agreements state how follow-up is done. Residents are told what the police and
  municipality will do — someone has to check, at a set time, that they did it.

How to fix:
  Add `follow_up:` with when the promise is followed up, as the promise says — for
  example at the end of its period, or every year for a promise that runs until it is
  replaced:

    follow_up:
      text: Löftet följs upp vid periodens slut.
      first: validity_end

Passing example:
  period: {from: 2023-05-01, until: 2025-04-30}
  follow_up:
    text: Löftet följs upp vid periodens slut.
    first: validity_end

Failing example:
  period: {from: 2023-05-01, until: 2025-04-30}
  follow_up:
    text: Löftet följs upp löpande.
    qualifier: as_needed
"""

from __future__ import annotations

from collections.abc import Iterator

from trygg_cli.findings import Finding, Severity
from trygg_cli.i18n import _
from trygg_cli.lint.base import DocContext
from trygg_cli.model import CitizenPromise
from trygg_cli.model.dates import period_end

ID = "TRY203"
NAME = "promise-without-follow-up"
SEVERITY = Severity.WARNING


def check(ctx: DocContext) -> Iterator[Finding]:
    doc = ctx.document
    if not isinstance(doc, CitizenPromise):
        return
    if doc.follow_up is None:
        yield ctx.finding(
            ("commitments",),
            at_key=True,
            message=_(
                "this citizen promise does not say when it is followed up; add 'follow_up:' "
                "(for example 'first: validity_end' for a follow-up when the period ends)"
            ),
        )
    elif doc.follow_up.qualifier == "as_needed":
        yield ctx.finding(
            ("follow_up", "qualifier"),
            _(
                "this citizen promise is followed up only as needed, so no follow-up ever "
                "comes due; say when it is followed up (for example 'first: validity_end')"
            ),
        )
    elif doc.follow_up.first == "validity_end" and _endless(doc):
        yield ctx.finding(
            ("follow_up", "first"),
            _(
                "this citizen promise is followed up when its period ends, but the period has "
                "no end, so no follow-up ever comes due; follow it up at set times instead "
                "(for example 'every: 1, at: end' for the end of every year)"
            ),
        )


def _endless(doc: CitizenPromise) -> bool:
    """Whether the promise's period has no end at all (not merely one unknown yet)."""
    period = doc.period
    open_ended = period.until_replaced or period.until_further_notice
    return open_ended and period_end(doc, period) is None
