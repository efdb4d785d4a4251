"""``trygg schema``: a JSON Schema for each document kind."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from trygg_cli.cli.params import FOLDER
from trygg_cli.cli.terminal import err
from trygg_cli.i18n import _


@dataclass(frozen=True)
class SchemaOptions:
    output_dir: Path
    check: bool


def command(
    output_dir: Annotated[
        Path,
        typer.Option(
            "--output-dir", "-o", metavar=FOLDER, help=_("Folder to write the schema files to.")
        ),
    ] = Path("schemas"),
    check: Annotated[
        bool,
        typer.Option(
            "--check", help=_("Write nothing; exit 1 if the files in the folder are out of date.")
        ),
    ] = False,
) -> None:
    raise typer.Exit(run(SchemaOptions(output_dir, check)))


def run(options: SchemaOptions) -> int:
    """Write the schemas, or with ``check`` list those out of date (exit 1)."""
    from trygg_cli.atomicfile import write_atomic
    from trygg_cli.model.json_schema import render_schemas, stale_schemas

    if options.check:
        stale = stale_schemas(options.output_dir)
        for name in stale:
            err(_("out of date: {path}").format(path=options.output_dir / name))
        return 1 if stale else 0
    for name, content in render_schemas().items():
        write_atomic(options.output_dir / name, content)
        err(_("wrote {path}").format(path=options.output_dir / name))
    return 0
