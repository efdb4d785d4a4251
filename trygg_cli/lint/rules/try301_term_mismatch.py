"""Stated term does not match the dates.

What:
  A period whose stated term ("en period om fyra år", `term:`) ends a month or more
  before or after its `until` date: the term counts from `from` (or the signing date) and
  ends the day before the same date that many years or months later; a term of
  `mandate_period` (mandatperioden) ends on 14 October of the election year. An extension
  (`extensions:`) is a later decision and is not compared: the term is checked against the
  `until` that was decided with it. A period with a term and no `until` is not checked —
  its end is the term's.

Why:
  Mölndal's local agreement 2023–2026 says it "tecknas för en period om fyra år" but runs
  2023-05-01 – 2026-12-31: three years and eight months. Follow-up and revision dates are
  computed from the period, so the reader — and `trygg due` — must know which is meant.

How to fix:
  Correct whichever is wrong: the dates, or the stated term (`term:` and the sentence in
  `text:`). If the period was extended, keep `until` as first decided and record the
  extension under `extensions:`.

Passing example:
  validity:
    from: 2023-01-01
    until: 2026-12-31
    term: {amount: 4, unit: year, text: en period om fyra år}

Failing example:
  validity:
    from: 2023-05-01
    until: 2026-12-31
    term: {amount: 4, unit: year, text: en period om fyra år}
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from trygg_cli.date_words import long_date
from trygg_cli.findings import Finding, Severity
from trygg_cli.i18n import _, quoted
from trygg_cli.lint.base import DocContext
from trygg_cli.model.common import Term
from trygg_cli.model.dates import (
    add_term,
    describe_months,
    months_between,
    period_start,
    periods,
)

ID = "TRY301"
NAME = "term-mismatch"
SEVERITY = Severity.WARNING


def check(ctx: DocContext) -> Iterator[Finding]:
    for loc, period in periods(ctx.document):
        term = period.term
        start = period_start(ctx.document, period)  # `from`, or the signing date
        end = period.end  # as decided with the term, not an extension
        if term is None or start is None or end is None:
            continue
        stated_end = add_term(start, term)
        if abs(months_between(*sorted((stated_end, end)))) < 1:
            continue
        yield ctx.finding(
            (*loc, "term"),
            at_key=True,
            message=_(
                "the term is stated as {stated}{quoted}, but {start} – {end} is {actual}; "
                "correct the dates or the stated term"
            ).format(
                stated=_stated(term, stated_end),
                quoted=f" ({quoted(term.text)})" if term.text else "",
                start=long_date(start),
                end=long_date(end),
                actual=describe_months(round(months_between(start, end + timedelta(days=1)))),
            ),
        )


def _stated(term: Term, stated_end: date) -> str:
    if term.unit == "mandate_period":
        return _("the mandate period, until {end}").format(end=long_date(stated_end))
    return describe_months(term.amount * (12 if term.unit == "year" else 1))
