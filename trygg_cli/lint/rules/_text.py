"""TRY5xx: text — placeholders and leftovers from editing."""

MODULES: tuple[str, ...] = ("try501_placeholder",)
