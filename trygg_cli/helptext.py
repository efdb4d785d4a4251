"""The top-level help, cheap enough that ``trygg --help`` need not import typer.

Importing typer (click comes inside it) is most of trygg's start-up time: about 50–75 ms
of the 100 ms budget on the 2-core CI machine. ``trygg --help``, ``trygg -h`` and
``trygg --version`` are the commands a newcomer types first, so :mod:`trygg_cli.__main__`
answers them from here. The strings below are the ones the typer app in
:mod:`trygg_cli.cli` is built from, and :func:`top_level_help` lays them out the way
click does; ``tests/test_cli.py`` compares the two outputs at several terminal widths, so
they cannot drift apart.
"""

from __future__ import annotations

import os
import sys
import textwrap

from trygg_cli.i18n import N_, _

APP_HELP = N_(
    "Check, schedule, compare and publish crime-prevention collaboration agreements "
    "(samverkansöverenskommelser), action plans and citizen promises kept as YAML."
)
APP_EPILOG = N_("Example: trygg validate examples")
DEBUG_HELP = N_("Show the full traceback on errors.")
VERSION_HELP = N_("Show trygg's version and exit.")
LANG_HELP = N_(
    "Language of messages: sv (Swedish) or en (English). Default: TRYGG_LANG, then the "
    "locale (LANG)."
)
# What typer and click would say in English, said in the user's language by
# trygg_cli.clickwords (which imports typer, so the words live here).
HELP_HELP = N_("Show this help and exit.")
INSTALL_COMPLETION_HELP = N_("Install completion for the current shell.")
SHOW_COMPLETION_HELP = N_(
    "Show completion for the current shell, to copy it or customize the installation."
)
USAGE = N_("Usage: ")
OPTIONS_METAVAR = N_("[OPTIONS]")
COMMAND_METAVAR = N_("COMMAND [ARGS]...")
OPTIONS_HEADING = N_("Options")
COMMANDS_HEADING = N_("Commands")

# One line per command for the list in `trygg --help`, in the order they are listed.
COMMANDS: dict[str, str] = {
    "validate": N_("Check YAML, the schema and the links between documents."),
    "lint": N_("Check that the agreements are sound, with rules you can configure."),
    "rules": N_("List the lint rules."),
    "due": N_("What is overdue and what comes next, from the documents' cadences."),
    "diff": N_("What changed between two versions, in sentences."),
    "render": N_("The agreement as Markdown or accessible HTML, or a whole site."),
    "schema": N_("Write a JSON Schema for each document kind, for editors."),
    "init": N_("Set up a repository: config, an example agreement, hooks and CI."),
    "new": N_("Start a new agreement, action plan or citizen promise."),
}


def top_level_help(width: int | None = None) -> str:
    """``trygg --help`` as click would print it, for a terminal ``width`` columns wide."""
    if width is None:
        width = max(min(_terminal_columns(), 80) - 2, 50)
    options = [
        ("--debug", _(DEBUG_HELP)),
        ("--version", _(VERSION_HELP)),
        ("--lang <sv|en>", _(LANG_HELP)),
        ("--install-completion", _(INSTALL_COMPLETION_HELP)),
        ("--show-completion", _(SHOW_COMPLETION_HELP)),
        ("-h, --help", _(HELP_HELP)),
    ]
    commands = [(name, _(text)) for name, text in COMMANDS.items()]
    parts = [
        f"{_usage(width)}\n\n{_text(_(APP_HELP), width)}\n",
        f"{_(OPTIONS_HEADING)}:\n{_definitions(options, width)}\n",
        f"{_(COMMANDS_HEADING)}:\n{_definitions(commands, width)}\n",
        f"{_text(_(APP_EPILOG), width)}",
    ]
    return "\n".join(parts)


def _usage(width: int) -> str:
    """click's usage line, wrapped beside its prefix (the help is always 50 or more wide)."""
    prefix = f"{_(USAGE)}trygg "
    arguments = f"{_(OPTIONS_METAVAR)} {_(COMMAND_METAVAR)}"
    return textwrap.fill(
        arguments,
        width,
        initial_indent=prefix,
        subsequent_indent=" " * len(prefix),
        replace_whitespace=False,
    )


def _terminal_columns() -> int:
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


def _text(text: str, width: int) -> str:
    return textwrap.fill(
        text, width, initial_indent="  ", subsequent_indent="  ", replace_whitespace=False
    )


def _definitions(rows: list[tuple[str, str]], width: int) -> str:
    """click's definition list: names in a column at most 30 wide, text wrapped beside."""
    column = min(max(len(name) for name, _text in rows), 30) + 2
    text_width = max(width - column - 2, 10)
    lines = []
    for name, text in rows:
        wrapped = textwrap.wrap(text, text_width, replace_whitespace=False) or [""]
        if len(name) <= column - 2:
            lines.append(f"  {name}{' ' * (column - len(name))}{wrapped[0]}")
        else:
            lines.append(f"  {name}\n{' ' * (column + 2)}{wrapped[0]}")
        lines.extend(f"{' ' * (column + 2)}{line}" for line in wrapped[1:])
    return "\n".join(lines)
