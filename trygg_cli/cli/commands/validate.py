"""``trygg validate``: YAML syntax, the schema and the references between documents."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from trygg_cli.cli.fixing import DiffOption, FixOption, apply_fixes
from trygg_cli.cli.params import (
    FindingsFormat,
    FindingsFormatOption,
    Jobs,
    NoCache,
    Output,
    Paths,
    paths_argument,
    targets,
)
from trygg_cli.cli.terminal import Progress, err, write_report
from trygg_cli.i18n import _


@dataclass(frozen=True)
class ValidateOptions:
    paths: tuple[str, ...]
    output_format: str
    output: Path | None
    verbose: bool
    jobs: int | None
    cache: bool
    fix: bool = False
    diff: bool = False


def command(
    paths: Annotated[
        Paths,
        paths_argument(
            _(
                "Files or folders to check (default: the current folder). Folders are searched "
                "for *.yaml and *.yml; files without 'trygg:' at the top are skipped."
            )
        ),
    ] = None,
    output_format: FindingsFormatOption = FindingsFormat.text,
    output: Output = None,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose",
            "-v",
            help=_("Also list the files that were skipped because they are not trygg documents."),
        ),
    ] = False,
    jobs: Jobs = 0,
    no_cache: NoCache = False,
    fix: FixOption = False,
    diff: DiffOption = False,
) -> None:
    options = ValidateOptions(
        targets(paths), output_format.value, output, verbose, jobs or None, not no_cache, fix, diff
    )
    raise typer.Exit(run(options))


def run(options: ValidateOptions) -> int:
    """Check the files (fixing what is certain, with --fix) and write the report; 1 when
    there is an error. With --diff, only the fixes as a diff; 1 when there are any."""
    from trygg_cli import __version__
    from trygg_cli.findings import Severity
    from trygg_cli.report import (
        REPORTERS,
        VALIDATION_RULES,
        ReportContext,
        Summary,
        exit_code,
        lines,
        summary_line,
    )
    from trygg_cli.source_lines import SourceLines
    from trygg_cli.workspace import Workspace, load_paths

    def load() -> Workspace:
        with Progress() as progress:
            return load_paths(
                list(options.paths), jobs=options.jobs, progress=progress, cache=options.cache
            )

    workspace = load()
    if options.fix or options.diff:
        fixed = apply_fixes(workspace.findings, diff=options.diff)
        if options.diff:
            return 1 if fixed else 0
        if fixed:
            workspace = load()
    findings = workspace.findings
    summary = Summary(len(workspace.checked), workspace.skipped, paths=workspace.checked)
    context = ReportContext(VALIDATION_RULES, SourceLines(), version=__version__)
    text = options.output_format == FindingsFormat.text
    reporter = lines if text else REPORTERS[options.output_format]
    write_report(reporter(findings, summary, context), options.output)
    if text:
        if options.verbose:
            for skipped in workspace.skipped:
                err(_("skipped (not a trygg document): {path}").format(path=skipped))
        err(summary_line(findings, summary))
    return exit_code(findings, Severity.ERROR)
