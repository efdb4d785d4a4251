"""TRY2xx: references and consistency between documents."""

MODULES: tuple[str, ...] = (
    "try201_party_name_spelling",
    "try202_runs_past_agreement",
    "try203_promise_without_follow_up",
    "try204_action_deadline_outside_plan",
    "try205_one_sided_link",
)
