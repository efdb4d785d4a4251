"""A cadence says "every few years" but not from when.

What:
  A schedule with `every:` of 2 or more (every other year, every fourth year …) and no
  `first:`, in a document whose own start date is not known either: an agreement or
  promise that runs from signing with no `signed` dates recorded, or a period without
  `from`. Yearly and "so many times per year" schedules are not judged: they need no
  starting point.

Why:
  Stockholm's overarching agreement says the priorities are revised "åtminstone var fjärde
  år" and that it applies "fr.o.m. datum för underskrift", with no date. Göteborg's
  central agreement of 2018 shows what is needed: "görs 2021 och därefter vartannat år".
  Without a first occasion or a start date to count from, `trygg due` cannot tell which
  years a revision or follow-up is due, so it can never be reported as overdue (the start
  can be a year, a date or an event).

How to fix:
  Add `first:` with the year or date of the first occasion (`first: 2025`), or an event
  (`first: signing`) once the signing dates are recorded under `signatories:`.

Passing example:
  revision:
    text: revidering ska ske åtminstone var fjärde år
    first: 2027
    every: 4
    qualifier: at_least

Failing example:
  validity:
    from_signing: true
    until_further_notice: true
  revision:
    text: revidering ska ske åtminstone var fjärde år
    every: 4
    qualifier: at_least
"""

from __future__ import annotations

from collections.abc import Iterator

from trygg_cli.findings import Finding, Severity
from trygg_cli.i18n import N_, _
from trygg_cli.lint.base import DocContext
from trygg_cli.model.dates import period_start, periods, schedules

ID = "TRY307"
NAME = "cadence-without-start"
SEVERITY = Severity.INFO

_UNITS = {
    "year": N_("years"),
    "tertial": N_("tertials"),
    "term": N_("terms"),
    "quarter": N_("quarters"),
    "month": N_("months"),
    "week": N_("weeks"),
}


def check(ctx: DocContext) -> Iterator[Finding]:
    doc = ctx.document
    own = next(periods(doc), None)
    if own is None:
        return  # an action plan without a period counts from its agreement
    period = own[1]
    if period_start(doc, period) is not None:
        return
    if period.from_signing:
        why = _("the document runs from signing with no signing date recorded")
    else:
        why = _("the document's period has no 'from' date")
    for loc, schedule in schedules(doc):
        if schedule.every is None or schedule.every < 2 or schedule.first is not None:
            continue
        yield ctx.finding(
            (*loc, "every"),
            at_key=True,
            message=_(
                "this happens every {every} {unit}, but not from when: it has no 'first:', and "
                "{why}; add 'first:' with the year or date of the first occasion"
            ).format(every=schedule.every, unit=_(_UNITS[schedule.unit]), why=why),
        )
