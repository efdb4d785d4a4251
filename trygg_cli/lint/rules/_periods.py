"""TRY3xx: periods, dates and schedules."""

MODULES: tuple[str, ...] = (
    "try301_term_mismatch",
    "try302_period_ends_before_start",
    "try303_decided_after_start",
    "try304_date_in_the_future",
    "try305_no_end_no_cadence",
    "try306_promise_period_length",
    "try307_cadence_without_start",
    "try308_done_off_schedule",
)
