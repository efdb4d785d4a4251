"""A follow-up whose occasion is not one its documents plan.

What:
  A follow-up (`kind: follow-up`) whose `occasion:` is not a follow-up that the documents
  it names plan under their `follow_up:` — `2022` when the agreement is followed up "2021
  och därefter vartannat år", `2023` before the first yearly follow-up — or whose
  documents plan no follow-up at all. A date is judged by the occasion whose window could
  hold it; `validity_end` by the end of the period. Schedules whose years depend on dates
  trygg does not know (a start at signing that is not recorded) are not judged.

Why:
  A dated follow-up closes its occasion in `trygg due` by itself. When the occasion is
  not one the documents plan, it closes nothing: the follow-up that was meant stays
  overdue, and the document that records the work appears to follow up something no one
  planned. Göteborg's central agreement plans "En uppföljning av denna överenskommelse
  görs 2021 och därefter vartannat år"; a follow-up for 2022 belongs to no occasion.

How to fix:
  Set `occasion:` to the year or date that `trygg due` shows for the follow-up this
  document records. If the documents' `follow_up:` is wrong or missing, correct it there.

Passing example:
  # the agreement: follow_up: {first: 2021, every: 2}
  occasion: 2023

Failing example:
  # the agreement: follow_up: {first: 2021, every: 2}
  occasion: 2022
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from trygg_cli.date_words import long_date
from trygg_cli.findings import Finding, Severity
from trygg_cli.i18n import _
from trygg_cli.lint.base import Collected, DocContext, WorkspaceContext
from trygg_cli.model import ActionPlan, Agreement, CitizenPromise, FollowUp
from trygg_cli.model.dates import period_end, period_start, signing_date
from trygg_cli.model.schedule import Schedule

ID = "TRY310"
NAME = "follow-up-occasion-not-planned"
SEVERITY = Severity.WARNING

Years = tuple[int, int, int | None]
"""The years a schedule plans a follow-up in, as ``trygg due`` counts an occasion's year:
the first, every how many, and the last (``None``: no end)."""


@dataclass(frozen=True)
class _Plans:
    """What a followed document plans: its follow-up and the dates it counts from."""

    follow_up: Schedule | None
    start: datetime.date | None
    end: datetime.date | None
    signing: datetime.date | None
    agreement: str | None = None  # an action plan without a period of its own borrows it


@dataclass(frozen=True)
class _Occasion:
    documents: tuple[str, ...]
    occasion: int | datetime.date | str
    line: int
    column: int


def collect(ctx: DocContext) -> _Plans | _Occasion | None:
    doc = ctx.document
    if isinstance(doc, FollowUp):
        line, column = ctx.position(("occasion",))
        return _Occasion(doc.followed, doc.occasion, line, column)
    if isinstance(doc, Agreement):
        period = doc.validity
        signing = signing_date(doc.signatories)
    elif isinstance(doc, CitizenPromise):
        period, signing = doc.period, signing_date(doc.signatories)
    elif isinstance(doc, ActionPlan):
        if doc.period is None:
            return _Plans(doc.follow_up, None, None, None, doc.agreement)
        period, signing = doc.period, None
    else:  # pragma: no cover - every kind is listed
        return None
    start, end = period_start(doc, period), period_end(doc, period)
    return _Plans(doc.follow_up, start, end, signing)


def planned_years(plans: _Plans) -> Years | None:
    """The years ``plans`` has a follow-up in; ``None`` when that cannot be told without
    dates that are not known (or it happens at meetings, events or as needed)."""
    schedule = plans.follow_up
    if schedule is None or schedule.tied or schedule.qualifier == "as_needed":
        return None
    last = plans.end.year if plans.end is not None else None
    step = schedule.every if schedule.every is not None and schedule.unit == "year" else 1
    once = schedule.every is None and schedule.times is None
    first = schedule.first
    if first == "validity_end":
        if plans.end is None:
            return None
        year = plans.end.year + (1 if plans.end.month > 9 else 0)  # three months after
        return (year, 1, year) if once else (year, step, None)
    if first in ("signing", "validity_start"):
        first = plans.signing if first == "signing" else plans.start
        if first is None:
            return None
    if isinstance(first, int | datetime.date):
        year = first if isinstance(first, int) else first.year
        return (year, 1, year) if once else (year, step, last)
    if plans.start is None:
        return None
    if schedule.during is not None:  # a winter can be the season of the year before
        return plans.start.year - 1, 1, last
    if schedule.times is None and schedule.at is None and schedule.unit == "year":
        return plans.start.year + step, step, last  # anniversaries: one interval on
    return plans.start.year, step, last


def _holds(years: Years, year: int) -> bool:
    first, step, last = years
    return year >= first and (last is None or year <= last) and (year - first) % step == 0


def _day_of(occasion: int | datetime.date | str, plans: _Plans) -> datetime.date | None:
    if isinstance(occasion, datetime.date):
        return occasion
    return {"validity_end": plans.end, "validity_start": plans.start}.get(
        str(occasion), plans.signing
    )


def _planned(occasion: int | datetime.date | str, plans: _Plans, years: Years) -> bool:
    if isinstance(occasion, int):
        return _holds(years, occasion)
    day = _day_of(occasion, plans)
    # A date closes the occasion whose window holds it: of its own year, or the next
    # year's, counted from the day after the previous one.
    return day is None or _holds(years, day.year) or _holds(years, day.year + 1)


def _listed(sets: list[Years]) -> str:
    years = sorted(
        {f + k * s for f, s, last in sets for k in range(4) if last is None or f + k * s <= last}
    )
    more = any(last is None or f + 4 * s <= last for f, s, last in sets)
    shown = ", ".join(str(y) for y in years[:4])
    return _("{years} …").format(years=shown) if more or len(years) > 4 else shown


def check_workspace(collected: Sequence[Collected], ctx: WorkspaceContext) -> Iterator[Finding]:
    plans: dict[str, _Plans] = {}
    for item in collected:
        if isinstance(item.facts, _Plans):
            plans.setdefault(item.doc_id, item.facts)
    for item in collected:
        facts = item.facts
        if not isinstance(facts, _Occasion):
            continue
        found = [(d, _borrowed(plans[d], plans)) for d in facts.documents if d in plans]
        if not found:
            continue  # what it follows up is not among the files: validate says so
        sets: list[Years] = []
        judged = True
        for _doc_id, each in found:
            years = planned_years(each) if each.follow_up is not None else None
            if years is None and each.follow_up is not None:
                judged = False  # its occasions depend on what trygg cannot know
            elif years is not None and _planned(facts.occasion, each, years):
                judged = False
            elif years is not None:
                sets.append(years)
        if judged:
            yield _finding(item, facts, [d for d, _p in found], sets, ctx)


def _borrowed(own: _Plans, plans: dict[str, _Plans]) -> _Plans:
    """An action plan without a period counts from its agreement's dates."""
    agreement = plans.get(own.agreement or "")
    if agreement is None:
        return own
    return _Plans(own.follow_up, agreement.start, agreement.end, agreement.signing)


def _finding(
    item: Collected,
    facts: _Occasion,
    documents: list[str],
    sets: list[Years],
    ctx: WorkspaceContext,
) -> Finding:
    names = ", ".join(documents)
    if not sets:
        message = _(
            "{documents} plan no follow-up, so this occasion closes nothing in 'trygg due'; "
            "add 'follow_up:' to the document that is followed up"
        ).format(documents=names)
    else:
        occasion = facts.occasion
        shown = long_date(occasion) if isinstance(occasion, datetime.date) else str(occasion)
        message = _(
            "{occasion} is not an occasion when {documents} are followed up (planned: "
            "{planned}); set 'occasion:' to the year or date 'trygg due' shows for this "
            "follow-up"
        ).format(occasion=shown, documents=names, planned=_listed(sets))
    return ctx.finding_at(item.path, facts.line, facts.column, message, ("occasion",))
