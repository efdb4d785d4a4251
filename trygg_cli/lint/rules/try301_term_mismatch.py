"""Stated term does not match the dates.

What:
  A period whose stated term ("en period om fyra år", `term:`) differs by a month or more
  from the time between its `from` and `until` dates.

Why:
  Mölndal's agreement (seed 004) says it "tecknas för en period om fyra år" but runs
  2023-05-01 – 2026-12-31: three years and eight months. Follow-up and revision dates
  are computed from the period, so the reader — and `trygg due` — must know which is meant.

How to fix:
  Correct whichever is wrong: the dates, or the stated term (`term:` and the sentence in
  `text:`).

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

from trygg_cli.findings import Finding, Severity
from trygg_cli.i18n import _
from trygg_cli.lint.base import DocContext
from trygg_cli.model.dates import describe_months, months_between, period_start, periods

ID = "TRY301"
NAME = "term-mismatch"
SEVERITY = Severity.WARNING


def check(ctx: DocContext) -> Iterator[Finding]:
    for loc, period in periods(ctx.document):
        term = period.term
        start = period_start(ctx.document, period)  # `from`, or the signing date
        if term is None or start is None or period.end is None:
            continue
        stated = term.amount * (12 if term.unit == "year" else 1)
        actual = months_between(start, period.end + timedelta(days=1))
        if abs(actual - stated) < 1:
            continue
        yield ctx.finding(
            (*loc, "term"),
            at_key=True,
            message=_(
                "the term is stated as {stated}{quoted}, but {start} – {end} is {actual}; "
                "correct the dates or the stated term"
            ).format(
                stated=describe_months(stated),
                quoted=f" ('{term.text}')" if term.text else "",
                start=_iso(start),
                end=_iso(period.end),
                actual=describe_months(round(actual)),
            ),
        )


def _iso(day: date) -> str:
    return day.isoformat()
