"""TRY0xx: trygg's own suppression comments (reported by the engine, not by a check)."""

MODULES: tuple[str, ...] = ("try001_suppression_without_reason", "try002_unused_suppression")
