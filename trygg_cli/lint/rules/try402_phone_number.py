"""A private phone number in the text.

What:
  A Swedish phone number in a document's text: a mobile number (070-123 45 67), a
  landline number with its area code (031-123 45 67, 08-123 456 78) or an international
  one (+46 70 123 45 67). Public service numbers are not reported: 112, 114 14, 113 13,
  1177, 116 111, free-phone numbers (020-…), nationwide business numbers (077-…), and
  every number listed under the `phone_numbers_allowed` option, such as the
  municipality's switchboard.

Why:
  Agreements, action plans and citizen promises are published on the municipality's
  website. A mobile or direct number belongs to a person: it is personal data under the
  GDPR, outlives the person's time in the role, and invites calls that should go to the
  police's or the municipality's public numbers. trygg's own messages mask the
  number, as reports may be published or logged too.

How to fix:
  Remove the number and refer to the role ("kontakta kommunens brottsförebyggande
  samordnare via kontaktcenter"), or give a public number. If the number is a public one
  (a switchboard, a contact centre), list it in `.trygg.yaml`:

    lint:
      options:
        phone_numbers_allowed: ["031-315 10 00"]

Passing example:
  commitments:
    - id: kontakt
      party: lpo-syd
      text: Tips tas emot på 114 14 eller via polisen.se.

Failing example:
  commitments:
    - id: kontakt
      party: lpo-syd
      text: Ring kommunpolisen på 070-123 45 67.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from typing import Any

from trygg_cli.check.personal import identity_number, phone_context
from trygg_cli.findings import Finding, Severity
from trygg_cli.i18n import N_, _
from trygg_cli.lint.base import DocContext, texts

ID = "TRY402"
NAME = "phone-number"
SEVERITY = Severity.WARNING
OPTIONS = {
    "phone_numbers_allowed": N_(
        "public phone numbers that may stand in the text (TRY402), e.g. the switchboard: "
        '["031-315 10 00"]'
    ),
}
OPTION_CHECKS = {"phone_numbers_allowed": texts}

# Public numbers (in national form) and prefixes that are never a person's own.
PUBLIC_NUMBERS = frozenset(("112", "11414", "11313", "1177", "116111", "116000", "90000"))
PUBLIC_PREFIXES = ("020", "077", "0900", "0939", "0944")

PHONE = re.compile(
    r"(?<![\w+/.,:§-])"
    r"(?:"
    # +46 70 123 45 67, +46 (0)31-123 45 67, 0046 8 123 456 78
    r"(?P<intl>(?:\+|00)46[ -]?(?:\(0\)[ -]?)?)"
    r"(?P<iarea>[1-9][0-9]{0,2})[ -]?(?P<isub>[0-9](?:[ -]?[0-9]){4,7})"
    r"|"
    # 070-123 45 67, 031-12 34 56, 08-123 456 78, (031) 123 45 67, 0701234567
    r"\(?(?P<area>0[1-9][0-9]{0,2})\)?[ -]?(?P<sub>[1-9][0-9]{1,7}(?:[ -][0-9]{2,4}){0,3})"
    r")"
    r"(?![\w]|[-.,/:][0-9])"
)
# Shapes no one writes a phone number in: dates, and a personnummer's six digits, '-', four.
_NOT_PHONE = re.compile(
    r"[0-9]{2}-[0-9]{2}-[0-9]{2}(?:[0-9]{2})?|[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{6}[-+][0-9]{4}"
)
_DIGITS = re.compile(r"[^0-9]")
_DIGIT = re.compile(r"[0-9]")


def normalise(number: str) -> str:
    """Digits only, in national form: '+46 (0)31-365 00 00' → '0313650000'."""
    stripped = number.strip()
    digits = _DIGITS.sub("", stripped.replace("(0)", ""))
    if stripped.startswith("+46"):
        return "0" + digits[2:]
    if digits.startswith("0046"):
        return "0" + digits[4:]
    return digits


def is_public(national: str, allowed: Collection[str] = ()) -> bool:
    """Whether a number (national form, digits only) is a public service number."""
    return national in PUBLIC_NUMBERS or national.startswith(PUBLIC_PREFIXES) or national in allowed


def find(value: str, allowed: Collection[str] = ()) -> Iterator[re.Match[str]]:
    """Every phone number in ``value`` that is not public or in ``allowed`` (national form)."""
    if "0" not in value and "+46" not in value:  # every number has one; 'in' is fast
        return
    for match in PHONE.finditer(value):
        number = match.group(0)
        if match.group("intl") is not None:
            subscriber = match.group("iarea") + match.group("isub")
            if not 7 <= len(_DIGITS.sub("", subscriber)) <= 9:
                continue
        else:
            if _NOT_PHONE.fullmatch(number):
                continue
            sub = len(_DIGITS.sub("", match.group("sub")))
            total = len(match.group("area")) + sub
            if sub < 5 or not 8 <= total <= 10:
                continue
            if (
                number.isdigit()
                and total == 10
                and identity_number(number) is not None
                and not phone_context(value, match.start())
            ):
                continue  # ten digits that form a valid personnummer are TRY401's
        if not is_public(normalise(number), allowed):
            yield match


def mask(match: re.Match[str]) -> str:
    """The number with every digit after the area code hidden: '070-*** ** **'."""
    number = match.group(0)
    intl = match.group("intl") is not None
    area, sub = ("iarea", "isub") if intl else ("area", "sub")
    keep = match.end(area) - match.start()
    if match.end(area) == match.start(sub):  # no separator: the area code is a guess
        keep = min(keep, (len(match.group("intl")) if intl else 0) + (2 if intl else 3))
    return number[:keep] + _DIGIT.sub("*", number[keep:])


def allowed_numbers(configured: Any) -> frozenset[str]:
    """The ``phone_numbers_allowed`` option in national form, however it was written."""
    if isinstance(configured, (str, int)):
        configured = [configured]
    if not isinstance(configured, (list, tuple, set, frozenset)):
        return frozenset()
    found = set()
    for item in configured:
        text = str(item)
        if isinstance(item, int):
            # YAML reads 0313151000 as a number and drops the 0; 46313151000 keeps its 46.
            text = "+" + text if text.startswith("46") and len(text) > 9 else "0" + text
        found.add(normalise(text))
    return frozenset(found)


def check(ctx: DocContext) -> Iterator[Finding]:
    allowed = allowed_numbers(ctx.option("phone_numbers_allowed", []))
    for path, node, value in ctx.strings():
        if "0" not in value and "+46" not in value:  # as in find(), without its cost
            continue
        for match in find(value, allowed):
            line, column = ctx.position_in(node, value, match.start())
            message = _(
                "a phone number {number} is in the text; a direct or mobile number is "
                "personal data and the document will be published, so give a public number "
                "or the role instead (or list a public number under 'phone_numbers_allowed')"
            ).format(number=mask(match))
            yield ctx.finding_at(ctx.path, line, column, message, path)
