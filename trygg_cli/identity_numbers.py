"""Swedish personal identity numbers (personnummer) and coordination numbers
(samordningsnummer) in any text, however they are written: found, and masked.

One detector for all of trygg. Lint's TRY401 and ``trygg render`` look for numbers in a
document's values (:mod:`trygg_cli.check.personal`); every report passes what it writes
through :func:`mask_text` (or :func:`mask_data`), so that a number leaves trygg through no
output, error message, written file or baseline.

A number is looked for in a *reading* of the text that undoes what hides it from a plain
search but not from a reader: escapes (``\\x31``, ``\\u0031``, YAML's ``\\e`` …), HTML
entities (``&#45;``) and Markdown's backslash escapes (``\\-``), any other backslash,
emphasis, code and link marks (``**``, ``_``, backticks, ``[…](…)``), HTML tags and
comments; compatibility forms (NFKC: full-width digits ``１``, ``①``); digits of any
script (Arabic-Indic ``١``…) as 0–9; dashes of any kind as ``-`` and spaces of any kind
as a space; invisible characters (zero-width space, soft hyphen, word joiner, direction
marks, combining marks, control characters) left out. Between the date of birth and the
last four digits a ``-``, a ``+`` or a space may stand.

:func:`might_hold` is the fast test in front of it all: ``False`` means that the text
holds no number in any of these forms, and it decides that at memory speed for Latin-1
text, which is nearly all of what trygg reads.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterator
from typing import Any, NamedTuple

# Six or eight digits of birth date, then '-', '+' or a space (perhaps with spaces around
# the sign), then four digits; not part of a longer run of digits, a '+46…' phone number
# or a decimal number. Matched on the reading (see the module docstring).
CANDIDATE = re.compile(
    r"(?<![0-9+.,/])(?:[0-9]{2})?[0-9]{6}(?: {0,2}[-+] {0,2}| {1,2})?[0-9]{4}(?![0-9]|[.,/][0-9])"
)
# Ten digits without a separator are a phone number when a word for phone comes shortly
# before them ("ring kommunpolisen på 0701234569") and no word for an identity number.
_PHONE_BEFORE = re.compile(
    r"\b(?P<word>tel|telefon\w*|tfn|mobil\w*|mob|ring|ringa|ringer|sms|nås|växel)\b[^.\n;]{0,30}$",
    re.IGNORECASE,
)
_IDENTITY_WORD = re.compile(r"person|pnr|samordning|födelse|född", re.IGNORECASE)

# What can spell a character other than itself, or hide one: a comment, a tag, a link's
# destination or reference, an entity, an escape (YAML, JSON, Python; a source line shows
# a value with YAML's escapes), a Markdown backslash escape.
_SPELLED = re.compile(
    r"<!--.*?(?:-->|$)"
    r"|\]\((?:[^()\n]|\([^()\n]*\))*\)|\]\[[^\[\]\n]*\]"
    r"|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"
    r"|&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
    r"|\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})"
    r"|\\[0abtnvfreN_LP ]"
    r"|\\[!-/:-@\[-`{-~]",
    re.DOTALL,
)
_MARKS = frozenset("*_`~[]\\")  # Markdown's emphasis, code, links, escapes: not shown
# YAML's one-letter escapes (a source line shows a value with them).
_YAML_ESCAPES = dict(
    zip("0abtnvfreN_LP ", "\0\a\b\t\n\v\f\r\x1b\x85\xa0\u2028\u2029 ", strict=True)
)
_HIDDEN = frozenset(("Cf", "Cc", "Mn", "Me", "Cs", "Co", "Cn"))
_SPACES = frozenset(("Zs", "Zl", "Zp"))

# The fast test works on bytes. In Latin-1 text (nearly all Swedish text), digits and
# what reads as one (², ³, ¹, ¼, ½, ¾) become '0', and the invisible ones (controls, the
# soft hyphen) and Markdown's marks are left out. Wider text is tested as UTF-8 with every
# byte of a character beyond ASCII as '0': no character reads as more digits than it has
# bytes (tests/test_personal_data.py checks that), so a run of digits in the reading is a
# run of '0' at least as long. '&', '\\', '<' and ']' may start an entity, an escape, a
# tag or a link's destination, which may spell anything: they become NUL (a real NUL is
# left out), and text with one of them is tested by counting instead.
_LATIN1_DIGITS = b"0123456789\xb2\xb3\xb9\xbc\xbd\xbe"
_SPELLING = b"&\\<]"
_WIDE = bytes(range(0x80, 0x100))
_LATIN1_TABLE = bytes.maketrans(
    _LATIN1_DIGITS + _SPELLING, b"0" * len(_LATIN1_DIGITS) + b"\0" * len(_SPELLING)
)
_UTF8_TABLE = bytes.maketrans(
    b"0123456789" + _WIDE + _SPELLING, b"0" * (10 + len(_WIDE)) + b"\0" * len(_SPELLING)
)
_CONTROLS = bytes(range(0x09)) + bytes(range(0x0B, 0x20)) + b"\x7f"
_LATIN1_INVISIBLE = _CONTROLS + b"*_`~[\xad" + bytes(range(0x80, 0xA0))
_UTF8_INVISIBLE = _CONTROLS + b"*_`~["
# Common punctuation beyond Latin-1 that reads as plain punctuation (dashes as '-'), put
# back before the test so that "2023–2026" is not taken for a run of digits.
_PLAIN = (("\u2013", "-"), ("\u2014", "-"), ("\u2019", "'"), ("\u201d", '"'), ("\u2026", "."))


class Found(NamedTuple):
    """A number in a text: as read (ASCII, e.g. ``19121212-1212``), which kind it is,
    where it is in the text as written, and where its last four digits are (one span per
    digit as written: ``&#52;`` or a full-width digit is one digit)."""

    number: str
    kind: str
    span: tuple[int, int]
    last_four: tuple[tuple[int, int], ...]

    # group(), start() and end() as a regular expression's match has them, for the
    # callers that took one (render's file-name check, the importer).

    def group(self, _index: int = 0) -> str:
        """The number as read."""
        return self.number

    def start(self) -> int:
        """Where the number starts in the text as written."""
        return self.span[0]

    def end(self) -> int:
        """Where the number ends in the text as written."""
        return self.span[1]


def might_hold(text: str) -> bool:
    """Whether ``text`` may hold a number in some form; ``False`` is certain.

    A number needs six digits in a row for its date of birth, in the reading; the test
    looks for six '0' in a row in the bytes described above, at memory speed. Text with
    entities, escapes or tags needs ten characters that may read as digits.
    """
    if len(text) < 10:  # every digit of the reading takes a character as written
        return False
    raw = text.encode("latin-1", "ignore")
    if len(raw) != len(text):
        for wide, plain in _PLAIN:
            text = text.replace(wide, plain)
        raw = text.encode("latin-1", "ignore")
    if len(raw) == len(text):
        kept = raw.translate(_LATIN1_TABLE, _LATIN1_INVISIBLE)
    else:
        kept = text.encode("utf-8", "surrogatepass").translate(_UTF8_TABLE, _UTF8_INVISIBLE)
    if b"\0" in kept:
        return kept.count(b"0") + kept.count(b"\0") >= 10
    return b"000000" in kept


def find(text: str) -> Iterator[Found]:
    """Every valid personnummer or samordningsnummer in ``text``, however written."""
    if might_hold(text):
        yield from _find(text)


def _find(text: str) -> Iterator[Found]:
    reading = read(text)
    for match in CANDIDATE.finditer(reading.text):
        number = " ".join(match.group(0).split())
        compact = number.replace(" ", "")
        if len(compact) == 10 and compact.isdigit() and phone_context(reading.text, match.start()):
            continue
        kind = identity_number(compact)
        if kind is None:
            continue
        end = match.end()
        last_four = tuple(dict.fromkeys(reading.span(i) for i in range(end - 4, end)))
        span = (reading.span(match.start())[0], reading.span(end - 1)[1])
        yield Found(number, kind, span, last_four)


class Reading(NamedTuple):
    """A text as read (see the module docstring), in pieces that each come from one place
    of the text as written: a run of characters that read as themselves, one character,
    or one escape, entity, tag or comment. A piece per character would take some 80 bytes
    a character: 600 MB for the 7 MB value of a hostile file."""

    text: str
    starts: list[int]  # where each piece starts in the reading
    origins: list[tuple[int, int, bool]]  # its span as written; whether it is a plain run

    def span(self, index: int) -> tuple[int, int]:
        """Where the reading's character ``index`` comes from in the text as written."""
        piece = bisect.bisect_right(self.starts, index) - 1
        start, end, plain = self.origins[piece]
        if plain:
            start += index - self.starts[piece]
            return start, start + 1
        return start, end


def read(text: str) -> Reading:
    """The reading of ``text`` the module docstring describes, with where each of its
    characters comes from."""
    reading = Reading("", [], [])
    out: list[str] = []
    at = 0
    for spelled in _SPELLED.finditer(text):
        _read_plain(text, at, spelled.start(), reading, out)
        decoded = "".join(map(_char, _decode(spelled.group(0))))
        _piece(decoded, spelled.start(), spelled.end(), False, reading, out)
        at = spelled.end()
    _read_plain(text, at, len(text), reading, out)
    return reading._replace(text="".join(out))


def _read_plain(text: str, start: int, end: int, reading: Reading, out: list[str]) -> None:
    at = start
    for special in _NOT_PLAIN.finditer(text, start, end):
        index = special.start()
        _piece(text[at:index], at, index, True, reading, out)
        _piece(_char(special.group(0)), index, index + 1, False, reading, out)
        at = index + 1
    _piece(text[at:end], at, end, True, reading, out)


def _piece(chars: str, start: int, end: int, plain: bool, reading: Reading, out: list[str]) -> None:
    if chars:
        reading.starts.append(reading.starts[-1] + len(out[-1]) if out else 0)
        reading.origins.append((start, end, plain))
        out.append(chars)


def _decode(spelled: str) -> str:
    """What an entity, escape or Markdown escape spells; a tag or comment spells nothing."""
    if spelled[0] in "<]":
        return ""
    if spelled.startswith("&"):
        import html

        return html.unescape(spelled)
    if len(spelled) > 2:
        code = int(spelled[2:], 16)
        return chr(code) if code <= 0x10FFFF else spelled
    return _YAML_ESCAPES.get(spelled[1], spelled[1])


@functools.lru_cache(maxsize=8192)
def _char(ch: str) -> str:
    """How one character reads: a digit as 0–9, a dash as '-', a space as ' ', an
    invisible character or Markdown mark as nothing, any other as its NFKC form."""
    out = []
    for c in unicodedata.normalize("NFKC", ch):
        category = unicodedata.category(c)
        if category == "Nd":
            out.append(str(unicodedata.decimal(c)))
        elif category in _SPACES or c in "\t\n\r\x0b\x0c\x85":
            out.append(" ")
        elif category in _HIDDEN or c in _MARKS:
            continue
        elif category == "Pd" or c == "\u2212":
            out.append("-")
        else:
            out.append(c)
    return "".join(out)


# A character that may read as something else: not one of the Latin-1 characters that
# read as themselves (letters, digits, most punctuation; not the marks, controls, the
# soft hyphen, the no-break space, ², ¼ …).
_NOT_PLAIN = re.compile(
    "[^" + "".join(re.escape(c) for c in map(chr, range(0x20, 0x100)) if _char(c) == c) + "]"
)


@functools.lru_cache(maxsize=1024)
def identity_number(candidate: str) -> str | None:
    """'personnummer' or 'samordningsnummer' when ``candidate`` is a valid one, else None.

    python-stdnum checks personnummer; a samordningsnummer (day of birth plus 60) is
    checked with the day put back for the date and the number as written for the check
    digit. (python-stdnum is imported here, when a text has a candidate: it takes longer
    to import than most runs take to check their files for numbers.)
    """
    from stdnum import luhn
    from stdnum.exceptions import ValidationError
    from stdnum.se import personnummer

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


def mask_text(text: str) -> str:
    """``text`` with the last four digits of every number in it hidden, each digit as
    written replaced by as many '*' as it took characters (so columns stay where they
    were): the one masking every output of trygg goes through."""
    if not might_hold(text):
        return text
    hidden = sorted({span for found in _find(text) for span in found.last_four})
    if not hidden:
        return text
    out: list[str] = []
    at = 0
    for start, end in hidden:
        out += [text[at:start], "*" * (end - start)]
        at = end
    out.append(text[at:])
    return "".join(out)


def mask_data(value: Any) -> Any:
    """``value`` (JSON-like: dicts, lists, tuples, text) with :func:`mask_text` applied to
    every text in it, keys too; anything else as it is."""
    if isinstance(value, str):
        return mask_text(value)
    if isinstance(value, dict):
        return {mask_data(key): mask_data(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [mask_data(item) for item in value]
    return value
