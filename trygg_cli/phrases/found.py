"""What the phrase readers return, and the Swedish words they share."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Found(Generic[T]):
    """A value read from ``text[start:end]``; ``stated`` names the fields the words
    themselves say (the rest are the model's defaults); ``weak`` is a reading that words
    such as "vid behov" give in passing, without saying how often."""

    start: int
    end: int
    value: T
    stated: frozenset[str] = field(default_factory=frozenset)
    weak: bool = False


# Numbers in words: what Swedish documents write up to twelve (and "ett", "tjugo").
NUMBERS: dict[str, int] = {
    "en": 1,
    "ett": 1,
    "två": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "sju": 7,
    "åtta": 8,
    "nio": 9,
    "tio": 10,
    "elva": 11,
    "tolv": 12,
    "tjugo": 20,
}
ORDINALS: dict[str, int] = {
    "andra": 2,
    "tredje": 3,
    "fjärde": 4,
    "femte": 5,
    "sjätte": 6,
    "sjunde": 7,
    "åttonde": 8,
    "nionde": 9,
    "tionde": 10,
    "elfte": 11,
    "tolfte": 12,
}
MONTHS: dict[str, int] = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "mars": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "maj": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "augusti": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}


def alternatives(words: object) -> str:
    """A regular expression group of ``words`` (longest first, so that 'juni' wins over
    'jun')."""
    assert isinstance(words, dict | list | tuple)
    return "(?:" + "|".join(sorted(map(str, words), key=len, reverse=True)) + ")"


NUMBER = rf"(?:{alternatives(NUMBERS)}|[0-9]{{1,4}})"
ORDINAL = rf"(?:{alternatives(ORDINALS)}|[0-9]{{1,3}}:e)"
MONTH = alternatives(MONTHS)


def number(word: str) -> int:
    """4 for 'fyra' or '4'."""
    word = word.lower()
    return NUMBERS[word] if word in NUMBERS else int(word)


def ordinal(word: str) -> int:
    """4 for 'fjärde' or '4:e'."""
    word = word.lower()
    return ORDINALS[word] if word in ORDINALS else int(word.removesuffix(":e"))
