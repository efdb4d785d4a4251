"""Personal identity numbers (personnummer) and coordination numbers
(samordningsnummer) in a document's text: found, located and masked.

Shared by lint's TRY401 and by ``trygg render``, which refuses to publish a document that
holds one whatever the lint configuration says.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum import luhn
from stdnum.exceptions import ValidationError
from stdnum.se import personnummer

from trygg_cli.findings import YamlPath
from trygg_cli.i18n import _
from trygg_cli.yamlload.positions import Located

# Six or eight digits of birth date, an optional '-' or '+', four more digits; not part of
# a longer run of digits, a '+46…' phone number or a decimal number.
CANDIDATE = re.compile(r"(?<![0-9+.,/])(?:[0-9]{2})?[0-9]{6}[-+]?[0-9]{4}(?![0-9]|[.,/][0-9])")
# Ten digits without a separator are a phone number when a word for phone comes shortly
# before them ("ring kommunpolisen på 0701234569") and no word for an identity number.
_PHONE_BEFORE = re.compile(
    r"\b(?P<word>tel|telefon\w*|tfn|mobil\w*|mob|ring|ringa|ringer|sms|nås|växel)\b[^.\n;]{0,30}$",
    re.IGNORECASE,
)
_IDENTITY_WORD = re.compile(r"person|pnr|samordning|födelse|född", re.IGNORECASE)
_ZEROS = bytes.maketrans(b"123456789", b"000000000")


def has_six_digits(text: str) -> bool:
    """Whether ``text`` has six digits in a row: a fast test, about 400 MB/s.

    Every digit becomes '0' in the UTF-8 bytes and a byte search finds '000000'; that is
    several times faster than any regular expression over the whole text.
    """
    return b"000000" in text.encode("utf-8", "ignore").translate(_ZEROS)


def identity_number(candidate: str) -> str | None:
    """'personnummer' or 'samordningsnummer' when ``candidate`` is a valid one, else None.

    python-stdnum checks personnummer; a samordningsnummer (day of birth plus 60) is
    checked with the day put back for the date and the number as written for the check
    digit.
    """
    try:
        personnummer.validate(candidate)
        return "personnummer"
    except ValidationError:
        pass
    try:
        compact = personnummer.compact(candidate)
    except ValidationError:  # pragma: no cover - compact only strips characters
        return None
    digits = compact[:-5] + compact[-4:]
    if len(compact) not in (11, 13) or not digits.isdigit():
        return None
    day_at = len(compact) - 7
    day = int(compact[day_at : day_at + 2])
    if not 61 <= day <= 91:
        return None
    birth = f"{compact[:day_at]}{day - 60:02d}{compact[day_at + 2 :]}"
    try:
        personnummer.get_birth_date(birth)
    except ValidationError:
        return None
    return "samordningsnummer" if luhn.is_valid(digits[-10:]) else None


def phone_context(value: str, start: int) -> bool:
    """Whether a word for phone ('tel', 'mobil', 'ring' …) comes shortly before ``start``."""
    window = value[max(0, start - 50) : start]
    match = _PHONE_BEFORE.search(window)
    return match is not None and _IDENTITY_WORD.search(window, match.end("word")) is None


def mask(number: str) -> str:
    """The number with its last four digits hidden: '19121212-1212' → '19121212-****'."""
    return number[:-4] + "****"


def find(value: str) -> Iterator[tuple[re.Match[str], str]]:
    """Every valid personnummer or samordningsnummer in ``value``, with which it is."""
    if not has_six_digits(value):
        return
    for match in CANDIDATE.finditer(value):
        number = match.group(0)
        if number.isdigit() and len(number) == 10 and phone_context(value, match.start()):
            continue
        kind = identity_number(number)
        if kind is not None:
            yield match, kind


def in_document(located: Located) -> Iterator[tuple[YamlPath, int, int, str]]:
    """Every number in a document's text values: YAML path, 1-based line and column, and
    the message that says what it is (the number masked)."""
    # Every text value is in the file's text (a number cannot be split across a line), so
    # a file without six digits in a row has no number to find.
    if not has_six_digits(located.text):
        return
    for path, node, value in located.strings():
        for match, kind in find(value):
            line, column = located.position_in(node, value, match.start())
            yield path, line, column, message(match.group(0), kind)


def message(number: str, kind: str) -> str:
    """What a finding about ``number`` (a ``kind``) says, with the number masked."""
    if kind == "samordningsnummer":
        text = _(
            "a coordination number (samordningsnummer) {number} is in the text; it identifies "
            "a person and the document will be published, so remove it and refer to the "
            "person by role"
        )
    else:
        text = _(
            "a personal identity number (personnummer) {number} is in the text; it identifies "
            "a person and the document will be published, so remove it and refer to the "
            "person by role"
        )
    return text.format(number=mask(number))
