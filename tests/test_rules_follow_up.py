"""The lint rules of the follow-up kind beyond their fixtures: TRY310 knows the years a
follow-up is planned in as the due engine counts them, and the rules stay quiet where they
cannot tell."""

from __future__ import annotations

from datetime import date

import pytest
from followup_cases import AGREEMENT, PLAN, PROMISE, follow_up
from test_rules_catalogue import SETTINGS

from trygg_cli.due.extract import Cadence
from trygg_cli.due.slots import Span, plan_slots
from trygg_cli.lint.engine import lint_workspace
from trygg_cli.lint.passes import lint_passes
from trygg_cli.lint.rules.try310_follow_up_occasion_not_planned import _Plans, planned_years
from trygg_cli.model.schedule import Schedule
from trygg_cli.workspace import load_sources

START, END = date(2023, 5, 1), date(2026, 12, 31)
SCHEDULES = [
    {"every": 1},
    {"every": 2},
    {"every": 1, "at": "end"},
    {"every": 2, "at": "start"},
    {"first": 2021, "every": 2},
    {"first": 2024},
    {"first": "2024-06-30", "every": 1},
    {"first": "validity_end"},
    {"first": "validity_start"},
    {"times": 2},
    {"times": 1, "unit": "tertial"},
    {"every": 1, "unit": "quarter", "at": "end"},
]
# Where the first occasion may fall before the start and be skipped, or in the season of
# the year before: the years may hold one more than planned, never one less.
LENIENT = [
    {"every": 2, "at": "start"},
    {"every": 1, "during": "winter"},
    {"times": 3, "unit": "period"},
]


@pytest.mark.parametrize("fields", SCHEDULES + LENIENT, ids=str)
def test_the_years_are_those_the_due_engine_plans(fields: dict[str, object]) -> None:
    schedule = Schedule.model_validate(fields, strict=False)
    slots = plan_slots(Cadence.of(schedule), Span(START, END, None, None), date(2030, 12, 31))
    assert not isinstance(slots, str)
    years = planned_years(_Plans(schedule, START, END, None))
    assert years is not None
    first, step, last = years
    held = {y for y in range(2015, 2031) if y >= first and (last is None or y <= last)}
    held = {y for y in held if (y - first) % step == 0}
    assert {slot.year for slot in slots} <= held  # never a warning for a planned one
    if fields not in LENIENT:
        assert {slot.year for slot in slots} == held


def test_a_start_at_an_unrecorded_signing_is_not_judged() -> None:
    schedule = Schedule(every=2)
    assert planned_years(_Plans(schedule, None, None, None)) is None


def _rules(*texts: str, **others: str) -> list[tuple[str, str]]:
    sources = {"avtal.yaml": AGREEMENT, "plan.yaml": PLAN, "lofte.yaml": PROMISE}
    sources.update({f"{n}.yaml": t for n, t in others.items()})
    sources.update({f"u{i}.yaml": text for i, text in enumerate(texts)})
    workspace = load_sources(
        {p: t.encode() for p, t in sources.items()}, passes=lint_passes(SETTINGS)
    )
    return [(f.rule, f.message) for f in lint_workspace(workspace, SETTINGS)]


def test_an_indicator_is_measured_by_any_of_the_follow_ups() -> None:
    first = follow_up("2024").replace("{value: 35, unit: anmälningar", "{unit: anmälningar")
    second = follow_up("2025", doc_id="uppfoljning-2025", year="2025")
    found = [m for rule, m in _rules(first, second) if rule == "TRY206"]
    # Only the indicator without an id: anmalda-ran is measured in 2025.
    assert found == [
        "the indicator 'Antal trygghetsvandringar' has no 'id', so no follow-up of this "
        "agreement (uppfoljning-2024, uppfoljning-2025) can measure it; give it an id and "
        "add its values in the latest follow-up"
    ]


def test_an_agreement_no_follow_up_names_is_not_judged() -> None:
    assert [rule for rule, _m in _rules() if rule == "TRY206"] == []


def test_the_occasion_message_lists_the_planned_years() -> None:
    found = [m for rule, m in _rules(follow_up("2023")) if rule == "TRY310"]
    assert found == [
        "2023 is not an occasion when avtal, plan, lofte are followed up (planned: 2024, "
        "2025, 2026, 2027); set 'occasion:' to the year or date 'trygg due' shows for this "
        "follow-up"
    ]
