"""``trygg new``: start a document from a skeleton that passes validation."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from trygg_cli.cli import completion, terminal
from trygg_cli.cli.params import FILE
from trygg_cli.cli.terminal import ask, report_written
from trygg_cli.i18n import _


class NewKind(StrEnum):
    agreement = "agreement"
    action_plan = "action-plan"
    citizen_promise = "citizen-promise"


class Scope(StrEnum):
    local = "local"
    central = "central"


@dataclass(frozen=True)
class NewOptions:
    kind: str
    doc_id: str | None
    title: str | None
    municipality: str | None
    agreement: str | None
    scope: str | None
    output: Path | None
    force: bool
    start: str | None = None
    until: str | None = None
    term: str | None = None
    until_further_notice: bool = False
    municipality_party: str | None = None
    police: str | None = None
    steering_group: str | None = None
    problem: str | None = None
    promises: tuple[str, ...] = ()


def _text_option(name: str, metavar: str, help_text: str, *short: str) -> Any:
    return typer.Option(name, *short, metavar=metavar, help=help_text, show_default=False)


def command(
    kind: Annotated[
        NewKind,
        typer.Argument(
            metavar=_("KIND"),
            help=_("What to start: agreement, action-plan or citizen-promise."),
            show_default=False,
        ),
    ],
    doc_id: Annotated[str | None, _text_option("--id", "ID", _("The document's id."))] = None,
    title: Annotated[str | None, _text_option("--title", _("TEXT"), _("The title."))] = None,
    municipality: Annotated[
        str | None,
        _text_option(
            "--municipality",
            _("NAME"),
            _("The municipality (for an action plan: taken from its agreement)."),
            "-m",
        ),
    ] = None,
    agreement: Annotated[
        str | None,
        typer.Option(
            "--agreement",
            autocompletion=completion.agreement_ids,
            metavar="ID",
            help=_("The agreement an action plan or citizen promise belongs to."),
            show_default=False,
        ),
    ] = None,
    scope: Annotated[
        Scope | None,
        typer.Option(
            "--scope",
            help=_("For an agreement: local or central (local if not asked)."),
            show_default=False,
        ),
    ] = None,
    start: Annotated[
        str | None, _text_option("--from", _("DATE"), _("The period's first day (YYYY-MM-DD)."))
    ] = None,
    until: Annotated[
        str | None, _text_option("--until", _("DATE"), _("The period's last day (YYYY-MM-DD)."))
    ] = None,
    term: Annotated[
        str | None,
        _text_option(
            "--term",
            _("TERM"),
            _("The period's length instead: '4 år', '18 månader' or 'mandatperioden'."),
        ),
    ] = None,
    until_further_notice: Annotated[
        bool,
        typer.Option(
            "--until-further-notice", help=_("The period runs until further notice (tills vidare).")
        ),
    ] = False,
    municipality_party: Annotated[
        str | None,
        _text_option(
            "--municipality-party",
            _("NAME"),
            _("For an agreement: the municipality's name as a party, e.g. 'Mölndals stad'."),
        ),
    ] = None,
    police: Annotated[
        str | None,
        _text_option(
            "--police",
            _("NAME"),
            _("For an agreement: the police as a party, e.g. 'Lokalpolisområde Storgöteborg Syd'."),
        ),
    ] = None,
    steering_group: Annotated[
        str | None,
        _text_option(
            "--steering-group", _("NAME"), _("For an agreement: the steering group's name.")
        ),
    ] = None,
    problem: Annotated[
        str | None,
        _text_option("--problem", _("TEXT"), _("For a citizen promise: the problem in focus.")),
    ] = None,
    promises: Annotated[
        list[str] | None,
        _text_option(
            "--promise",
            _("TEXT"),
            _("For a citizen promise: what a party promises; once for each party, in order."),
        ),
    ] = None,
    output: Annotated[
        Path | None, _text_option("--output", FILE, _("Where to write the file."), "-o")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help=_("Replace the file if it already exists."))
    ] = False,
) -> None:
    run(
        NewOptions(
            kind.value,
            doc_id,
            title,
            municipality,
            agreement,
            scope.value if scope else None,
            output,
            force,
            start,
            until,
            term,
            until_further_notice,
            municipality_party,
            police,
            steering_group,
            problem,
            tuple(promises or ()),
        )
    )


def run(options: NewOptions) -> None:
    """Fill in the skeleton (asking in a terminal for what is missing) and write it."""
    from datetime import date

    from trygg_cli import scaffold

    known = scaffold.known_documents(Path("."))
    answers = scaffold.NewDocument(
        options.kind,
        options.municipality,
        options.agreement,
        options.doc_id,
        options.title,
        options.scope,
        options.start,
        options.until,
        options.term,
        options.until_further_notice,
        options.municipality_party,
        options.police,
        options.steering_group,
        options.problem,
        options.promises,
    )
    context = scaffold.complete(
        answers, known, date.today(), ask if terminal.interactive() else None
    )
    target = options.output or Path(scaffold.FOLDERS[options.kind]) / f"{context['id']}.yaml"
    report_written(scaffold.new_document(context, options.kind, target, options.force))
