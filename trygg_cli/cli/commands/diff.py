"""``trygg diff``: what changed between two versions, in sentences."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from trygg_cli.cli.params import Output, format_option, no_color_option
from trygg_cli.cli.terminal import color_wanted, write_report
from trygg_cli.i18n import _


class DiffFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


@dataclass(frozen=True)
class DiffOptions:
    arguments: tuple[str, ...]
    after_double_dash: int  # how many of the arguments came after a `--`
    output_format: str
    output: Path | None
    stat: bool
    exit_code: bool
    color: bool


def command(
    arguments: Annotated[
        list[str] | None,
        typer.Argument(
            metavar=_("[OLD NEW | REV [REV] | A...B] [PATH]..."),
            help=_(
                "Two files or folders; or git revisions (none: HEAD against the working "
                "tree; one: it against the working tree; two; or A...B for a pull "
                "request), then paths to narrow it."
            ),
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        DiffFormat,
        format_option(_("text for people; markdown (a pull request comment); json.")),
    ] = DiffFormat.text,
    output: Output = None,
    stat: Annotated[
        bool, typer.Option("--stat", help=_("Only how many changes each document has."))
    ] = False,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help=_("Exit 1 when anything changed."))
    ] = False,
    no_color: Annotated[bool, no_color_option(_("No colours."))] = False,
) -> None:
    given = tuple(arguments or ())
    options = DiffOptions(
        given,
        _after_double_dash(given),
        output_format.value,
        output,
        stat,
        exit_code,
        color_wanted(output, no_color),
    )
    raise typer.Exit(run(options))


def _after_double_dash(arguments: Sequence[str]) -> int:
    """How many of ``arguments`` came after a ``--`` on the command line (click drops the
    ``--`` itself, so it is looked for in sys.argv)."""
    argv = sys.argv[1:]
    if "--" not in argv:
        return 0
    tail = argv[argv.index("--") + 1 :]
    if tail and list(arguments[-len(tail) :]) == tail:
        return len(tail)
    return 0


def run(options: DiffOptions) -> int:
    """Read the two versions, compare them and write the report; the exit code."""
    from trygg_cli.diff.report import DIFF_REPORTERS, DiffReportContext
    from trygg_cli.diff.run import diff_sides, sides_from_arguments

    old, new = sides_from_arguments(list(options.arguments), Path.cwd(), options.after_double_dash)
    result = diff_sides(old, new)
    context = DiffReportContext(color=options.color, stat=options.stat)
    write_report(DIFF_REPORTERS[options.output_format](result, context), options.output)
    return 1 if options.exit_code and result.changed else 0
