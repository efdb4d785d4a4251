"""TRY3xx: periods, dates and schedules."""

MODULES: tuple[str, ...] = ("try301_term_mismatch",)
