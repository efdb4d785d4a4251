"""Text from the user's files, made safe and helpful in a one-line message.

Shared by every layer: showing a value with every personnummer masked and its control
characters escaped, and suggesting the closest of some known words ("did you mean …?").
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from trygg_cli.i18n import _
from trygg_cli.identity_numbers import mask_text


def printable(value: object) -> str:
    """``value`` as text with the last four digits of every personnummer or
    samordningsnummer hidden and every control character, invisible character and
    direction override escaped (``\\n``, ``\\x1b``, ``\\u202e`` …), so that nothing a file
    holds can identify a person, break a line of output or drive a terminal."""
    text = mask_text(str(value))
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text
    )


def show(value: object, limit: int = 60) -> str:
    """A value from the user's file, safe inside a one-line message: masked and escaped
    as :func:`printable` does, then long text shortened (so a number is never cut before
    it is masked)."""
    text = printable(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """The known word closest to ``word`` (a misspelling, or another case), if any."""
    known = sorted(choices)
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    if close:
        return close[0]
    return next((c for c in known if c.lower() == word.lower()), None)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` to end a message, or ``""``."""
    close = suggest(word, choices)
    return _("; did you mean '{choice}'?").format(choice=close) if close else ""


def did_you_mean_aside(word: str, choices: Iterable[str]) -> str:
    """``" (did you mean 'x'?)"`` for the middle of a message, or ``""``."""
    close = suggest(word, choices)
    return _(" (did you mean '{choice}'?)").format(choice=close) if close else ""
