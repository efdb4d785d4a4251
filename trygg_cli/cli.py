"""The ``trygg`` command line: thin commands that parse options, call the core and report.

Only typer is imported at start-up; pydantic, the YAML libraries and rich are imported
inside the commands that need them, so ``trygg --help`` stays fast.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from trygg_cli import __version__, clickwords, completion
from trygg_cli.commandhelp import command_help
from trygg_cli.helptext import (
    APP_EPILOG,
    APP_HELP,
    COMMANDS,
    DEBUG_HELP,
    LANG_HELP,
    VERSION_HELP,
)
from trygg_cli.i18n import _

clickwords.install()
app = typer.Typer(
    name="trygg",
    cls=clickwords.Group,
    help=_(APP_HELP),
    epilog=_(APP_EPILOG),
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=True,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)

_state = {"debug": False}
# Placeholders in help and usage lines, in the user's language.
PATH = _("PATH")
FILE = _("FILE")
FOLDER = _("FOLDER")
DATE = _("YYYY-MM-DD")
NUMBER = _("NUMBER")


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
F = TypeVar("F", bound=Callable[..., Any])


def _handled(command: F) -> F:
    """Turn trygg's own errors into one line and exit 2; other errors likewise, unless --debug."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from trygg_cli.errors import TryggError
        from trygg_cli.memory import cycle_collector_paused

        try:
            with cycle_collector_paused():
                return command(*args, **kwargs)
        except typer.Exit:
            raise
        except typer.Abort:  # Ctrl-C or Ctrl-D at a question ('trygg new', 'trygg init')
            _err(_("Aborted!"))
            raise typer.Exit(1) from None
        except TryggError as exc:
            if _state["debug"]:
                raise
            _err(_("error: {message}").format(message=exc))
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            _err(_("interrupted"))
            raise typer.Exit(130) from None
        except Exception as exc:
            if _state["debug"]:
                raise
            _err(
                _("internal error: {kind}: {message} — rerun with --debug to see where").format(
                    kind=type(exc).__name__, message=exc
                )
            )
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


def _command(name: str) -> Callable[[F], F]:
    """Register ``name`` as a command of the app, with its help in the user's language."""
    return app.command(
        cls=clickwords.Command, short_help=_(COMMANDS[name]), help=command_help(name)
    )


def _err(line: str) -> None:
    sys.stderr.write(" ".join(line.split()) + "\n")


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"trygg {__version__}\n")
        raise typer.Exit()


class Language(StrEnum):
    sv = "sv"
    en = "en"


def _language(value: Language | None) -> None:
    if value is not None:
        from trygg_cli.i18n import set_language

        set_language(value.value)


@app.callback()
def main_options(
    debug: Annotated[bool, typer.Option("--debug", help=_(DEBUG_HELP))] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=_(VERSION_HELP)),
    ] = False,
    lang: Annotated[
        Language | None,
        typer.Option(
            "--lang", callback=_language, is_eager=True, help=_(LANG_HELP), show_default=False
        ),
    ] = None,
) -> None:
    """Check, schedule, compare and publish collaboration agreements kept as YAML."""
    _state["debug"] = debug


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


@_command("validate")
@_handled
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar=PATH,
            help=_(
                "Files or folders to check (default: the current folder). Folders are searched "
                "for *.yaml and *.yml; files without 'trygg:' at the top are skipped."
            ),
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help=_("Output: text (one line per problem) or json.")),
    ] = OutputFormat.text,
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
) -> None:
    from trygg_cli.report import Summary, json_report, lines
    from trygg_cli.workspace import load_paths

    targets = [str(p) for p in paths] if paths else ["."]
    with _progress() as progress:
        workspace = load_paths(targets, jobs=jobs or None, progress=progress, cache=not no_cache)
    summary = Summary(len(workspace.checked), workspace.skipped)
    reporter = lines if output_format is OutputFormat.text else json_report
    sys.stdout.write(reporter(workspace.findings, summary))
    if output_format is OutputFormat.text:
        if verbose:
            for skipped in workspace.skipped:
                _err(_("skipped (not a trygg document): {path}").format(path=skipped))
        _err(_summary_line(workspace.findings, summary))
    raise typer.Exit(1 if workspace.findings else 0)


def _color_wanted(output: Path | None, no_color: bool = False) -> bool:
    """Colour only for a terminal, and not with --no-color or NO_COLOR set."""
    from trygg_cli.options import to_screen

    return (
        not no_color
        and not os.environ.get("NO_COLOR")
        and to_screen(output)
        and sys.stdout.isatty()
    )


def _summary_line(findings: Any, summary: Any) -> str:
    counts = summary.counts(findings)
    if not findings:
        return _("No problems in {checked} file(s).").format(checked=counts["files_checked"])
    return _("{errors} problem(s) in {files} of {checked} file(s).").format(
        errors=len(findings), files=counts["files_with_findings"], checked=counts["files_checked"]
    )


class _progress:
    """A progress bar on stderr, only when stderr is a terminal and the run is long."""

    def __init__(self, threshold: int = 200) -> None:
        self.threshold = threshold
        self.bar: Any = None
        self.task: Any = None

    def __enter__(self) -> Callable[[int, int], None] | None:
        if not sys.stderr.isatty():
            return None
        return self.update

    def update(self, done: int, total: int) -> None:
        if total < self.threshold:
            return
        if self.bar is None:
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task(_("Checking files"), total=total)
        self.bar.update(self.task, completed=done)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


class LintFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"
    gitlab = "gitlab"
    junit = "junit"


class RulesFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


class Level(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


@_command("lint")
@_handled
def lint(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar=PATH,
            help=_("Files or folders to lint (default: the current folder)."),
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        LintFormat,
        typer.Option(
            "--format",
            "-f",
            help=_(
                "text for people; json; github (annotations in a workflow); sarif (code "
                "scanning); gitlab (Code Quality); junit (test reports)."
            ),
        ),
    ] = LintFormat.text,
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
        str | None,
        typer.Option(
            "--explain",
            metavar="ID",
            help=_("Show a rule's documentation and exit."),
            autocompletion=completion.rule_ids,
        ),
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select",
            autocompletion=completion.rule_ids,
            metavar="ID",
            help=_("Run only these rules: ids or their start, e.g. TRY4 or TRY1,TRY301."),
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore",
            metavar="ID",
            help=_("Do not run these rules."),
            autocompletion=completion.rule_ids,
        ),
    ] = None,
    config_file: Annotated[
        Path | None,
        typer.Option(
            "--config",
            metavar=FILE,
            help=_("Configuration file (default: the nearest .trygg.yaml)."),
            show_default=False,
        ),
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            metavar=FILE,
            help=_("Report only findings that are not in this baseline file."),
            show_default=False,
        ),
    ] = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option(
            "--write-baseline",
            metavar=FILE,
            help=_("Record today's findings in this file, to adopt lint without fixing them all."),
            show_default=False,
        ),
    ] = None,
    today: Annotated[
        str | None,
        typer.Option(
            "--today",
            metavar=DATE,
            help=_("Judge dates as if today were this day (default: today)."),
            show_default=False,
        ),
    ] = None,
    no_color: Annotated[
        bool,
        typer.Option(
            "--no-color",
            help=_("No colours in the text report (also when NO_COLOR is set)."),
        ),
    ] = False,
    jobs: Jobs = 0,
    no_cache: NoCache = False,
) -> None:
    from trygg_cli import lint_cli

    if explain is not None:
        sys.stdout.write(lint_cli.explain(explain))
        return
    code = lint_cli.lint_command(
        [str(p) for p in paths] if paths else ["."],
        output_format=output_format.value,
        output=output,
        fail_on=fail_on.value if fail_on else None,
        select=select or [],
        ignore=ignore or [],
        config_file=config_file,
        baseline=baseline,
        write_baseline=write_baseline,
        today=today,
        color=_color_wanted(output, no_color),
        jobs=jobs or None,
        cache=not no_cache,
        progress_context=_progress,
        err=_err,
    )
    raise typer.Exit(code)


@_command("rules")
@_handled
def rules(
    output_format: Annotated[
        RulesFormat,
        typer.Option(
            "--format",
            "-f",
            help=_("Output: text (one line per rule), json, or markdown (the full catalogue)."),
        ),
    ] = RulesFormat.text,
) -> None:
    from trygg_cli import lint_cli

    sys.stdout.write(lint_cli.list_rules(output_format.value))


class DueFailOn(StrEnum):
    overdue = "overdue"


class DueFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"
    ics = "ics"


@_command("due")
@_handled
def due(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar=PATH,
            help=_("Files or folders to read (default: the current folder)."),
            show_default=False,
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar=DATE,
            help=_("Count from this day instead of today."),
            show_default=False,
        ),
    ] = None,
    within: Annotated[
        str | None,
        typer.Option(
            "--within",
            metavar=_("SPAN"),
            help=_("Only what is overdue or due within this time: 30d, 12w, 6m, 1y."),
            show_default=False,
        ),
    ] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help=_("Only what is overdue."))] = False,
    done: Annotated[
        bool, typer.Option("--done", help=_("Also list what has been recorded as done."))
    ] = False,
    party: Annotated[
        list[str] | None,
        typer.Option("--party", metavar="ID", help=_("Only items involving this party.")),
    ] = None,
    body: Annotated[
        list[str] | None,
        typer.Option("--body", metavar="ID", help=_("Only items of this body.")),
    ] = None,
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            metavar=_("KIND"),
            help=_("Only this kind of item: follow-up, evaluation, revision, meeting, deadline …"),
        ),
    ] = None,
    document: Annotated[
        list[str] | None,
        typer.Option(
            "--document",
            metavar="ID",
            help=_("Only items of this document."),
            autocompletion=completion.document_ids,
        ),
    ] = None,
    output_format: Annotated[
        DueFormat,
        typer.Option(
            "--format",
            "-f",
            help=_(
                "table for people; json; markdown (for an issue or e-mail); ics (a calendar "
                "to import)."
            ),
        ),
    ] = DueFormat.table,
    output: Output = None,
    fail_on: Annotated[
        DueFailOn | None,
        typer.Option(
            "--fail-on",
            help=_(
                "overdue: exit 1 when anything shown is overdue, or a file could not be "
                "read (for a scheduled CI job)."
            ),
            show_default=False,
        ),
    ] = None,
    fail_on_overdue: Annotated[
        bool,
        typer.Option("--fail-on-overdue", hidden=True, help=_("The same as --fail-on overdue.")),
    ] = False,
    no_holiday_shift: Annotated[
        bool,
        typer.Option(
            "--no-holiday-shift",
            help=_("Keep due dates that fall on weekends and holidays where they fall."),
        ),
    ] = False,
    jobs: Jobs = 0,
    no_cache: NoCache = False,
) -> None:
    from trygg_cli import due_cli

    code = due_cli.due_command(
        [str(p) for p in paths] if paths else ["."],
        as_of=as_of,
        within=within,
        overdue=overdue,
        done=done,
        parties=party or [],
        bodies=body or [],
        kinds=kind or [],
        documents=document or [],
        output_format=output_format.value,
        output=output,
        fail_on_overdue=fail_on_overdue or fail_on is DueFailOn.overdue,
        shift_holidays=not no_holiday_shift,
        color=_color_wanted(output),
        jobs=jobs or None,
        cache=not no_cache,
        progress_context=_progress,
        err=_err,
    )
    raise typer.Exit(code)


class DiffFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


@_command("diff")
@_handled
def diff(
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
        typer.Option(
            "--format",
            "-f",
            help=_("text for people; markdown (a pull request comment); json."),
        ),
    ] = DiffFormat.text,
    output: Output = None,
    stat: Annotated[
        bool, typer.Option("--stat", help=_("Only how many changes each document has."))
    ] = False,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help=_("Exit 1 when anything changed."))
    ] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help=_("No colours."))] = False,
) -> None:
    from trygg_cli import diff_cli

    code = diff_cli.diff_command(
        arguments or [],
        output_format=output_format.value,
        output=output,
        stat=stat,
        exit_code=exit_code,
        color=_color_wanted(output, no_color),
    )
    raise typer.Exit(code)


class RenderFormat(StrEnum):
    html = "html"
    markdown = "markdown"


@_command("render")
@_handled
def render(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar=PATH,
            help=_("Files or folders to read (default: the current folder)."),
            show_default=False,
        ),
    ] = None,
    document: Annotated[
        str | None,
        typer.Option(
            "--document",
            "-d",
            autocompletion=completion.document_ids,
            metavar="ID",
            help=_("The document to render, when the files hold more than one."),
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        RenderFormat | None,
        typer.Option(
            "--format",
            "-f",
            help=_(
                "html (one self-contained, accessible file) or markdown; by default taken "
                "from the output file's name, else html."
            ),
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar=FILE,
            help=_("Write the document to this file instead of the screen ('-': the screen)."),
            show_default=False,
        ),
    ] = None,
    site: Annotated[
        Path | None,
        typer.Option(
            "--site",
            metavar=FOLDER,
            help=_("Render every document into this folder, with an index page."),
            show_default=False,
        ),
    ] = None,
    template_dir: Annotated[
        Path | None,
        typer.Option(
            "--template-dir",
            metavar=FOLDER,
            help=_("Your own templates: a file here replaces trygg's template of that name."),
            show_default=False,
        ),
    ] = None,
    stamp_date: Annotated[
        str | None,
        typer.Option(
            "--stamp-date",
            metavar=DATE,
            help=_(
                "The date in the footer (default: SOURCE_DATE_EPOCH if set, else today), for "
                "output that is the same on every run."
            ),
            show_default=False,
        ),
    ] = None,
    allow_personal_data: Annotated[
        bool,
        typer.Option(
            "--allow-personal-data",
            help=_("Render even when a personnummer or samordningsnummer is in the text."),
        ),
    ] = False,
    jobs: Jobs = 0,
) -> None:
    from trygg_cli import render_cli

    code = render_cli.render_command(
        [str(p) for p in paths] if paths else ["."],
        document=document,
        output_format=output_format.value if output_format is not None else None,
        output=output,
        site=site,
        template_dir=template_dir,
        stamp_date=stamp_date,
        allow_personal_data=allow_personal_data,
        jobs=jobs or None,
        progress_context=_progress,
        err=_err,
    )
    raise typer.Exit(code)


@_command("schema")
@_handled
def schema(
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
    from trygg_cli.fsutil import write_atomic
    from trygg_cli.schema import render_schemas, stale_schemas

    if check:
        stale = stale_schemas(output_dir)
        for name in stale:
            _err(_("out of date: {path}").format(path=output_dir / name))
        raise typer.Exit(1 if stale else 0)
    for name, content in render_schemas().items():
        write_atomic(output_dir / name, content)
        _err(_("wrote {path}").format(path=output_dir / name))


class CiChoice(StrEnum):
    github = "github"
    gitlab = "gitlab"


@_command("init")
@_handled
def init(
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
    from datetime import date

    from trygg_cli import scaffold
    from trygg_cli.errors import TryggError

    if municipality is None:
        if not _interactive():
            raise TryggError(_("give --municipality NAME"))
        municipality = typer.prompt(_("Municipality"))
    problem = scaffold.text_problem(municipality)
    if problem is not None:
        raise TryggError(problem)
    done = scaffold.init(folder, municipality.strip(), ci.value, force, date.today())
    _report_written(done)


class NewKind(StrEnum):
    agreement = "agreement"
    action_plan = "action-plan"
    citizen_promise = "citizen-promise"


class Scope(StrEnum):
    local = "local"
    central = "central"


@_command("new")
@_handled
def new(
    kind: Annotated[
        NewKind,
        typer.Argument(
            metavar=_("KIND"),
            help=_("What to start: agreement, action-plan or citizen-promise."),
            show_default=False,
        ),
    ],
    doc_id: Annotated[
        str | None,
        typer.Option("--id", metavar="ID", help=_("The document's id."), show_default=False),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option("--title", metavar=_("TEXT"), help=_("The title."), show_default=False),
    ] = None,
    municipality: Annotated[
        str | None,
        typer.Option(
            "--municipality",
            "-m",
            metavar=_("NAME"),
            help=_("The municipality (for an action plan: taken from its agreement)."),
            show_default=False,
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
        Scope, typer.Option("--scope", help=_("For an agreement: local or central."))
    ] = Scope.local,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar=FILE, help=_("Where to write the file."), show_default=False
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help=_("Replace the file if it already exists."))
    ] = False,
) -> None:
    from datetime import date

    from trygg_cli import scaffold

    known = scaffold.known_documents(Path("."))
    answers = scaffold.NewDocument(kind.value, municipality, agreement, doc_id, title, scope.value)
    ask = _ask if _interactive() else None
    context = scaffold.complete(answers, known, date.today(), ask)
    target = output or Path(scaffold.FOLDERS[kind.value]) / f"{context['id']}.yaml"
    _report_written(scaffold.new_document(context, kind.value, target, force))


def _interactive() -> bool:
    """Whether someone can answer questions: standard input is a terminal."""
    return sys.stdin.isatty()


def _ask(prompt: str, default: str | None, check: Callable[[str], str | None]) -> str:
    """Ask in the terminal until the answer passes ``check``."""

    def value(text: str) -> str:
        problem = check(text.strip())
        if problem is not None:
            raise typer.BadParameter(problem)
        return text.strip()

    return str(typer.prompt(prompt, default=default, value_proc=value))


def _report_written(done: Any) -> None:
    for path in done.created:
        _err(_("created {path}").format(path=path))
    for path in done.replaced:
        _err(_("replaced {path}").format(path=path))
    for path in done.kept:
        _err(_("exists, left alone (--force replaces it): {path}").format(path=path))


def main() -> None:
    """Run the typer app (the console script enters through trygg_cli.__main__)."""
    app()
