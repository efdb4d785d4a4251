"""Parameters several commands share, as ``Annotated`` aliases or small factories (where
only the help text differs), and the placeholders shown in help and usage lines."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from trygg_cli.i18n import _

# Placeholders in help and usage lines, in the user's language.
PATH = _("PATH")
FILE = _("FILE")
FOLDER = _("FOLDER")
DATE = _("YYYY-MM-DD")
NUMBER = _("NUMBER")


class FindingsFormat(StrEnum):
    """The reports of findings that validate and lint both write."""

    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"
    gitlab = "gitlab"
    junit = "junit"


def _jobs(value: int) -> int:
    if value < 0:
        raise typer.BadParameter(_("use 0 (one process per core) or more."))
    return value


Jobs = Annotated[
    int,
    typer.Option(
        "--jobs",
        "-j",
        metavar=NUMBER,
        callback=_jobs,
        help=_("Processes to use for many files (0: one per core)."),
    ),
]
NoCache = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help=_(
            "Check every file again instead of reusing results for unchanged files "
            "(kept in the repository's .trygg-cache folder)."
        ),
    ),
]
Output = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar=FILE,
        help=_("Write the report to this file instead of the screen ('-': the screen)."),
    ),
]
FindingsFormatOption = Annotated[
    FindingsFormat,
    typer.Option(
        "--format",
        "-f",
        help=_(
            "text for people; json; github (annotations in a workflow); sarif (code "
            "scanning); gitlab (Code Quality); junit (test reports)."
        ),
    ),
]


def paths_argument(help_text: str) -> Any:
    """``PATH...``: files or folders, the current folder when none is given."""
    return typer.Argument(metavar=PATH, help=help_text, show_default=False)


Paths = list[Path] | None


def targets(paths: Sequence[Path] | None) -> tuple[str, ...]:
    """The paths given, or the current folder."""
    return tuple(str(p) for p in paths) if paths else (".",)


def format_option(help_text: str, show_default: bool = True) -> Any:
    """``--format``/``-f``, whose choices each command lists in its help."""
    return typer.Option("--format", "-f", help=help_text, show_default=show_default)


def output_option(help_text: str) -> Any:
    """``--output``/``-o FILE`` for a command that writes a document ('-': the screen)."""
    return typer.Option("--output", "-o", metavar=FILE, help=help_text, show_default=False)


def no_color_option(help_text: str) -> Any:
    """``--no-color``."""
    return typer.Option("--no-color", help=help_text)


def day_option(name: str, help_text: str) -> Any:
    """``--today``, ``--as-of`` or ``--stamp-date``: a day written YYYY-MM-DD."""
    return typer.Option(name, metavar=DATE, help=help_text, show_default=False)
