"""``trygg report new``: a draft of the next follow-up (uppföljning), prefilled from the
documents as they are now."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from trygg_cli.cli import completion
from trygg_cli.cli.params import Jobs, Paths, output_option, paths_argument, targets
from trygg_cli.cli.terminal import err, to_screen, write_report
from trygg_cli.i18n import _


@dataclass(frozen=True)
class ReportNewOptions:
    target: str
    occasion: str
    paths: tuple[str, ...]
    output: Path | None
    doc_id: str | None
    force: bool
    jobs: int


def new(
    target: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help=_("The agreement, action plan or citizen promise to follow up."),
            autocompletion=completion.document_ids,
            show_default=False,
        ),
    ],
    occasion: Annotated[
        str,
        typer.Option(
            "--occasion",
            metavar=_("OCCASION"),
            help=_(
                "The follow-up's occasion as 'trygg due' shows it: a year (2025), a date "
                "(2025-04-30) or validity_end for the final follow-up."
            ),
            show_default=False,
        ),
    ],
    paths: Annotated[
        Paths, paths_argument(_("Files or folders to read (default: the current folder)."))
    ] = None,
    output: Annotated[
        Path | None, output_option(_("Where to write the draft ('-': the screen)."))
    ] = None,
    doc_id: Annotated[
        str | None,
        typer.Option("--id", metavar="ID", help=_("The new follow-up's id."), show_default=False),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help=_("Replace the file if it already exists."))
    ] = False,
    jobs: Jobs = 0,
) -> None:
    run(ReportNewOptions(target, occasion, targets(paths), output, doc_id, force, jobs))


def run(options: ReportNewOptions) -> None:
    """Write the draft to its file (uppfoljningar/<id>.yaml unless -o says otherwise)."""
    from datetime import date

    from trygg_cli import scaffold
    from trygg_cli.followup import new_follow_up, write_draft

    made = new_follow_up(
        options.paths,
        options.target,
        options.occasion,
        today=date.today(),
        doc_id=options.doc_id,
        jobs=options.jobs or None,
    )
    if options.output is not None and to_screen(options.output):
        write_report(made.text, None)
        return
    target = options.output or Path(scaffold.FOLDERS["follow-up"]) / f"{made.doc_id}.yaml"
    replaced = write_draft(made, target, force=options.force)
    message = _("replaced {path}") if replaced else _("created {path}")
    err(message.format(path=target))
