"""TRY1xx: structure and content — what an agreement, plan or promise should contain."""

MODULES: tuple[str, ...] = (
    "try101_action_without_performer",
    "try102_action_without_follow_up",
    "try103_action_without_timing",
    "try104_priority_without_action",
    "try105_goal_without_indicator",
    "try106_isolated_body",
    "try107_body_without_members",
    "try108_body_without_meetings",
    "try109_missing_bra_content",
    "try110_law_2023_196",
)
