"""Personal identity numbers (personnummer) and coordination numbers
(samordningsnummer) in a document's values: found, located and described.

Shared by lint's TRY401 and by ``trygg render``, which refuses to publish a document that
holds one whatever the lint configuration says. The detector itself, and the masking
every output goes through, are in :mod:`trygg_cli.identity_numbers`.
"""

from __future__ import annotations

from collections.abc import Iterator

from trygg_cli.findings import YamlPath
from trygg_cli.i18n import _
from trygg_cli.identity_numbers import (
    Found,
    identity_number,
    mask,
    might_hold,
    phone_context,
)
from trygg_cli.identity_numbers import find as find_numbers
from trygg_cli.yamlload.positions import Located

__all__ = ["find", "identity_number", "in_document", "mask", "message", "phone_context"]


def find(value: str) -> Iterator[tuple[Found, str]]:
    """Every valid personnummer or samordningsnummer in ``value``, with which it is."""
    for found in find_numbers(value):
        yield found, found.kind


def in_document(located: Located) -> Iterator[tuple[YamlPath, int, int, str]]:
    """Every number in a document's text values: YAML path, 1-based line and column, and
    the message that says what it is (the number masked)."""
    # The file's text holds every value as written, escapes and all: when it cannot hold
    # a number in any form, no value can.
    if not might_hold(located.text):
        return
    listed, more = 0, 0
    last: tuple[YamlPath, int, int] | None = None
    for path, node, value in located.strings():
        for found in find_numbers(value):
            if listed == MAX_LISTED:  # counted, not located: 300,000 of them took 13 s
                more += 1
                continue
            line, column = located.position_in(node, value, found.start())
            last, listed = (path, line, column), listed + 1
            yield path, line, column, message(found.number, found.kind)
    if more and last is not None:
        text = _(
            "{n} more personal identity or coordination numbers in this document are not "
            "listed one by one; remove them all"
        )
        yield *last, text.format(n=more)


# Numbers listed one by one per document; the rest are counted in one more finding.
MAX_LISTED = 1000


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
