"""An agreement is decided after its validity starts.

What:
  An agreement whose `decision: date:` is later than its `validity: from:` date. An
  agreement that runs from signing (`from_signing: true`) is not judged.

Why:
  An agreement cannot apply before the body that adopts it has decided on it: a
  kommunstyrelse decision (Mölndal's local agreement 2023–2026: "Beslutat av
  Kommunstyrelsen … Gäller från och med 2023-05-01") comes first, validity after. When the
  decision is dated later, one of the two dates is wrong, or the agreement was applied
  before it was adopted — either way the steering group should know.

How to fix:
  Check the minutes (protokoll) for the decision date and the signed document for the
  start of validity, and correct whichever is wrong. If the agreement really starts when
  it is signed, write `from_signing: true` instead of `from:`.

Passing example:
  decision: {body: Kommunstyrelsen, date: 2023-04-12}
  validity:
    from: 2023-05-01
    until: 2026-12-31

Failing example:
  decision: {body: Kommunstyrelsen, date: 2023-06-14}
  validity:
    from: 2023-05-01
    until: 2026-12-31
"""

from __future__ import annotations

from collections.abc import Iterator

from trygg_cli.date_words import long_date
from trygg_cli.findings import Finding, Severity
from trygg_cli.i18n import _
from trygg_cli.lint.base import DocContext
from trygg_cli.model import Agreement

ID = "TRY303"
NAME = "decided-after-start"
SEVERITY = Severity.WARNING


def check(ctx: DocContext) -> Iterator[Finding]:
    doc = ctx.document
    if not isinstance(doc, Agreement) or doc.decision is None or doc.decision.date is None:
        return
    start = doc.validity.start
    if start is None or doc.validity.from_signing or doc.decision.date <= start:
        return
    yield ctx.finding(
        ("decision", "date"),
        _(
            "the agreement was decided on {decided} but is valid from {start}; it cannot apply "
            "before it is decided — correct the decision date or 'validity: from:'"
        ).format(decided=long_date(doc.decision.date), start=long_date(start)),
    )
