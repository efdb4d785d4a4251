"""Hostile trygg files, generated from real ones: what the attack suite feeds every command.

``case(seed)`` takes one of the examples (real agreements, plans and promises) and applies
one to three mutations chosen by ``seed``: a value replaced by a hostile one (huge
numbers, control and bidi characters, YAML tags, aliases, impossible dates, schedules that
would never end, personal numbers …), lines deleted, doubled, re-indented or cut off,
bytes flipped, another encoding or line ending, a misspelt, quoted, listed or missing
marker, or a whole-file attack (billion laughs, deep nesting, a million values, tens of
thousands of keys). The same seed always gives the same bytes.

Used by tests/test_attack.py (a few dozen cases, in the suite) and benchmarks/attack.py
(ten thousand and more, with the counts printed).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
KINDS = ("agreement", "action-plan", "citizen-promise")

# Values put in place of a scalar: each one broke some tool somewhere.
VALUES: tuple[str, ...] = (
    "9" * 5000,
    "0x" + "f" * 5000,
    "-" + "1" * 41,
    "1e999",
    "-.inf",
    ".nan",
    "true",
    "null",
    "~",
    "''",
    '"\\x00"',
    '"\\u202eevil"',
    '"\\x1b[31mred\\x1b[0m"',
    '"\\x1b]8;;https://example.org\\x07link\\x1b]8;;\\x07"',
    '"two\\nlines"',
    '"\\r"',
    "a" * 100_000,
    "[" * 70 + "]" * 70,
    "{a: " * 70 + "1" + "}" * 70,
    "&a [*a]",
    "*nowhere",
    "!!python/object/apply:os.system ['echo pwned']",
    "!!binary aGVsbG8=",
    "!custom x",
    "!!int 12",
    "9999-12-31",
    "0001-01-01",
    "2023-02-30",
    "2023-13-01",
    "1899-12-31",
    "{times: 1000000, unit: week}",
    "{every: 1000000000, unit: month}",
    "{times: 0, unit: year}",
    "{first: 99999, every: 1}",
    "{first: validity_end, every: 1}",
    "19121212-1212",
    "1912121212 12",
    "[]",
    "{}",
    "'unterminated",
    '"unterminated',
    "\tTab",
    ": colon",
    "? complex",
    "|",
    "@at",
    "`tick",
    "Ｔｒｙｇｇ １２３",
    "\u200b\u00ad",
    "<script>alert(1)</script>",
    "[länk](javascript:alert(1))",
    "%YAML 1.1",
    "---",
    "...",
    "#",
)


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _value_line(rng: random.Random, lines: list[str]) -> int | None:
    places = [i for i, line in enumerate(lines) if re.match(r"^\s*-?\s*[\w\"'-]+:\s*\S", line)]
    return rng.choice(places) if places else None


def replace_value(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    at = _value_line(rng, lines)
    if at is None:
        return text
    key = lines[at][: lines[at].index(":") + 1]
    lines[at] = f"{key} {rng.choice(VALUES)}"
    return "\n".join(lines)


def delete_line(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    del lines[rng.randrange(len(lines))]
    return "\n".join(lines)


def double_line(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    at = rng.randrange(len(lines))
    lines.insert(at, lines[at])
    return "\n".join(lines)


def reindent(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    at = rng.randrange(len(lines))
    shift = rng.choice((-4, -2, -1, 1, 2, 3))
    line = lines[at]
    lines[at] = " " * shift + line if shift > 0 else line[-shift:]
    return "\n".join(lines)


def cut_off(rng: random.Random, text: str) -> str:
    return text[: rng.randrange(len(text) + 1)]


def marker(rng: random.Random, text: str) -> str:
    body = re.sub(r"^trygg: 1\n", "", text, count=1, flags=re.M)
    shapes = (
        "",
        "tryg: 1\n",
        "Trygg: 1\n",
        "TRYGG: 1\n",
        '"trygg": 1\n',
        "'trygg': 1\n",
        "trygg: 2\n",
        "trygg: true\n",
        "trygg: 1.0\n",
        "trygg: '1'\n",
        "trygg:\n",
        "trygg: 1 # version\n",
    )
    shape = rng.choice(shapes)
    if rng.random() < 0.2:  # the marker later, not first
        lines = _lines(body)
        lines.insert(rng.randrange(len(lines)), shape.rstrip("\n"))
        return "\n".join(lines)
    return shape + body


def as_list(rng: random.Random, text: str) -> str:
    return "- " + text.replace("\n", "\n  ")


def personal(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    at = _value_line(rng, lines)
    if at is None:
        return text
    number = rng.choice(("19121212-1212", "121212-1212", "19701063-2391", "7010632391"))
    lines[at] = (
        lines[at] + " " + number if not lines[at].rstrip().endswith(("|", ">")) else lines[at]
    )
    return "\n".join(lines)


TEXT_MUTATIONS: tuple[Callable[[random.Random, str], str], ...] = (
    replace_value,
    replace_value,
    replace_value,
    delete_line,
    double_line,
    reindent,
    cut_off,
    marker,
    as_list,
    personal,
)


def flip_bytes(rng: random.Random, raw: bytes) -> bytes:
    data = bytearray(raw)
    for _ in range(rng.randint(1, 4)):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def insert_bytes(rng: random.Random, raw: bytes) -> bytes:
    at = rng.randrange(len(raw) + 1)
    junk = rng.choice((b"\x00", b"\xff\xfe", b"\xc3", b"\xef\xbb\xbf", b"\r", b"\x1b[2J", b"\t"))
    return raw[:at] + junk + raw[at:]


def encode_otherwise(rng: random.Random, raw: bytes) -> bytes:
    text = raw.decode("utf-8", "replace")
    choice = rng.randrange(7)
    if choice == 0:
        return text.encode("utf-16")
    if choice == 1:
        return text.encode("utf-32")
    if choice == 2:
        return text.encode("latin-1", "replace")
    if choice == 3:
        return b"\xef\xbb\xbf" + raw
    if choice == 4:
        return raw.replace(b"\n", b"\r\n")
    if choice == 5:
        return raw.replace(b"\n", b"\r")
    return text.encode("utf-16-le")  # no byte-order mark


BYTE_MUTATIONS: tuple[Callable[[random.Random, bytes], bytes], ...] = (
    flip_bytes,
    insert_bytes,
    encode_otherwise,
)


def whole_file(rng: random.Random) -> bytes:
    """A file that attacks by its shape, not by a value."""
    head = "trygg: 1\nkind: agreement\nid: attack\n"
    choice = rng.randrange(9)
    if choice == 0:  # billion laughs
        lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
        return (head + "\n".join(lines) + "\n").encode()
    if choice == 1:
        depth = rng.choice((65, 1000, 10_000))
        return (head + "note: " + "[" * depth + "]" * depth + "\n").encode()
    if choice == 2:
        return (head + "note: [" + ",".join(["[]"] * 300_000) + "]\n").encode()
    if choice == 3:
        count = rng.choice((5_000, 30_000))
        return (head + "".join(f"k{i}: {i}\n" for i in range(count))).encode()
    if choice == 4:
        return (head + "title: " + "ö" * 1_000_000 + "\n").encode()
    if choice == 5:
        return (head + "---\n" + head).encode()
    if choice == 6:
        return rng.choice((b"", b"# only a comment\n", b"---\n", b"\n\n\n", b"\x00" * 64))
    if choice == 7:
        return (head + "".join(f"- item {i}\n" for i in range(1000))).encode()
    nested = "".join("  " * i + f"k{i}:\n" for i in range(70))
    return (head + "note:\n" + nested).encode()


def all_passes() -> tuple[Any, ...]:
    """Every pass trygg has: what validate, lint, due and render run on a file."""
    from trygg_cli.check.passes import KEEP_DOCUMENT, REFERENCES
    from trygg_cli.due.extract import SCHEDULES
    from trygg_cli.lint.config import LintConfig
    from trygg_cli.lint.passes import LintPass
    from trygg_cli.render.passes import PERSONAL_NUMBERS

    settings = LintConfig().settings(date(2026, 12, 2), (), ())
    return (REFERENCES, KEEP_DOCUMENT, SCHEDULES, PERSONAL_NUMBERS, LintPass(settings))


def bases() -> list[str]:
    """The texts mutations start from: every example document."""
    return [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.rglob("*.yaml"))]


def case(seed: int, base_texts: list[str] | None = None) -> bytes:
    """The hostile file for ``seed``."""
    rng = random.Random(seed)
    if rng.random() < 0.06:
        return whole_file(rng)
    texts = base_texts if base_texts is not None else bases()
    text = rng.choice(texts)
    for _ in range(rng.randint(1, 3)):
        text = rng.choice(TEXT_MUTATIONS)(rng, text)
    raw = text.encode("utf-8", "surrogatepass")
    if rng.random() < 0.25:
        raw = rng.choice(BYTE_MUTATIONS)(rng, raw)
    return raw


_NEAR_MARKER = re.compile(r"^[ \t-]{0,6}[\"']?(t\w{2,6})[\"']?[ \t]*:", re.M | re.I)
_KIND = re.compile(r"^[\"']?kind[\"']?[ \t]*:[ \t]*[\"']?(" + "|".join(KINDS) + r")\b", re.M)


def looks_like_a_document(raw: bytes) -> bool:
    """Whether a person would take ``raw`` for a trygg document that trygg must not skip
    without a word: a top-level ``kind:`` of a trygg kind, or a key within one letter of
    ``trygg`` (decoded as UTF-8, or UTF-16/32 by a byte-order mark)."""
    text = _decoded(raw)
    if _KIND.search(text):
        return True
    return any(
        _one_letter_from(m.group(1).casefold(), "trygg") for m in _NEAR_MARKER.finditer(text)
    )


def _decoded(raw: bytes) -> str:
    for bom, encoding in (
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if raw.startswith(bom):
            return raw.decode(encoding, "replace")
    return raw.decode("utf-8", "replace").lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _one_letter_from(word: str, target: str) -> bool:
    if word == target:
        return True
    if abs(len(word) - len(target)) > 1:
        return False
    if len(word) == len(target):
        return sum(a != b for a, b in zip(word, target, strict=True)) == 1
    short, long = sorted((word, target), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
