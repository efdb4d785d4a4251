"""The rule catalogue: an explicit registry, one module per rule.

Ids are stable and grouped by theme (the comments in ``_MODULES``). A rule is added by writing its
module (see any of them: docstring with What / Why / How to fix and two examples, ``ID``,
``NAME``, ``SEVERITY`` and ``check`` or ``collect`` + ``check_workspace``) and importing
it here; the catalogue test checks the rest.
"""

from __future__ import annotations

from types import ModuleType

from trygg_cli.lint.base import Rule
from trygg_cli.lint.rules import (
    try001_suppression_without_reason,
    try002_unused_suppression,
    try101_action_without_performer,
    try102_action_without_follow_up,
    try103_action_without_timing,
    try104_priority_without_action,
    try105_goal_without_indicator,
    try106_isolated_body,
    try107_body_without_members,
    try108_body_without_meetings,
    try109_missing_bra_content,
    try110_law_2023_196,
    try111_indicator_without_values,
    try112_done_without_outcome,
    try201_party_name_spelling,
    try202_runs_past_agreement,
    try203_promise_without_follow_up,
    try204_action_deadline_outside_plan,
    try205_one_sided_link,
    try206_indicator_never_measured,
    try207_unit_differs_from_baseline,
    try301_term_mismatch,
    try302_period_ends_before_start,
    try303_decided_after_start,
    try304_date_in_the_future,
    try305_no_end_no_cadence,
    try306_promise_period_length,
    try307_cadence_without_start,
    try308_done_off_schedule,
    try309_text_contradicts_data,
    try310_follow_up_occasion_not_planned,
    try401_personal_identity_number,
    try402_phone_number,
    try403_email_address,
    try404_individual_in_sspf_or_sig,
    try501_placeholder,
)

_MODULES: tuple[ModuleType, ...] = (
    # TRY0xx: trygg's own suppression comments (reported by the engine, not by a check).
    try001_suppression_without_reason,
    try002_unused_suppression,
    # TRY1xx: structure and content — what an agreement, plan or promise should contain.
    try101_action_without_performer,
    try102_action_without_follow_up,
    try103_action_without_timing,
    try104_priority_without_action,
    try105_goal_without_indicator,
    try106_isolated_body,
    try107_body_without_members,
    try108_body_without_meetings,
    try109_missing_bra_content,
    try110_law_2023_196,
    try111_indicator_without_values,
    try112_done_without_outcome,
    # TRY2xx: references and consistency between documents.
    try201_party_name_spelling,
    try202_runs_past_agreement,
    try203_promise_without_follow_up,
    try204_action_deadline_outside_plan,
    try205_one_sided_link,
    try206_indicator_never_measured,
    try207_unit_differs_from_baseline,
    # TRY3xx: periods, dates and schedules.
    try301_term_mismatch,
    try302_period_ends_before_start,
    try303_decided_after_start,
    try304_date_in_the_future,
    try305_no_end_no_cadence,
    try306_promise_period_length,
    try307_cadence_without_start,
    try308_done_off_schedule,
    try309_text_contradicts_data,
    try310_follow_up_occasion_not_planned,
    # TRY4xx: personal data that must never be published.
    try401_personal_identity_number,
    try402_phone_number,
    try403_email_address,
    try404_individual_in_sspf_or_sig,
    # TRY5xx: text — placeholders and leftovers from editing.
    try501_placeholder,
)


def _registry(modules: tuple[ModuleType, ...]) -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for module in modules:
        rule = Rule.from_module(module)
        if rule.id in rules:  # pragma: no cover - caught by the catalogue test
            raise RuntimeError(f"rule id {rule.id} is used twice")
        rules[rule.id] = rule
    return dict(sorted(rules.items()))


RULES: dict[str, Rule] = _registry(_MODULES)
