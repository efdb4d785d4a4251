"""``trygg init``: set up a repository for the agreements."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from trygg_cli.cli import terminal
from trygg_cli.cli.params import FOLDER
from trygg_cli.cli.terminal import err, report_written
from trygg_cli.i18n import _


class CiChoice(StrEnum):
    github = "github"
    gitlab = "gitlab"


@dataclass(frozen=True)
class InitOptions:
    folder: Path
    municipality: str | None
    ci: str
    force: bool


def command(
    folder: Annotated[
        Path,
        typer.Argument(
            metavar=FOLDER, help=_("The repository's folder (default: the current one).")
        ),
    ] = Path("."),
    municipality: Annotated[
        str | None,
        typer.Option(
            "--municipality",
            "-m",
            metavar=_("NAME"),
            help=_("Your municipality, for the example agreement (asked for in a terminal)."),
            show_default=False,
        ),
    ] = None,
    ci: Annotated[
        CiChoice, typer.Option("--ci", help=_("Which CI to write a workflow for."))
    ] = CiChoice.github,
    force: Annotated[
        bool, typer.Option("--force", help=_("Replace files that already exist."))
    ] = False,
) -> None:
    run(InitOptions(folder, municipality, ci.value, force))


def run(options: InitOptions) -> None:
    """Write the repository's files, asking for the municipality in a terminal."""
    from datetime import date

    from trygg_cli import scaffold
    from trygg_cli.errors import TryggError

    municipality = options.municipality
    if municipality is None:
        if not terminal.interactive():
            raise TryggError(_("give --municipality NAME"))
        municipality = typer.prompt(_("Municipality"))
    problem = scaffold.text_problem(municipality)
    if problem is not None:
        raise TryggError(problem)
    done = scaffold.init(
        options.folder, municipality.strip(), options.ci, options.force, date.today()
    )
    report_written(done)
    _next_steps(options.folder)


def _next_steps(folder: Path) -> None:
    """The three things to do next, so that the repository is green from its first day."""
    cd = "" if folder.resolve() == Path.cwd().resolve() else f"cd {folder} && "
    steps = (
        _("{cd}git init && git add -A (a repository, with everything staged)").format(cd=cd),
        _("pre-commit install && pre-commit run --all-files (the checks before each commit)"),
        _("trygg due (what falls due; record what is done with 'trygg done REF')"),
    )
    err(_("Next:"))
    for number, step in enumerate(steps, 1):
        err(f"{number}. {step}")
