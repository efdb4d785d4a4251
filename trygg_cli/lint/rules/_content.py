"""TRY1xx: structure and content — what an agreement, plan or promise should contain."""

MODULES: tuple[str, ...] = ()
