"""Date arithmetic shared by the period rules."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date

from trygg_cli.findings import YamlPath
from trygg_cli.i18n import _
from trygg_cli.model import ActionPlan, Agreement, CitizenPromise, Document
from trygg_cli.model.common import Period


def periods(document: Document) -> Iterator[tuple[YamlPath, Period]]:
    """The document's own period with its YAML path: an agreement's validity, a plan's or
    a promise's period."""
    if isinstance(document, Agreement):
        yield ("validity",), document.validity
    elif isinstance(document, (ActionPlan, CitizenPromise)) and document.period is not None:
        yield ("period",), document.period


def months_between(start: date, end: date) -> float:
    """Calendar months from ``start`` to ``end`` (exclusive), with a fraction for days."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    days = end.day - start.day
    if days < 0:
        months -= 1
        previous_month_length = calendar.monthrange(
            end.year if end.month > 1 else end.year - 1, end.month - 1 if end.month > 1 else 12
        )[1]
        days += previous_month_length
    return months + days / 30.0


def describe_months(months: int) -> str:
    """12 → "1 year", 44 → "3 years and 8 months", 5 → "5 months"."""
    years, rest = divmod(months, 12)
    parts = []
    if years:
        parts.append(_("1 year") if years == 1 else _("{n} years").format(n=years))
    if rest or not years:
        parts.append(_("1 month") if rest == 1 else _("{n} months").format(n=rest))
    return _(" and ").join(parts)
