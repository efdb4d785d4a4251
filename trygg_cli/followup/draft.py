"""A draft follow-up in YAML, prefilled from the documents as they are now.

Every action of the action plan with its status (and outcome, when it has one), every
commitment of the citizen promise, and every indicator with its last value (from an
earlier follow-up, else its baseline) as a comment and an empty slot for this occasion's
value. The draft has no ``date``: it closes nothing in ``trygg due`` until it is done.
Its comments are Swedish, as the documents are.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from pydantic import TypeAdapter, ValidationError

from trygg_cli.errors import TryggError
from trygg_cli.i18n import _
from trygg_cli.model import ActionPlan, Agreement, CitizenPromise, Document, FollowUp
from trygg_cli.model.common import Measure
from trygg_cli.model.documents import Indicator
from trygg_cli.model.schedule import Anchor
from trygg_cli.model.series import follow_ups_of, indicators, occasion_key, series_of, shown
from trygg_cli.yamledit import yaml_scalar as _scalar

_STATUS = {
    "planned": "planerad",
    "ongoing": "pågående",
    "done": "klar",
    "postponed": "uppskjuten",
    "cancelled": "struken",
}
_HEAD = """\
# yaml-language-server: $schema=../schemas/follow-up.schema.json
# Utkast från ”trygg report new”: läget för varje åtgärd och åtagande är som i dokumenten
# nu, och varje indikator har en tom plats för sitt värde. Fyll i kommentarer, värden och
# bedömning, och skriv ”date:” när uppföljningen är klar: först då räknas tillfället som
# gjort i ”trygg due”.
"""


@dataclass(frozen=True)
class Draft:
    """The new follow-up's id and its YAML text."""

    doc_id: str
    text: str


def parse_occasion(text: str) -> int | datetime.date | str:
    """``--occasion`` as the model reads it: a year, a date or ``validity_end``."""
    value: object = int(text) if text.strip().isdigit() else text.strip()
    try:
        occasion: int | datetime.date | str = TypeAdapter(Anchor).validate_python(value)
    except ValidationError:
        raise TryggError(
            _(
                "'{text}' is not an occasion; write a year (2025), the date 'trygg due' "
                "shows (2025-04-30) or validity_end"
            ).format(text=text)
        ) from None
    return occasion


def _comment(text: str, indent: str = "") -> str:
    return f"{indent}# {' '.join(text.split())}\n"


@dataclass(frozen=True)
class _Followed:
    """What a new follow-up names, and the document it was asked for."""

    agreement: Agreement | None
    plan: ActionPlan | None
    promise: CitizenPromise | None
    target: Document


def followed(documents: Mapping[str, Document], target_id: str) -> _Followed:
    """What a follow-up of ``target_id`` names: for an agreement, its current action plan
    and citizen promise too; for a plan, its agreement (whose indicators it measures)."""
    target = documents.get(target_id)
    if isinstance(target, Agreement):
        plan = _current(documents, target, "action_plans")
        promise = _current(documents, target, "citizen_promises")
        return _Followed(
            target,
            plan if isinstance(plan, ActionPlan) else None,
            promise if isinstance(promise, CitizenPromise) else None,
            target,
        )
    if isinstance(target, ActionPlan):
        agreement = documents.get(target.agreement)
        owner = agreement if isinstance(agreement, Agreement) else None
        return _Followed(owner, target, None, target)
    if isinstance(target, CitizenPromise):
        return _Followed(None, None, target, target)
    raise TryggError(
        _(
            "there is no agreement, action plan or citizen promise with the id '{id}' in the "
            "files given"
        ).format(id=target_id)
    )


def _current(
    documents: Mapping[str, Document], agreement: Agreement, listed: str
) -> Document | None:
    """The first of the agreement's action plans (``listed``: ``action_plans``) or citizen
    promises that no other document replaces: listed in the agreement, or naming it."""
    kind = ActionPlan if listed == "action_plans" else CitizenPromise
    field = "action_plan" if kind is ActionPlan else "citizen_promise"
    replaced = {
        getattr(old, field) for d in documents.values() for old in getattr(d, "supersedes", ())
    }
    named = [documents.get(i) for i in getattr(agreement, listed)]
    named += [d for d in documents.values() if getattr(d, "agreement", None) == agreement.id]
    return next((d for d in named if isinstance(d, kind) and d.id not in replaced), None)


def _labels(occasion: int | datetime.date | str, target: Document) -> tuple[str, str]:
    """The occasion in the new id and in the title: ('2025', 'Uppföljning 2025 av …')."""
    if occasion == "validity_end":
        return "slutlig", f"Slutlig uppföljning av {target.title}"
    text = occasion.isoformat() if isinstance(occasion, datetime.date) else str(occasion)
    return text, f"Uppföljning {text} av {target.title}"


def _year(occasion: int | datetime.date | str, target: Document, today: datetime.date) -> int:
    """The year the new values count to: the occasion's, or for the final follow-up the
    year the period ends."""
    if isinstance(occasion, int):
        return occasion
    if isinstance(occasion, datetime.date):
        return occasion.year
    period = getattr(target, "validity", None) or getattr(target, "period", None)
    end = getattr(period, "end", None)
    return end.year if isinstance(end, datetime.date) else today.year


def draft(
    documents: Mapping[str, Document],
    target_id: str,
    occasion: int | datetime.date | str,
    *,
    today: datetime.date,
    doc_id: str | None = None,
) -> Draft:
    """A draft follow-up of ``target_id`` at ``occasion`` (see the module docstring)."""
    names = followed(documents, target_id)
    suffix, title = _labels(occasion, names.target)
    new_id = doc_id or f"{target_id}-uppfoljning-{suffix}"
    if new_id in documents:
        raise TryggError(
            _("the id '{id}' is already used by another document; choose another with --id").format(
                id=new_id
            )
        )
    earlier = [d for d in documents.values() if isinstance(d, FollowUp)]
    lines = [_HEAD, "trygg: 1\n", "kind: follow-up\n", f"id: {new_id}\n"]
    lines.append(f"title: {_scalar(title)}\n")
    for key, doc in (("agreement", names.agreement), ("action_plan", names.plan)):
        if doc is not None:
            lines.append(f"{key}: {doc.id}\n")
    if names.promise is not None:
        lines.append(f"citizen_promise: {names.promise.id}\n")
    shown_occasion = occasion.isoformat() if isinstance(occasion, datetime.date) else occasion
    lines.append(f"occasion: {shown_occasion}\n")
    lines += ["# date: ÅÅÅÅ-MM-DD\n", "# prepared_by:\n", "# summary:\n", "# next_steps:\n"]
    if names.plan is not None and names.plan.actions:
        lines += ["actions:\n", *_actions(names.plan, earlier)]
    if names.promise is not None and names.promise.commitments:
        lines += ["commitments:\n", *_commitments(names.promise, earlier)]
    measured = names.agreement or names.promise
    if measured is not None:
        year = _year(occasion, names.target, today)
        lines += _indicators(measured, follow_ups_of(documents.values(), measured.id), year)
    return Draft(new_id, "".join(lines))


def _previous(earlier: list[FollowUp], key: str, item_id: str) -> str | None:
    """The status of an action or commitment at the latest earlier follow-up, in words."""
    for follow_up in sorted(earlier, key=occasion_key, reverse=True):
        for reported in getattr(follow_up, key):
            if getattr(reported, key[:-1]) == item_id:
                return _STATUS[reported.status]
    return None


def _actions(plan: ActionPlan, earlier: list[FollowUp]) -> Iterator[str]:
    mine = [f for f in earlier if f.action_plan == plan.id]
    for action in plan.actions:
        yield from _reported("action", action.id, action.title, action.status, action.outcome, mine)


def _commitments(promise: CitizenPromise, earlier: list[FollowUp]) -> Iterator[str]:
    mine = [f for f in earlier if f.citizen_promise == promise.id]
    for c in promise.commitments:
        yield from _reported("commitment", c.id, c.text, c.status, c.outcome, mine)


def _reported(
    key: str, item_id: str, title: str, status: str, outcome: str | None, earlier: list[FollowUp]
) -> Iterator[str]:
    """An action's or commitment's entry: its title (and status at the last follow-up) as
    a comment, its status and outcome now, and a place for a comment."""
    before = _previous(earlier, f"{key}s", item_id)
    note = f" (förra uppföljningen: {before})" if before else ""
    yield _comment(title + note, "  ")
    yield f"  - {key}: {item_id}\n    status: {status}\n"
    if outcome is not None:
        yield f"    outcome: {_scalar(outcome)}\n"
    yield "    # comment:\n"


def _indicators(measured: Document, earlier: list[FollowUp], year: int) -> list[str]:
    found = list(indicators(measured))
    lines = ["indicators:\n"] if any(i.id is not None for i in found) else []
    for indicator in found:
        if indicator.id is None:
            lines.append(
                _comment(
                    f"Indikatorn ”{indicator.description}” saknar id och kan inte mätas här; "
                    f"ge den ett ”id:” i {measured.id}.",
                    "  " if lines else "",
                )
            )
            continue
        lines += _indicator(indicator, earlier, year)
    return lines


def _indicator(indicator: Indicator, earlier: list[FollowUp], year: int) -> list[str]:
    assert indicator.id is not None
    series = series_of(indicator, earlier)
    known = []
    latest = series.latest()
    if latest is not None:
        known.append(f"Senast: {shown(latest.value, latest.unit, latest.label)}")
    for word, measure in (("Utgångsläge", series.baseline), ("Målvärde", series.target)):
        if isinstance(measure, Measure):
            known.append(f"{word}: {shown(measure.value, measure.unit, measure.year)}")
    lines = [_comment(indicator.description, "  ")]
    if known:
        lines.append(_comment(". ".join(known) + ".", "  "))
    lines.append(f"  - indicator: {indicator.id}\n    values:\n      - year: {year}\n")
    lines.append("        value:\n")
    if series.unit is not None:
        lines.append(f"        unit: {_scalar(series.unit)}\n")
    source = latest.source if latest is not None and latest.source else indicator.source
    if source is not None:
        lines.append(f"        source: {_scalar(source)}\n")
    return lines
