"""Personal identity numbers, however written, are found (TRY401, render) and masked in
everything trygg writes (issue 23, points 3 and 4).

The 25 forms below are the plain ones and every way the attack run on main got a number
past the old detector. Each is written as it stands inside a double-quoted YAML scalar,
so that the same text is a value for the detector and a line of a planted file.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import pytest
import yaml

from trygg_cli import identity_numbers
from trygg_cli.identity_numbers import find, mask_text, might_hold

PERSONNUMMER = "198112289874"  # 1981-12-28, check digit 4
SAMORDNINGSNUMMER = "197010632391"  # 1970-10-03 plus 60 days, check digit 1
NUMBERS = (PERSONNUMMER, SAMORDNINGSNUMMER)
CONTINUATION_INDENT = " " * 12  # deeper than any key of the planted documents


def _dashed(n: str) -> str:
    return f"{n[:8]}-{n[8:]}"


def _digits(n: str, zero: int) -> str:
    return "".join(chr(zero + int(d)) if d.isdigit() else d for d in n)


Form = Callable[[str], str]

FORMS: dict[str, Form] = {
    # The plain forms.
    "twelve digits and dash": _dashed,
    "ten digits and dash": lambda n: f"{n[2:8]}-{n[8:]}",
    "ten digits": lambda n: n[2:],
    "twelve digits": lambda n: n,
    "ten digits and plus (a hundred years old)": lambda n: f"{n[2:8]}+{n[8:]}",
    # YAML escapes, decoded by YAML before any rule sees the value.
    "YAML \\x escapes": lambda n: "".join(f"\\x{ord(c):02x}" for c in _dashed(n)),
    "YAML \\u escapes": lambda n: "".join(f"\\u{ord(c):04x}" for c in _dashed(n)),
    "YAML line continuation": lambda n: f"{n[:5]}\\\n{CONTINUATION_INDENT}{n[5:8]}-{n[8:]}",
    # Invisible characters, dashes and spaces of other kinds.
    "zero-width spaces": lambda n: f"{n[:4]}\u200b{n[4:8]}-\u200b{n[8:]}",
    "soft hyphen": lambda n: f"{n[:8]}\u00ad{n[8:]}",
    "en dash": lambda n: f"{n[:8]}\u2013{n[8:]}",
    "no-break space": lambda n: f"{n[:8]}\u00a0{n[8:]}",
    "space": lambda n: f"{n[:8]} {n[8:]}",
    "minus sign": lambda n: f"{n[:8]}\u2212{n[8:]}",
    "non-breaking hyphen": lambda n: f"{n[:8]}\u2011{n[8:]}",
    "narrow no-break space": lambda n: f"{n[:8]}\u202f{n[8:]}",
    "word joiner": lambda n: f"{n[:4]}\u2060{n[4:8]}-{n[8:]}",
    # Digits of other scripts.
    "full-width digits": lambda n: _digits(_dashed(n), 0xFF10).replace("-", "\uff0d"),
    "Arabic-Indic digits": lambda n: _digits(_dashed(n), 0x0660),
    # Markdown prose, as render publishes it.
    "Markdown backslash escape": lambda n: f"{n[:8]}\\\\-{n[8:]}",
    "HTML entity for the dash": lambda n: f"{n[:8]}&#45;{n[8:]}",
    "HTML entities for digits": lambda n: n[:8] + "-" + "".join(f"&#{ord(c)};" for c in n[8:]),
    "Markdown strong emphasis": lambda n: f"**{n[:8]}**-{n[8:]}",
    "Markdown code spans": lambda n: f"`{n[:8]}`-`{n[8:]}`",
    "HTML comment": lambda n: f"{n[:6]}<!-- -->{n[6:8]}-{n[8:]}",
}


def value_of(fragment: str) -> str:
    """What YAML reads from ``fragment`` in a double-quoted scalar."""
    value = yaml.safe_load(f'"{fragment}"')
    assert isinstance(value, str)
    return value


def test_there_are_twenty_five_forms() -> None:
    assert len(FORMS) == 25


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("number", NUMBERS)
def test_every_form_is_found_and_masked(form: str, number: str) -> None:
    value = value_of("Kontakt: Anna " + FORMS[form](number) + ", kommunpolis")
    assert might_hold(value)
    (found,) = find(value)
    kind = "personnummer" if number == PERSONNUMMER else "samordningsnummer"
    assert found.kind == kind
    assert found.number.replace(" ", "").replace("-", "").replace("+", "")[-10:] == number[2:]
    masked = mask_text(value)
    assert list(find(masked)) == [] and masked.startswith("Kontakt: Anna ")
    assert masked.endswith(", kommunpolis") and "****" in masked.replace("*" * 5, "****")


def test_a_link_between_the_parts_is_undone_too() -> None:
    assert [f.number for f in find("[19811228](https://example.se)-9874")] == ["19811228-9874"]
    assert [f.number for f in find("[1981][ref]1228-9874")] == ["19811228-9874"]


def test_masking_keeps_every_column_in_place() -> None:
    value = value_of(FORMS["YAML \\x escapes"](PERSONNUMMER))
    source = FORMS["YAML \\x escapes"](PERSONNUMMER)  # the escapes as a source line holds them
    assert mask_text(source) == source[: -4 * 4] + "*" * 16
    assert mask_text(value) == "19811228-****"
    line = "  title: Anna 19811228-9874 (ordförande)"
    assert mask_text(line) == "  title: Anna 19811228-**** (ordförande)"


@pytest.mark.parametrize(
    "text",
    [
        "Beslutat 2023-04-12 § 85, dnr KS 2023/112",
        "Ärende 20230501-0001 och 2023-05-01 – 2026-12-31",
        "Organisationsnummer 212000-1355",
        "Budget 1 250 000 kr, 0,5 %, kl. 08.00–17.00",
        "Nummer 12345678901234 och 3.1212121212",
        "Växel 031-365 00 00, mobil 070-123 45 67",
        "Tel: 0701234569",
        "**Viktigt:** 2023 &amp; 2024, `kod` och [länk](https://example.se/2023/05)",
    ],
)
def test_what_is_no_number_stays_as_it_is(text: str) -> None:
    assert list(find(text)) == []
    assert mask_text(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Överenskommelsen gäller 2023–2026 för Mölndals stad.",
        "Rubrik\n\nEn text utan siffror, med å, ä och ö.",
        "Ring 112 eller 114 14",
        "",
    ],
)
def test_the_fast_test_passes_ordinary_text(text: str) -> None:
    assert not might_hold(text)


def test_no_character_reads_as_more_digits_than_it_has_bytes() -> None:
    """What might_hold's UTF-8 test rests on (see identity_numbers)."""
    for code in range(0x80, 0x110000):
        if 0xD800 <= code < 0xE000:
            continue
        ch = chr(code)
        reading = unicodedata.normalize("NFKC", ch)
        digits = sum(c.isdecimal() for c in reading)
        assert digits <= len(ch.encode("utf-8")), hex(code)


def test_the_reading_is_the_detectors_only_reading() -> None:
    reading, starts, ends = identity_numbers.read("a\u200bb &#49; **c**")
    assert reading == "ab 1 c"
    assert (starts[3], ends[3]) == (4, 9)
