"""``trygg import``: the Word files, PDFs and web pages a municipality already has, as
draft YAML documents to complete."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from trygg_cli.cli.params import FILE, FOLDER, output_option
from trygg_cli.cli.terminal import err
from trygg_cli.i18n import N_, _, plural


class ImportKind(StrEnum):
    agreement = "agreement"
    action_plan = "action-plan"
    citizen_promise = "citizen-promise"


@dataclass(frozen=True)
class ImportOptions:
    files: tuple[Path, ...]
    output: Path | None
    into: Path | None
    kind: str | None
    force: bool


def command(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar=FILE,
            help=_("The documents to read: .docx, .pdf, .html, .txt or .md."),
            show_default=False,
        ),
    ],
    output: Annotated[
        Path | None,
        output_option(_("Write the draft to this file ('-': the screen); for one document.")),
    ] = None,
    into: Annotated[
        Path | None,
        typer.Option(
            "--into",
            metavar=FOLDER,
            help=_("Write one draft per document into this folder, named by its id."),
            show_default=False,
        ),
    ] = None,
    kind: Annotated[
        ImportKind | None,
        typer.Option(
            "--kind",
            help=_(
                "What the documents are, when the title does not say: agreement, "
                "action-plan or citizen-promise."
            ),
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help=_("Replace a draft that already exists."))
    ] = False,
) -> None:
    run(ImportOptions(tuple(files), output, into, kind.value if kind else None, force))


def run(options: ImportOptions) -> None:
    """Read every document first, then write every draft (or none)."""
    from trygg_cli.atomicfile import refuse_special, write_atomic
    from trygg_cli.errors import TryggError
    from trygg_cli.importer import Context, import_document

    if options.output is not None and options.into is not None:
        raise TryggError(
            _("give either --output for one document or --into for a folder, not both")
        )
    if options.output is not None and len(options.files) > 1:
        raise TryggError(_("--output takes one document; give --into FOLDER for several"))
    ordered = sorted(options.files, key=lambda p: _kind_first(p, options.kind))
    drafts = []
    context: Context | None = None
    taken: set[str] = set()
    for path in ordered:
        draft = import_document(path, options.kind, context, taken)
        if draft.kind == "agreement" and context is None:
            context = Context(draft.doc_id, draft.roles)
        drafts.append((path, draft))
    targets = []
    for path, draft in drafts:
        target = options.output or (options.into or Path(".")) / f"{draft.doc_id}.yaml"
        if str(target) != "-":
            refuse_special(target)
            if target.exists() and not options.force:
                raise TryggError(_("{path} exists; give --force to replace it").format(path=target))
        targets.append((target, path, draft))
    for target, path, draft in targets:
        if str(target) == "-":
            import sys

            sys.stdout.write(draft.text)
            continue
        write_atomic(target, draft.text)
        todo = plural(len(draft.gaps), N_("{n} TODO"), N_("{n} TODOs"))
        err(
            _("wrote {path} from {source}: {todo} to complete").format(
                path=target, source=path.name, todo=todo
            )
        )
    err(_("check each value against the text, then run 'trygg validate' and 'trygg lint'"))


def _kind_first(path: Path, kind: str | None) -> int:
    """Agreements first, so that a plan or promise imported with one links to it."""
    name = path.name.lower()
    if kind is not None:
        return 0
    return 1 if any(w in name for w in ("plan", "lofte", "löfte")) else 0
