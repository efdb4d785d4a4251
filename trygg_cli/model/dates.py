"""Dates of documents: walks over their periods and schedules, and date arithmetic (shared
by lint rules, due and render)."""

from __future__ import annotations

import calendar
from collections.abc import Iterator, Sequence
from datetime import date, timedelta

from trygg_cli.findings import YamlPath
from trygg_cli.i18n import _
from trygg_cli.model import ActionPlan, Agreement, CitizenPromise, Document
from trygg_cli.model.common import Period, Signatory, Term
from trygg_cli.model.schedule import Schedule


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


def signing_date(signatories: Sequence[Signatory]) -> date | None:
    """When the last signatory signed, if every one of them has a `signed` date."""
    if not signatories or any(s.signed is None for s in signatories):
        return None
    return max(s.signed for s in signatories if s.signed is not None)


def period_start(document: Document, period: Period) -> date | None:
    """The first day of ``period``: its `from`, or for `from_signing` the signing date."""
    if period.start is not None:
        return period.start
    if period.from_signing and isinstance(document, (Agreement, CitizenPromise)):
        return signing_date(document.signatories)
    return None


def start_loc(loc: YamlPath, period: Period) -> YamlPath:
    """Where a period's start is written: `from`, else `from_signing`, else the period."""
    if period.start is not None:
        return (*loc, "from")
    return (*loc, "from_signing") if period.from_signing else loc


def schedules(document: Document) -> Iterator[tuple[YamlPath, Schedule]]:
    """Every schedule in the document (meetings, occasions, follow-ups, actions…) and its path."""
    if isinstance(document, Agreement):
        for b, body in enumerate(document.bodies):
            if body.meetings is not None:
                yield ("bodies", b, "meetings"), body.meetings
        for o, occasion in enumerate(document.occasions):
            yield ("occasions", o, "schedule"), occasion.schedule
        for name in ("priority_review", "priority_revision", "follow_up", "evaluation", "revision"):
            schedule = getattr(document, name)
            if schedule is not None:
                yield (name,), schedule
    elif isinstance(document, ActionPlan):
        if document.follow_up is not None:
            yield ("follow_up",), document.follow_up
        for a, action in enumerate(document.actions):
            if action.schedule is not None:
                yield ("actions", a, "schedule"), action.schedule
    elif isinstance(document, CitizenPromise):
        for c, commitment in enumerate(document.commitments):
            if commitment.schedule is not None:
                yield ("commitments", c, "schedule"), commitment.schedule
        if document.follow_up is not None:
            yield ("follow_up",), document.follow_up


def describe_span(start: date, end: date) -> str:
    """The length of ``start`` – ``end`` (both days included) in words: "2 years", "9 days"."""
    months = months_between(start, end + timedelta(days=1))
    if round(months) >= 1:
        return describe_months(round(months))
    days = (end - start).days + 1
    return _("1 day") if days == 1 else _("{n} days").format(n=days)


def add_term(start: date, term: Term) -> date:
    """The last day of a stated term from ``start``: start + term − 1 day ("fyra år" from
    2020-05-11 → 2024-05-10). A mandate period (mandatperioden) ends on 14 October of an
    election year (2022, 2026, 2030 …), when the newly elected council takes office."""
    if term.unit == "mandate_period":
        year = start.year + (2 - start.year % 4) % 4
        if date(year, 10, 14) < start:
            year += 4
        return date(year + 4 * (term.amount - 1), 10, 14)
    months = term.amount * (12 if term.unit == "year" else 1)
    total = start.month - 1 + months
    year, month = start.year + total // 12, total % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day) - timedelta(days=1)


def period_end(document: Document, period: Period) -> date | None:
    """When a period ends in effect: its last extension, else its ``until``, else its start
    plus its stated term; ``None`` when it runs until further notice or until replaced
    (and has not been extended), or when neither an end nor a start and a term are known."""
    if period.extensions:
        return period.extensions[-1].until
    if period.until_replaced or period.until_further_notice:
        return None
    if period.end is not None:
        return period.end
    if period.term is not None:
        start = period_start(document, period)
        if start is not None:
            return add_term(start, period.term)
    return None
