"""What a follow-up's templates get besides the common view: the documents it follows
up, its actions and commitments with their status (and what it was at the follow-up
before), a count of the actions by status, and each indicator's series as a table and an
accessible chart (:mod:`trygg_cli.render.chart`)."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup

from trygg_cli.model import ActionPlan, Agreement, CitizenPromise, Document, FollowUp
from trygg_cli.model.series import Series, find_indicator, previous, series, shown
from trygg_cli.render.chart import chart
from trygg_cli.render.words import STATUS, long_date

ORDER = ("done", "ongoing", "planned", "postponed", "cancelled")


@dataclass(frozen=True)
class Reported:
    """An action or commitment at this follow-up."""

    id: str
    title: str
    status: str  # in words: "Klar", "Pågår" …
    before: str | None  # the same at the follow-up before, if it said
    comment: str | None
    outcome: str | None


@dataclass(frozen=True)
class Count:
    status: str
    count: int


@dataclass(frozen=True)
class Row:
    """One row of an indicator's table: what, when, the value and its source."""

    what: str
    when: str
    value: str
    source: str


@dataclass(frozen=True)
class IndicatorView:
    anchor: str
    description: str
    rows: list[Row]
    chart: Markup | None
    comment: str | None


@dataclass(frozen=True)
class FollowUpView:
    municipality: str | None
    occasion: str
    done: str | None
    counts: list[Count]
    actions: list[Reported]
    commitments: list[Reported]
    indicators: list[IndicatorView]


def occasion_words(occasion: object) -> str:
    """'2024', '30 april 2025', 'efter periodens slut'."""
    if isinstance(occasion, datetime.date):
        return long_date(occasion)
    if occasion == "validity_end":
        return "efter periodens slut"
    return str(occasion)


def view(doc: FollowUp, documents: Mapping[str, Document]) -> FollowUpView:
    """The follow-up's part of what its templates get (see the module docstring)."""
    others = {**documents, doc.id: doc}
    before = previous(doc, others.values())
    plan = documents.get(doc.action_plan or "")
    promise = documents.get(doc.citizen_promise or "")
    actions = _actions(doc, plan if isinstance(plan, ActionPlan) else None, before)
    commitments = _commitments(
        doc, promise if isinstance(promise, CitizenPromise) else None, before
    )
    counts = [
        Count(STATUS[status], sum(1 for a in doc.actions if a.status == status)) for status in ORDER
    ]
    owner = documents.get(doc.indicators_of or "")
    municipality = owner.municipality if isinstance(owner, Agreement | CitizenPromise) else None
    done = doc.done_on
    return FollowUpView(
        municipality,
        occasion_words(doc.occasion),
        long_date(done) if done is not None else None,
        [c for c in counts if c.count],
        actions,
        commitments,
        _indicators(doc, others, owner),
    )


def _actions(doc: FollowUp, plan: ActionPlan | None, before: FollowUp | None) -> list[Reported]:
    titles = {a.id: a.title for a in plan.actions} if plan is not None else {}
    return _reported(doc, "action", titles, before)


def _commitments(
    doc: FollowUp, promise: CitizenPromise | None, before: FollowUp | None
) -> list[Reported]:
    texts = {c.id: c.text for c in promise.commitments} if promise is not None else {}
    return _reported(doc, "commitment", texts, before)


def _reported(
    doc: FollowUp, key: str, titles: Mapping[str, str], before: FollowUp | None
) -> list[Reported]:
    """The follow-up's actions (``key``: ``action``) or commitments, by title, with their
    status at the follow-up ``before``."""
    entries = getattr(doc, f"{key}s")
    earlier = {getattr(r, key): r.status for r in getattr(before, f"{key}s", ())}
    out = []
    for r in entries:
        item_id = getattr(r, key)
        was = STATUS[earlier[item_id]] if item_id in earlier else None
        title = titles.get(item_id, item_id)
        out.append(Reported(item_id, title, STATUS[r.status], was, r.comment, r.outcome))
    return out


def _indicators(
    doc: FollowUp, documents: Mapping[str, Document], owner: Document | None
) -> list[IndicatorView]:
    out = []
    for index, reported in enumerate(doc.indicators, 1):
        found = series(documents, doc, reported.indicator)
        indicator = find_indicator(owner, reported.indicator)
        description = indicator.description if indicator is not None else reported.indicator
        anchor = f"indikator-{index}"
        if found is None:
            out.append(IndicatorView(anchor, description, [], None, reported.comment))
            continue
        title = f"Diagram: {description}"
        out.append(
            IndicatorView(
                anchor,
                description,
                _rows(found),
                chart(found, f"diagram-{index}", title),
                reported.comment,
            )
        )
    return out


def _rows(found: Series) -> list[Row]:
    unit = found.unit
    rows = []
    source = found.indicator.source or ""
    if found.baseline is not None:
        b = found.baseline
        rows.append(Row("Utgångsläge", str(b.year or ""), shown(b.value, b.unit or unit), source))
    for p in found.measured:
        rows.append(Row("Uppmätt", p.label, shown(p.value, p.unit or unit), p.source or source))
    if found.target is not None:
        t = found.target
        rows.append(Row("Målvärde", str(t.year or ""), shown(t.value, t.unit or unit), ""))
    return rows
