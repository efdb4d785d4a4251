"""TRY2xx: references and consistency between documents."""

MODULES: tuple[str, ...] = ("try201_party_name_spelling",)
