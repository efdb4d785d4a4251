"""Sweden's 290 municipalities, and finding one by whatever name a coordinator writes.

The table is ``trygg_cli/data/municipalities.csv`` (SCB's kommunkoder and län; its
sources are in ``trygg_cli/data/README.md``). A municipality is found by its kommunkod,
its name ("Mölndal"), the name it writes itself ("Mölndals stad") or its "… kommun" form
("Mölndals kommun"), in any case and spacing. "Exempelby" is trygg's own invented
municipality, for examples and templates: it is no municipality, but never a mistake.
"""

from __future__ import annotations

import csv
import difflib
import functools
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from trygg_cli.i18n import _
from trygg_cli.text import show

EXAMPLE = "Exempelby"
_ENDS = (" kommun", " stad")


@dataclass(frozen=True)
class Municipality:
    """One row of the table."""

    code: str  # kommunkod, four digits: "1481"
    name: str  # "Mölndal"
    official_name: str  # as it writes itself: "Mölndals stad", "Region Gotland"
    kommun_name: str  # "Mölndals kommun"
    county: str  # "Västra Götalands län"
    police_region: str  # one of the Police's seven regions: "Väst"

    @property
    def names(self) -> tuple[str, ...]:
        """The names it goes by, the shortest first."""
        return tuple(dict.fromkeys((self.name, self.official_name, self.kommun_name)))


def key(text: str) -> str:
    """``text`` as the table is searched: case folded, spaces collapsed, composed."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


@functools.cache
def municipalities() -> tuple[Municipality, ...]:
    """All 290, in kommunkod order."""
    source = resources.files("trygg_cli").joinpath("data", "municipalities.csv")
    lines = [line for line in source.read_text("utf-8").splitlines() if not line.startswith("#")]
    return tuple(Municipality(**row) for row in csv.DictReader(lines))


@functools.cache
def _by_key() -> dict[str, Municipality]:
    return {key(form): m for m in municipalities() for form in (m.code, *m.names)}


@functools.cache
def _names() -> dict[str, tuple[str, Municipality]]:
    return {key(name): (name, m) for m in municipalities() for name in m.names}


def find(text: str) -> Municipality | None:
    """The municipality ``text`` names (a kommunkod or one of its names), or None."""
    return _by_key().get(key(text))


def is_example(text: str) -> bool:
    """Whether ``text`` is trygg's invented example municipality ("Exempelby", or
    "Exempelby kommun")."""
    return key(text).removesuffix(" kommun") == key(EXAMPLE)


def _meant(text: str) -> Municipality | None:
    """The municipality that "… kommun", "… stad" or "Region …" names when the rest is its
    name, with or without a genitive s: "Motalas kommun", "Göteborg stad", "Lunds stad"."""
    folded = key(text)
    rest = next((folded[: -len(end)] for end in _ENDS if folded.endswith(end)), None)
    if folded.startswith("region "):
        rest = folded.removeprefix("region ")
    if not rest:
        return None
    return find(rest) or (find(rest[:-1]) if rest.endswith("s") else None)


@functools.lru_cache(maxsize=512)
def close(text: str) -> tuple[str, ...]:
    """The names nearest to ``text`` ("Mölnål" → "Mölndal", "Motalas kommun" → "Motala
    kommun"), as the table writes them: one for each municipality, at most three, the
    nearest first."""
    meant = _meant(text)
    if meant is not None:
        return (meant.official_name,)
    names = _names()
    nearest = difflib.get_close_matches(key(text), list(names), n=8, cutoff=0.75)
    found: dict[str, str] = {}
    for near in nearest:
        name, municipality = names[near]
        found.setdefault(municipality.code, name)
    return tuple(found.values())[:3]


def not_one(text: str, choices: Sequence[str]) -> str:
    """The sentence for ``text``, which names no municipality, with the ``choices`` nearest
    to it (from :func:`close`)."""
    if len(choices) == 1:
        hint = _("; did you mean '{choice}'?").format(choice=choices[0])
    elif choices:
        hint = _("; did you mean one of: {choices}?").format(
            choices=", ".join(f"'{c}'" for c in choices)
        )
    else:
        hint = _(
            "; write the name of a Swedish municipality, for example 'Mölndal' or 'Mölndals "
            "stad' (in an invented example: 'Exempelby')"
        )
    return _("'{value}' is not a Swedish municipality{hint}").format(value=show(text), hint=hint)
