"""A period ends before it starts.

What:
  An agreement's `validity`, an action plan's or a citizen promise's `period` whose
  `until` date is earlier than its `from` date — or, for a period that runs from signing,
  earlier than the day the last signatory signed.

Why:
  A period that ends before it starts is never in force: trygg cannot say whether the
  document applies today, and follow-ups counted from it come out wrong. It is almost
  always a typing slip — a year or a month swapped, as in "2026-05-01 – 2023-12-31" — in
  dates such as "Denna överenskommelse gäller för perioden 2023-05-01 – 2026-12-31"
  (Mölndal's local agreement 2023–2026).

How to fix:
  Correct the dates so that `from` comes first and `until` after it, as the signed
  document says.

Passing example:
  validity:
    from: 2023-05-01
    until: 2026-12-31

Failing example:
  validity:
    from: 2026-05-01
    until: 2023-12-31
"""

from __future__ import annotations

from collections.abc import Iterator

from trygg_cli.date_words import long_date
from trygg_cli.findings import Finding, Severity
from trygg_cli.i18n import _
from trygg_cli.lint.base import DocContext
from trygg_cli.model.dates import period_start, periods

ID = "TRY302"
NAME = "period-ends-before-start"
SEVERITY = Severity.ERROR


def check(ctx: DocContext) -> Iterator[Finding]:
    for loc, period in periods(ctx.document):
        end = period.end
        start = period_start(ctx.document, period)
        if end is None or start is None or end >= start:
            continue
        if period.start is not None:
            message = _(
                "this period ends on {end}, before it starts on {start}; correct the dates so "
                "that 'from' comes before 'until'"
            )
        else:
            message = _(
                "this period runs from signing, but it ends on {end}, before the last "
                "signature on {start}; correct 'until' or the signing dates"
            )
        yield ctx.finding(
            (*loc, "until"), message.format(end=long_date(end), start=long_date(start))
        )
