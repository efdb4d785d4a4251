"""Progress between two follow-ups, in sentences: measured values, status changes, new
measurements.

"Andelen som känner sig trygga i centrum ökade från 62 % (2022) till 68 % (2024); målet
är 70 % år 2026." "Åtgärden ”Trygghetsvandringar” är nu genomförd (pågick vid förra
uppföljningen)." Each indicator's latest value in the newer follow-up is compared with the
latest the older one gave (or, when it gave none, the indicator's baseline); indicators,
actions and commitments are named as the documents they belong to name them, when those
are among the files compared (``context``), else by their ids.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from trygg_cli.diff.compare import Change, Owner
from trygg_cli.diff.narrate import Narrated
from trygg_cli.i18n import N_, _, quoted
from trygg_cli.model import ActionPlan, CitizenPromise, Document, FollowUp
from trygg_cli.model.common import Measure
from trygg_cli.model.followup import IndicatorReport, Measurement
from trygg_cli.model.series import find_indicator

REPORTED = ("actions", "commitments", "indicators")
"""The lists of a follow-up that these sentences tell, not the field-by-field diff."""

_ACTION_NOW = {
    "planned": N_("The action {title} is now planned ({before})."),
    "ongoing": N_("The action {title} is now ongoing ({before})."),
    "done": N_("The action {title} is now done ({before})."),
    "postponed": N_("The action {title} is now postponed ({before})."),
    "cancelled": N_("The action {title} is now cancelled ({before})."),
}
_ACTION_BEFORE = {
    "planned": N_("the action was planned at the last follow-up"),
    "ongoing": N_("the action was ongoing at the last follow-up"),
    "done": N_("the action was done at the last follow-up"),
    "postponed": N_("the action was postponed at the last follow-up"),
    "cancelled": N_("the action was cancelled at the last follow-up"),
}
_COMMITMENT_NOW = {
    "planned": N_("The commitment {title} is now planned ({before})."),
    "ongoing": N_("The commitment {title} is now ongoing ({before})."),
    "done": N_("The commitment {title} is now done ({before})."),
    "postponed": N_("The commitment {title} is now postponed ({before})."),
    "cancelled": N_("The commitment {title} is now cancelled ({before})."),
}
_COMMITMENT_BEFORE = {
    "planned": N_("the commitment was planned at the last follow-up"),
    "ongoing": N_("the commitment was ongoing at the last follow-up"),
    "done": N_("the commitment was done at the last follow-up"),
    "postponed": N_("the commitment was postponed at the last follow-up"),
    "cancelled": N_("the commitment was cancelled at the last follow-up"),
}


def progress(
    old: FollowUp | None, new: FollowUp, context: Mapping[str, Document]
) -> list[Narrated]:
    """What changed from follow-up ``old`` to ``new``: each indicator, then each action
    and commitment whose status changed. With no ``old`` (the first follow-up), each
    indicator against its baseline."""
    return [
        *_indicators(old, new, context),
        *_statuses(old, new, "actions", context.get(new.action_plan or "")),
        *_statuses(old, new, "commitments", context.get(new.citizen_promise or "")),
    ]


def _shown(value: Measure | Measurement) -> str:
    assert value.value is not None
    text = f"{value.value:g}" + (f" {value.unit}" if value.unit else "")
    return f"{text} ({value.year})" if value.year is not None else text


def _latest(reported: IndicatorReport | None) -> Measurement | None:
    measured = [v for v in reported.values if v.value is not None] if reported else []
    return max(measured, key=lambda v: v.year, default=None)


def _indicators(
    old: FollowUp | None, new: FollowUp, context: Mapping[str, Document]
) -> Iterator[Narrated]:
    before = {i.indicator: i for i in old.indicators} if old is not None else {}
    owner_doc = context.get(new.indicators_of or "")
    for reported in new.indicators:
        latest = _latest(reported)
        if latest is None:
            continue
        indicator = find_indicator(owner_doc, reported.indicator)
        if indicator is not None:
            name = indicator.description[:1].upper() + indicator.description[1:]
        else:  # its agreement is not among the files compared
            name = _("The indicator {id}").format(id=quoted(reported.indicator))
        baseline = indicator.baseline if indicator is not None else None
        target = indicator.target if indicator is not None else None
        previous: Measure | Measurement | None = _latest(before.get(reported.indicator))
        if previous is None and isinstance(baseline, Measure):
            previous = baseline
        sentence = _sentence(name, previous, latest, target)
        if sentence is not None:
            path = ("indicators", f"[{reported.indicator}]", "values")
            change = Change("changed", path, "values", previous, latest, Owner("indicators", name))
            yield Narrated(change, sentence)


def _sentence(
    name: str, previous: Measure | Measurement | None, latest: Measurement, target: object
) -> str | None:
    goal = ""
    if isinstance(target, Measure):
        goal = (
            _("; the target is {target} in {year}").format(
                target=_shown(target.model_copy(update={"year": None})), year=target.year
            )
            if target.year is not None
            else _("; the target is {target}").format(target=_shown(target))
        )
    if previous is None or previous.value is None:
        return _("{indicator} was measured for the first time: {new}{target}.").format(
            indicator=name, new=_shown(latest), target=goal
        )
    assert latest.value is not None  # _latest keeps only values measured
    if previous.year is not None and previous.year > latest.year:
        return None
    if previous.year == latest.year:
        if previous.value == latest.value:
            return None
        return _("{indicator}: the value for {year} is now {new} (before: {old}).").format(
            indicator=name, year=latest.year, new=_shown(latest), old=_shown(previous)
        )
    if latest.value > previous.value:
        message = N_("{indicator} rose from {old} to {new}{target}.")
    elif latest.value < previous.value:
        message = N_("{indicator} fell from {old} to {new}{target}.")
    else:
        message = N_("{indicator}: unchanged at {new} (before: {old}){target}.")
    return _(message).format(indicator=name, old=_shown(previous), new=_shown(latest), target=goal)


def _statuses(
    old: FollowUp | None, new: FollowUp, key: str, owner: Document | None
) -> Iterator[Narrated]:
    if old is None:
        return
    item = key[:-1]  # "action", "commitment"
    before = {getattr(r, item): r.status for r in getattr(old, key)}
    titles: dict[str, str] = {}
    if isinstance(owner, ActionPlan) and key == "actions":
        titles = {a.id: a.title for a in owner.actions}
    elif isinstance(owner, CitizenPromise) and key == "commitments":
        titles = {c.id: c.text for c in owner.commitments}
    now, was = (
        (_ACTION_NOW, _ACTION_BEFORE) if key == "actions" else (_COMMITMENT_NOW, _COMMITMENT_BEFORE)
    )
    for reported in getattr(new, key):
        item_id = getattr(reported, item)
        status = before.get(item_id)
        if status is None or status == reported.status:
            continue
        title = titles.get(item_id, item_id)
        sentence = _(now[reported.status]).format(title=quoted(title), before=_(was[status]))
        path = (key, f"[{item_id}]", "status")
        yield Narrated(
            Change("changed", path, "status", status, reported.status, Owner(key, title)),
            sentence,
        )
