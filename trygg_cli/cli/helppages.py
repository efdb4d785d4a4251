"""Every ``--help`` page of trygg, printed without importing typer, click, pydantic or rich.

Importing the typer app costs 15–25 times what Python itself needs to start (typer's
parameter adapters import pydantic, then importlib.metadata and email), and a newcomer's
first commands are ``trygg --help`` and ``trygg validate --help``. So
:mod:`trygg_cli.__main__` answers them from here.

The pages are not written twice. ``help_pages.json`` beside this module is what typer's
own ``format_help`` asks of click's formatter for every command, in every language —
usage line, texts, headings, the rows of arguments, options and commands, already
translated — recorded from the app by :func:`trygg_cli.cli.typer_adapter.help_pages`
(``python scripts/help_pages.py`` writes the file, ``--check`` says whether it is
current). :class:`Formatter` replays that record the way click's ``HelpFormatter`` lays
it out, for the width of the terminal. ``tests/test_help_pages.py`` fails when the file
is stale and compares the pages with what typer itself prints at several widths, in
every language, so the two cannot drift apart.

Only the forms typer would answer with a help page are answered here: ``trygg``,
``trygg -h``, ``trygg [--debug] [--lang L] COMMAND [SUBCOMMAND] --help`` and a group
without a subcommand (``trygg report``); anything else (``trygg validate --bogus
--help``) goes to typer, as does everything when the file is missing.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # not typing's: importing typing costs start-up time
if TYPE_CHECKING:
    from textwrap import TextWrapper
    from typing import Any

PAGES_FILE = os.path.join(os.path.dirname(__file__), "help_pages.json")
RECORDED_PROGRAM = "trygg"  # the program name the pages are recorded with
# Options of `trygg` itself that may stand before the command without changing its help.
_FLAGS = ("--debug",)
_LANG = "--lang"


def answer(arguments: list[str], lang: str) -> int | None:
    """Print the help page ``arguments`` ask for, in ``lang``, and return the exit code
    typer would (0; 2 for a group given no command, whose help goes to stderr), or None
    when this is not a help request answered here."""
    words = _without_global_options(arguments)
    # Not a help request, without reading the pages: `trygg validate examples`.
    if words is None or (len(words) > 1 and not words[-1].startswith("-")):
        return None
    pages = _pages(lang)
    if pages is None:
        return None
    page = pages.get(" ".join(words[:-1])) if words else None
    if page is not None and words[-1] in page["help_options"]:
        _echo(sys.stdout, render(page) + "\n")
        return 0
    page = pages.get(" ".join(words))
    # click shows a group's help when it is given no arguments at all: `trygg --debug` is
    # "Missing command", `trygg --debug report` the help of report.
    if page is None or not page["no_args_is_help"] or (not words and arguments):
        return None
    _echo(sys.stderr, render(page) + "\n")
    return 2


def _echo(stream: Any, text: str) -> None:
    """Write ``text`` as click's ``echo`` does: UTF-8 to a stream that claims to be ASCII
    (a C locale, PYTHONIOENCODING=ascii), with ? for what cannot be written."""
    import codecs

    try:
        ascii_only = codecs.lookup(getattr(stream, "encoding", None) or "ascii").name == "ascii"
    except LookupError:
        ascii_only = False
    buffer = getattr(stream, "buffer", None)
    if ascii_only and buffer is not None:
        stream.flush()
        buffer.write(text.encode("utf-8", "replace"))
        buffer.flush()
    else:
        stream.write(text)


def _without_global_options(arguments: list[str]) -> list[str] | None:
    """``arguments`` without the leading ``--debug`` and one ``--lang L`` (which
    :mod:`trygg_cli.__main__` has already applied), or None when the value of ``--lang``
    is not one typer accepts or it is given twice."""
    from trygg_cli.i18n import LANGUAGES

    words = list(arguments)
    langs = 0
    while words:
        if words[0] in _FLAGS:
            del words[0]
        elif words[0] == _LANG and len(words) > 1:
            langs += 1
            if words[1] not in LANGUAGES:
                return None
            del words[:2]
        elif words[0].startswith(_LANG + "="):
            langs += 1
            if words[0].partition("=")[2] not in LANGUAGES:
                return None
            del words[0]
        else:
            break
    return words if langs <= 1 else None


def _pages(lang: str) -> dict[str, Any] | None:
    """The recorded pages in ``lang`` (by command path: '' for trygg itself, 'report new'),
    or None when the file is missing or unreadable."""
    import json

    try:
        with open(PAGES_FILE, encoding="utf-8") as handle:
            everything = json.load(handle)
    except (OSError, ValueError):
        return None
    pages = everything.get("languages", {}).get(lang)
    return pages if isinstance(pages, dict) else None


def render(page: dict[str, Any], width: int | None = None, program: str | None = None) -> str:
    """``page`` as click's ``Command.get_help`` returns it, ``width`` columns wide (by
    default, as click chooses it: the terminal's width up to 80, less 2, at least 50),
    with ``program`` (by default, the name click would find) in its usage line."""
    if width is None:
        width = max(min(terminal_columns(), 80) - 2, 50)
    if program is None:
        program = program_name()
    formatter = Formatter(width)
    for operation, *arguments in page["ops"]:
        if operation == "usage" and arguments[0].startswith(RECORDED_PROGRAM):
            arguments[0] = program + arguments[0][len(RECORDED_PROGRAM) :]
        getattr(formatter, _OPERATIONS[operation])(*arguments)
    return formatter.getvalue().rstrip("\n")


def program_name() -> str:
    """click's name of the program in usage lines (``_detect_program_name``): the name of
    the file run (``trygg``), or ``python -m trygg_cli``."""
    main = sys.modules["__main__"]
    path = sys.argv[0]
    package = getattr(main, "__package__", None)
    if package in (None, "") or (
        os.name == "nt"
        and package == ""
        and not os.path.exists(path)
        and os.path.exists(f"{path}.exe")
    ):
        return os.path.basename(path)
    name = os.path.splitext(os.path.basename(path))[0]
    module = package if name == "__main__" else f"{package}.{name}"
    return f"python -m {module.lstrip('.')}"


def terminal_columns() -> int:
    """shutil.get_terminal_size().columns, without importing shutil (10 ms of start-up)."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


# What the recorder writes down (trygg_cli.cli.typer_adapter) → the method replaying it.
_OPERATIONS = {
    "usage": "write_usage",
    "heading": "write_heading",
    "paragraph": "write_paragraph",
    "text": "write_text",
    "dl": "write_dl",
    "indent": "indent",
    "dedent": "dedent",
    "write": "write",
}


class Formatter:
    """click's ``HelpFormatter`` (BSD-3-Clause, Pallets), the methods a help page uses,
    as typer 0.29 carries it in ``typer._click.formatting``. Help texts hold no terminal
    colour codes, so a string's width is its length."""

    def __init__(self, width: int, indent_increment: int = 2) -> None:
        self.width = width
        self.indent_increment = indent_increment
        self.current_indent = 0
        self.buffer: list[str] = []

    def write(self, string: str) -> None:
        self.buffer.append(string)

    def indent(self) -> None:
        self.current_indent += self.indent_increment

    def dedent(self) -> None:
        self.current_indent -= self.indent_increment

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None:
            prefix = "Usage: "
        usage_prefix = f"{prefix:>{self.current_indent}}{prog} "
        text_width = self.width - self.current_indent
        if text_width >= len(usage_prefix) + 20:
            indent = " " * len(usage_prefix)
            self.write(wrap_text(args, text_width, usage_prefix, indent))
        else:
            self.write(usage_prefix)
            self.write("\n")
            indent = " " * (max(self.current_indent, len(prefix)) + 4)
            self.write(wrap_text(args, text_width, indent, indent))
        self.write("\n")

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}:\n")

    def write_paragraph(self) -> None:
        if self.buffer:
            self.write("\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        self.write(wrap_text(text, self.width, indent, indent, preserve_paragraphs=True))
        self.write("\n")

    def write_dl(self, rows: list[list[str]], col_max: int = 30, col_spacing: int = 2) -> None:
        first_col = min(max(len(first) for first, _second in rows), col_max) + col_spacing
        margin = " " * (first_col + self.current_indent)
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if len(first) <= first_col - col_spacing:
                self.write(" " * (first_col - len(first)))
            else:
                self.write("\n")
                self.write(margin)
            text_width = max(self.width - first_col - 2, 10)
            lines = wrap_text(second, text_width, preserve_paragraphs=True).splitlines()
            self.write(f"{lines[0]}\n" if lines else "\n")
            for line in lines[1:]:
                self.write(f"{margin}{line}\n")

    def getvalue(self) -> str:
        return "".join(self.buffer)


def wrap_text(
    text: str,
    width: int = 78,
    initial_indent: str = "",
    subsequent_indent: str = "",
    preserve_paragraphs: bool = False,
) -> str:
    """click's ``wrap_text``: paragraphs are separated by an empty line, and one that
    starts with a line holding only ``\\b`` is kept as it is, only indented."""
    wrapper = _wrapper(width, initial_indent, subsequent_indent)
    text = text.expandtabs()
    if not preserve_paragraphs:
        return wrapper.fill(text)
    paragraphs: list[tuple[int, bool, str]] = []
    lines: list[str] = []
    indent: int | None = None
    for line in [*text.splitlines(), ""]:
        if line:
            if indent is None:
                stripped = line.lstrip()
                indent, line = len(line) - len(stripped), stripped
            lines.append(line)
            continue
        if lines:
            if lines[0].strip() == "\b":
                paragraphs.append((indent or 0, True, "\n".join(lines[1:])))
            else:
                paragraphs.append((indent or 0, False, " ".join(lines)))
            lines = []
        indent = None
    wrapped = []
    for extra, raw, paragraph in paragraphs:
        wrapper.initial_indent = initial_indent + " " * extra
        wrapper.subsequent_indent = subsequent_indent + " " * extra
        if raw:
            wrapped.append(
                "\n".join(
                    (wrapper.subsequent_indent if i else wrapper.initial_indent) + line
                    for i, line in enumerate(paragraph.splitlines())
                )
            )
        else:
            wrapped.append(wrapper.fill(paragraph))
    return "\n\n".join(wrapped)


def _wrapper(width: int, initial_indent: str, subsequent_indent: str) -> TextWrapper:
    """click's ``TextWrapper``: a word longer than the line is cut where the line ends."""
    import textwrap

    global _TextWrapper
    if _TextWrapper is None:

        class TextWrapper(textwrap.TextWrapper):
            def _handle_long_word(
                self, reversed_chunks: list[str], cur_line: list[str], cur_len: int, width: int
            ) -> None:
                space_left = max(width - cur_len, 1)
                last = reversed_chunks[-1]
                cur_line.append(last[:space_left])
                reversed_chunks[-1] = last[space_left:]

        _TextWrapper = TextWrapper
    wrapper: TextWrapper = _TextWrapper(
        width,
        initial_indent=initial_indent,
        subsequent_indent=subsequent_indent,
        replace_whitespace=False,
    )
    return wrapper


_TextWrapper: Any = None
