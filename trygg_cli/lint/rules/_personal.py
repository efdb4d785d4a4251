"""TRY4xx: personal data that must never be published."""

MODULES: tuple[str, ...] = ()
