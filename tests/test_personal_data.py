"""Personal identity numbers, however written, are found (TRY401, render) and masked in
everything trygg writes (issue 23, points 3 and 4).

The 25 forms below are the plain ones and every way the attack run on main got a number
past the old detector. Each is written as it stands inside a double-quoted YAML scalar,
so that the same text is a value for the detector and a line of a planted file.
"""

from __future__ import annotations

import html
import json
import re
import time
import tracemalloc
import unicodedata
import urllib.parse
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from helpers import MINIMAL_AGREEMENT, Result

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
    # The end-to-end test's own reading (independent of trygg's) sees every form too.
    assert _leaks(value) == [number] and _leaks(masked) == []


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
    """What might_hold's UTF-8 test rests on (see identity_numbers). Planes 0-2 and 14
    are every plane with a character that is not a CJK ideograph (plane 3) or for
    private use (planes 15 and 16), which read as themselves."""
    for code in (*range(0x80, 0xD800), *range(0xE000, 0x30000), *range(0xE0000, 0xE1000)):
        ch = chr(code)
        reading = unicodedata.normalize("NFKC", ch)
        digits = sum(c.isdecimal() for c in reading)
        assert digits <= len(ch.encode("utf-8")), hex(code)


def test_the_reading_is_the_detectors_only_reading() -> None:
    reading = identity_numbers.read("a\u200bb &#49; **c**, ⑫")
    assert reading.text == "ab 1 c, 12"
    assert [reading.span(i) for i in (0, 1, 3, 5, 8, 9)] == [
        (0, 1),
        (2, 3),
        (4, 9),
        (12, 13),
        (17, 18),
        (17, 18),
    ]


# --------------------------------------------------------------------------- every output
#
# One agreement and one action plan hold every form of both numbers in each of 12 places;
# a third, invalid file holds them where validate's messages quote a value (ids), and has
# a number in its name. Every command runs once per format, in-process, and no output —
# stdout, stderr, a file written with -o, the baseline, a rendered site — may hold one.

PLACES: dict[str, str] = {
    "agreement title": "title",
    "party name": "parties[0].name",
    "signatory name": "signatories[0].name",
    "diary number (an id-like value)": "decision.dnr",
    "section text (Markdown)": "sections[0].text",
    "body name": "bodies[0].name",
    "body description (Markdown)": "bodies[0].description",
    "member role": "bodies[0].members[0].role",
    "occasion name": "occasions[0].name",
    "follow-up wording": "follow_up.text",
    "report of a completion": "follow_up.done[0].report",
    "action (in the action plan)": "actions[0].title",
}

AGREEMENT = """\
trygg: 1
kind: agreement
id: plant-avtal
title: {V}
scope: local
municipality: Mölndal
parties:
  - id: stad
    name: {V}
    type: stad
  - id: polis
    name: Lokalpolisområde Syd
    type: lokalpolisområde
signatories:
  - name: {V}
    title: Kommunstyrelsens ordförande
    party: stad
decision:
  body: Kommunstyrelsen
  dnr: {V}
validity:
  from: 2023-05-01
  until: 2026-12-31
sections:
  - id: bakgrund
    title: Bakgrund
    text: {V}
bodies:
  - id: bra
    name: {V}
    level: strategisk
    description: {V}
    members:
      - party: stad
        role: {V}
    meetings:
      times: 4
      unit: year
occasions:
  - id: vandring
    name: {V}
    schedule:
      every: 1
      text: Varje år.
  - id: vid-moten
    name: Vid mötena
    schedule:
      with_meetings_of: bra
follow_up:
  text: {V}
  every: 1
  done:
    - date: 2024-12-01
      report: {V}
"""
PLAN = """\
trygg: 1
kind: action-plan
id: plant-plan
title: Åtgärdsplan
agreement: plant-avtal
actions:
  - id: vandring
    title: {V}
    performs:
      - party: stad
    schedule:
      every: 1
"""
INVALID_NAME = "fel 811228-9874.yaml"
# A misspelt key that --fix can correct, beside a title with both numbers: --diff shows
# the title as context.
FIXABLE = (
    'trygg: 1\nkind: agreement\nid: rattas\ntitle: "Anna 19811228-9874 och 19701063-2391"\n'
    "scope: local\nmunicipalty: Mölndal\nparties: [{id: a, name: A, type: stad}]\n"
    "validity: {from: 2023-05-01}\n"
)


def _planted_value() -> str:
    """Every form of both numbers, in one double-quoted YAML scalar."""
    forms = [form(number) for form in FORMS.values() for number in NUMBERS]
    return '"Kontakt: ' + "; ".join(forms) + '"'


def _invalid() -> str:
    """A document validate refuses, quoting each form in a message: a numeric id, and a
    section id in every form."""
    sections = "".join(
        f'  - {{id: "{form(number)}", title: T, text: T}}\n'
        for form in FORMS.values()
        for number in NUMBERS
    )
    return (
        "trygg: 1\nkind: agreement\nid: 8112289874\ntitle: T\nscope: local\n"
        "municipality: M\nvalidity: {from: 2023-05-01}\n"
        "parties: [{id: a, name: A, type: stad}]\nsections:\n" + sections
    )


def _documents(folder: Path, value: str) -> None:
    folder.mkdir(parents=True)
    (folder / "avtal.yaml").write_text(AGREEMENT.replace("{V}", value), "utf-8")
    (folder / "plan.yaml").write_text(PLAN.replace("{V}", value), "utf-8")


_ESCAPE = re.compile(r"\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}))")


def _as_read(output: str) -> str:
    """``output`` as a reader would take it in, undone independently of trygg's own
    reading: escapes (Python's, JSON's), percent-encoding, entities, Markdown escapes,
    ICS line folding, tags and comments, compatibility forms, digits of any script,
    invisible characters and emphasis marks (a run of three or more '*' is a mask)."""
    text = output.replace("\r\n ", "")
    text = _ESCAPE.sub(lambda m: chr(int(next(g for g in m.groups() if g), 16)), text)
    text = html.unescape(urllib.parse.unquote(text))
    text = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)
    text = re.sub(r"<!--.*?-->|<[^<>]+>", "", text, flags=re.DOTALL)
    text = _WIDE.sub(_wide, unicodedata.normalize("NFKC", text))
    return re.sub(r"(?<!\*)\*{1,2}(?!\*)|[`_~\[\]]", "", text)


_WIDE = re.compile(r"[^\x00-\x7f]")


def _wide(match: re.Match[str]) -> str:
    """A character beyond ASCII as read: a digit as 0-9, an invisible one as nothing."""
    c = match.group(0)
    if c.isdecimal():
        return str(unicodedata.decimal(c))
    return "" if unicodedata.category(c) in ("Cf", "Mn") else c


def _leaks(output: str) -> list[str]:
    """Each number whose date of birth is followed by the start of its last four."""
    read = _as_read(output)
    return [
        number
        for number in NUMBERS
        if re.search(f"{number[2:8]}[^0-9A-Za-z*]{{0,3}}{number[8:10]}", read)
    ]


def _masked_shown(output: str) -> bool:
    """Whether ``output`` shows a masked number (so that the test is not vacuous)."""
    read = _as_read(output)
    return any(re.search(f"{n[2:8]}[^0-9A-Za-z*]{{0,3}}\\*", read) for n in NUMBERS)


def test_no_output_of_any_command_holds_a_number(
    tmp_path: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new, out = tmp_path / "old", tmp_path / "new", tmp_path / "out"
    _documents(old, '"Anna Andersson, ordförande"')
    _documents(new, _planted_value())
    (new / INVALID_NAME).write_text(_invalid(), "utf-8")
    (new / "rattas.yaml").write_text(FIXABLE, "utf-8")
    out.mkdir()
    monkeypatch.chdir(tmp_path)  # the baseline and written paths are relative to here
    docs = str(new)
    today = ("--as-of", "2027-01-15")
    runs: dict[str, tuple[str, ...]] = {
        "validate": ("validate", docs),
        "validate --diff": ("validate", docs, "--diff"),
        **{
            f"lint {fmt}": ("lint", docs, "--format", fmt, "--no-color")
            for fmt in ("text", "json", "github", "gitlab", "junit")
        },
        "lint sarif": ("lint", docs, "--format", "sarif", "-o", "out/lint.sarif"),
        "lint --write-baseline": ("lint", docs, "--write-baseline", "out/baseline.json"),
        **{
            f"due {fmt}": ("due", docs, *today, "--done", "--format", fmt)
            for fmt in ("table", "json", "markdown")
        },
        "due ics": ("due", docs, *today, "--format", "ics", "--include-past", "-o", "out/due.ics"),
        **{
            f"diff {fmt}": ("diff", str(old), docs, "--format", fmt)
            for fmt in ("text", "markdown", "json")
        },
        "render markdown": ("render", docs, "-d", "plant-avtal", "--format", "markdown", "-o", "-"),
        "render html": ("render", docs, "-d", "plant-avtal", "--format", "html", "-o", "-"),
        "render site": ("render", docs, "--site", "out/site"),
    }
    outputs: dict[str, str] = {}
    stdout: dict[str, str] = {}
    for name, args in runs.items():
        result = cli(*args)
        assert "internal error" not in result.stderr, (name, result.stderr)
        outputs[name] = result.stdout + result.stderr
        stdout[name] = result.stdout
    ref = json.loads(stdout["due json"])["items"][0]["ref"]
    explained = cli("due", docs, *today, "--explain", ref)
    outputs["due --explain"] = explained.stdout + explained.stderr
    for written in sorted(out.rglob("*")):
        if written.is_file():
            outputs[f"file {written.relative_to(out)}"] = written.read_text("utf-8")
    assert {"file lint.sarif", "file baseline.json", "file due.ics"} <= set(outputs)

    leaks = {name: found for name, output in outputs.items() if (found := _leaks(output))}
    assert leaks == {}
    # Not vacuous: every output that quotes the documents shows a number, masked.
    quiet = {"lint sarif", "due ics", "lint --write-baseline", "render site"}
    quiet.add("file site/index.html")  # no document could be published
    unmasked = {name for name, output in outputs.items() if not _masked_shown(output)}
    assert unmasked <= quiet, unmasked - quiet

    # Every form in every place is found: 50 TRY401 findings in each of the 12 places.
    findings = json.loads(stdout["lint json"])["findings"]
    per_place = Counter(f["yaml_path"] for f in findings if f["rule"] == "TRY401")
    assert per_place == {place: 2 * len(FORMS) for place in PLACES.values()}


def test_control_characters_and_direction_overrides_never_reach_the_terminal(
    tmp_path: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A terminal hyperlink (OSC 8), a screen clear, a carriage return and a right-to-left
    override in every planted place, and a file name that tries to forge a finding line
    (issue 23, point 11)."""
    hostile = (
        '"Trygg \\e]8;;https://evil.example\\alänk\\e]8;;\\a \\e[2J\\rny rad \u202eevil\u202c"'
    )
    _documents(tmp_path / "old", '"Anna Andersson"')
    _documents(tmp_path / "new", hostile)
    forged = "x.yaml\ny.yaml:1:1: error [forged] planted.yaml"
    (tmp_path / "new" / forged).write_text(
        "trygg: 1\nkind: agreement\nid: " + hostile + "\n", "utf-8"
    )
    monkeypatch.chdir(tmp_path)
    today = ("--as-of", "2027-01-15")
    runs = [
        ("validate", "new"),
        ("lint", "new", "--no-color"),
        ("due", "new", *today, "--done"),
        ("due", "new", *today, "--done", "--format", "markdown"),
        ("diff", "old", "new", "--no-color"),
        ("diff", "old", "new", "--format", "markdown"),
        ("render", "new", "--site", "site"),
    ]
    outputs: dict[tuple[str, ...], str] = {}
    for args in runs:
        result = cli(*args)
        output = outputs[args] = result.stdout + result.stderr
        raw = sorted({c for c in output if c in "\x1b\x07\r\u202e\u202c"})
        assert raw == [], (args, raw)
        assert not re.search(r"^y\.yaml:1:1", output, re.M), args
    # Shown escaped, not dropped: the file name's newline, the escape, the override.
    assert "new/x.yaml\\ny.yaml:1:1: error [forged] planted.yaml:" in outputs[runs[0]]
    assert "\\x1b]8;;https://evil.example\\x07" in outputs[runs[0]]
    assert "\\x1b[2J ny rad \\u202eevil\\u202c" in outputs[runs[4]]  # CR: one line


def test_a_long_value_is_read_in_little_memory() -> None:
    """A 7 MB value of digits (a hostile file) took 626 MB when every character of the
    reading kept its own span."""
    value = "1234567890" * 100_000
    tracemalloc.start()
    try:
        assert list(find(value)) == [] and mask_text(value) == value
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * len(value), peak


def test_many_numbers_in_one_value_are_located_in_linear_time(
    write: Callable[[str, str | bytes], Path], cli: Callable[..., Result]
) -> None:
    """Each finding looked for its word from the start of the value: 20,000 numbers in
    one value took 70 s."""
    numbers = "Anna 19811228-9874, " * 10_000
    path = write(
        "avtal.yaml", MINIMAL_AGREEMENT + f'sections:\n  - {{id: s, title: S, text: "{numbers}"}}\n'
    )
    started = time.perf_counter()
    result = cli("lint", str(path), "--select", "TRY401", "--format", "json", "--no-cache")
    assert time.perf_counter() - started < 4  # 0.5 s; 8 s before
    findings = json.loads(result.stdout)["findings"]
    assert len(findings) == 1_001  # a thousand located, the other 9,000 counted in one
    assert [f["column"] for f in findings[:3]] == [35, 55, 75]
    more = [f for f in findings if "9000 more personal identity or coordination" in f["message"]]
    assert len(more) == 1
