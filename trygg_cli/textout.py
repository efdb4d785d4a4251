"""Text output shared by every report: one-line cells, terminal widths, ANSI colour and
Markdown escaping. Reports build strings with these; nothing here prints.

Every cell made here from a user's text is masked and escaped by
:func:`~trygg_cli.text.printable` first: no personnummer, control character or direction
override reaches the terminal, an issue body or a pull-request comment."""

from __future__ import annotations

import functools
import unicodedata

from trygg_cli.text import printable

RESET = "\x1b[0m"
BOLD = "\x1b[1m"
DIM = "\x1b[2m"


def one_line(value: str) -> str:
    """``value`` with every run of whitespace (newlines too) as one space."""
    return " ".join(value.split())


def printable_line(value: str) -> str:
    """On one line, masked, with no control characters that could drive a terminal."""
    return printable(one_line(value))


def paint(code: str, value: str, color: bool) -> str:
    """``value`` in the ANSI colour ``code`` when ``color``; empty text stays empty."""
    return f"{code}{value}{RESET}" if color and value else value


@functools.lru_cache(maxsize=4096)
def char_cells(ch: str) -> int:
    """Terminal cells one character takes (wide two, combining marks none)."""
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def cells(value: str) -> int:
    """Terminal cells ``value`` takes (wide characters two, combining marks none)."""
    if value.isascii():
        return len(value)
    return sum(map(char_cells, value))


def pad(value: str, width: int) -> str:
    """``value`` filled with spaces to ``width`` cells."""
    return value + " " * max(0, width - cells(value))


def cut(value: str, width: int) -> str:
    """``value`` shortened with ``…`` to at most ``width`` cells."""
    if cells(value) <= width:
        return value
    used = 0
    for end, ch in enumerate(value):
        used += char_cells(ch)
        if used > width - 1:
            return value[:end] + "…"
    return value


_MD_SPECIAL = str.maketrans(
    {c: "\\" + c for c in "\\`*_[]<>|~#!"} | {"\r": " ", "\n": " ", "@": "@\u200b"}
)


def md_cell(value: str) -> str:
    """Text for a Markdown table cell: one line, masked, control characters escaped,
    ``|`` and inline markup escaped, and no ``@mention`` (a zero-width space after ``@``)
    so an issue body pings nobody."""
    return printable_line(value).translate(_MD_SPECIAL)


def md_code(value: str) -> str:
    """``value`` as inline code in a table cell: masked, control characters escaped, ``|``
    escaped as GFM tables require."""
    value = printable_line(value).replace("|", "\\|")
    fence = "``" if "`" in value else "`"
    space = " " if "`" in value else ""
    return f"{fence}{space}{value}{space}{fence}"
