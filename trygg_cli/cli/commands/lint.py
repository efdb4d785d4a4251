"""``trygg lint``: rules about whether the agreements are sound, besides validation."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from trygg_cli.cli import completion
from trygg_cli.cli.fixing import DiffOption, FixOption, apply_fixes
from trygg_cli.cli.params import (
    FILE,
    FindingsFormat,
    FindingsFormatOption,
    Jobs,
    NoCache,
    Output,
    Paths,
    day_option,
    no_color_option,
    paths_argument,
    targets,
)
from trygg_cli.cli.terminal import Progress, color_wanted, err, parse_day, write_report
from trygg_cli.findings import Severity
from trygg_cli.i18n import _

if TYPE_CHECKING:
    from trygg_cli.findings import Finding
    from trygg_cli.lint.config import LintConfig
    from trygg_cli.lint.run import LintOutcome
    from trygg_cli.report import ReportContext, Summary


class Level(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


@dataclass(frozen=True)
class LintOptions:
    paths: tuple[str, ...]
    output_format: str
    output: Path | None
    fail_on: str | None
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    config_file: Path | None
    baseline: Path | None
    write_baseline: Path | None
    today: str | None
    color: bool
    jobs: int | None
    cache: bool
    fix: bool = False
    diff: bool = False
    quiet: bool = False
    statistics: bool = False


def _file_option(name: str, help_text: str) -> Any:
    return typer.Option(name, metavar=FILE, help=help_text, show_default=False)


def _rule_ids_option(name: str, help_text: str) -> Any:
    return typer.Option(name, metavar="ID", help=help_text, autocompletion=completion.rule_ids)


def command(
    paths: Annotated[
        Paths, paths_argument(_("Files or folders to lint (default: the current folder)."))
    ] = None,
    output_format: FindingsFormatOption = FindingsFormat.text,
    output: Output = None,
    fail_on: Annotated[
        Level | None,
        typer.Option(
            "--fail-on",
            help=_("Exit 1 when there is a finding this serious or worse (default: warning)."),
            show_default=False,
        ),
    ] = None,
    explain: Annotated[
        str | None, _rule_ids_option("--explain", _("Show a rule's documentation and exit."))
    ] = None,
    select: Annotated[
        list[str] | None,
        _rule_ids_option(
            "--select", _("Run only these rules: ids or their start, e.g. TRY4 or TRY1,TRY301.")
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None, _rule_ids_option("--ignore", _("Do not run these rules."))
    ] = None,
    config_file: Annotated[
        Path | None,
        _file_option("--config", _("Configuration file (default: the nearest .trygg.yaml).")),
    ] = None,
    baseline: Annotated[
        Path | None,
        _file_option("--baseline", _("Report only findings that are not in this baseline file.")),
    ] = None,
    write_baseline: Annotated[
        Path | None,
        _file_option(
            "--write-baseline",
            _("Record today's findings in this file, to adopt lint without fixing them all."),
        ),
    ] = None,
    today: Annotated[
        str | None,
        day_option("--today", _("Judge dates as if today were this day (default: today).")),
    ] = None,
    no_color: Annotated[
        bool, no_color_option(_("No colours in the text report (also when NO_COLOR is set)."))
    ] = False,
    jobs: Jobs = 0,
    no_cache: NoCache = False,
    fix: FixOption = False,
    diff: DiffOption = False,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help=_("Print only the summary line of the text report, and nothing when all is well."),
        ),
    ] = False,
    statistics: Annotated[
        bool,
        typer.Option(
            "--statistics",
            help=_("Print how many findings each rule has, instead of the findings."),
        ),
    ] = False,
) -> None:
    if explain is not None:
        from trygg_cli.lint.catalogue import explain as rule_documentation

        sys.stdout.write(rule_documentation(explain))
        return
    options = LintOptions(
        targets(paths),
        output_format.value,
        output,
        fail_on.value if fail_on else None,
        _split(select or ()),
        _split(ignore or ()),
        config_file,
        baseline,
        write_baseline,
        today,
        color_wanted(output, no_color),
        jobs or None,
        not no_cache,
        fix,
        diff,
        quiet,
        statistics,
    )
    raise typer.Exit(run(options))


def run(options: LintOptions) -> int:
    """Lint, then write the report (or the baseline); the exit code."""
    from trygg_cli import __version__
    from trygg_cli.configfile import find_config
    from trygg_cli.git import repository_root
    from trygg_cli.lint.config import LintConfig, check_rule_ids, load_config
    from trygg_cli.lint.rules import RULES
    from trygg_cli.lint.run import run_lint
    from trygg_cli.report import ReportContext, Summary, all_rules, exit_code

    check_rule_ids([*options.select, *options.ignore])
    config_path = options.config_file or find_config(Path.cwd())
    config = load_config(config_path) if config_path is not None else LintConfig()
    # The baseline names files relative to the configuration's folder, else the
    # repository root, so that it holds wherever lint runs from.
    found = config_path.parent if config_path is not None else repository_root(Path.cwd())
    root = str(found) if found is not None else None

    def lint() -> LintOutcome:
        with Progress() as progress:
            return run_lint(
                options.paths,
                config,
                today=parse_day(options.today, "--today"),
                select=options.select,
                ignore=options.ignore,
                jobs=options.jobs,
                cache=options.cache,
                progress=progress,
                baseline=options.baseline,
                root=root,
            )

    outcome = lint()
    if options.fix or options.diff:
        fixed = apply_fixes(outcome.findings, diff=options.diff)
        if options.diff:
            return 1 if fixed else 0
        if fixed:
            outcome = lint()
    if options.write_baseline is not None:
        return _write_baseline(outcome, options.write_baseline, root)
    workspace = outcome.workspace
    summary = Summary(len(workspace.checked), workspace.skipped, paths=workspace.checked)
    context = ReportContext(
        all_rules(RULES), outcome.source, color=options.color, version=__version__
    )
    write_report(_report(options, outcome.findings, summary, context), options.output)
    if outcome.known:
        err(_("{count} known finding(s) left out by the baseline").format(count=outcome.known))
    return exit_code(outcome.findings, _threshold(options.fail_on, config))


def _report(
    options: LintOptions, findings: Sequence[Finding], summary: Summary, context: ReportContext
) -> str:
    """The report in the format asked for; with --statistics a count per rule, with
    --quiet only the summary line (nothing when there are no findings)."""
    from trygg_cli.report import REPORTERS, statistics, summary_line

    if options.statistics:
        return statistics(findings, context)
    if options.quiet:
        return summary_line(findings, summary) + "\n" if findings else ""
    return REPORTERS[options.output_format](findings, summary, context)


def _threshold(fail_on: str | None, config: LintConfig) -> Severity:
    """--fail-on, else the configuration's fail_on, else warning."""
    if fail_on:
        return Severity[fail_on.upper()]
    return config.fail_on or Severity.WARNING


def _write_baseline(outcome: LintOutcome, path: Path, root: str | None) -> int:
    """Every current finding, also those an old baseline (perhaps the same file) knew."""
    from trygg_cli.atomicfile import write_atomic
    from trygg_cli.lint import baseline as baselines

    everything = outcome.all_findings
    write_atomic(path, baselines.render(everything, outcome.source, root))
    err(
        _("wrote {count} finding(s) to the baseline {path}").format(
            count=len(everything), path=path
        )
    )
    return 0


def _split(ids: Sequence[str]) -> tuple[str, ...]:
    """``--select TRY1,TRY3 --select TRY501`` → ``(TRY1, TRY3, TRY501)``."""
    return tuple(part.strip().upper() for given in ids for part in given.split(",") if part.strip())
