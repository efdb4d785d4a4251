"""The ``trygg`` command line: thin commands that parse options, call the core and report.

Only typer is imported at start-up; pydantic, the YAML libraries and rich are imported
inside the commands that need them, so ``trygg --help`` stays fast.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from trygg_cli import __version__
from trygg_cli.helptext import APP_EPILOG, APP_HELP, COMMANDS, DEBUG_HELP, VERSION_HELP
from trygg_cli.i18n import _

app = typer.Typer(
    name="trygg",
    help=_(APP_HELP),
    epilog=_(APP_EPILOG),
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)

_state = {"debug": False}
F = TypeVar("F", bound=Callable[..., Any])


def _handled(command: F) -> F:
    """Turn trygg's own errors into one line and exit 2; other errors likewise, unless --debug."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from trygg_cli.errors import TryggError

        try:
            return command(*args, **kwargs)
        except typer.Exit:
            raise
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


def _err(line: str) -> None:
    sys.stderr.write(" ".join(line.split()) + "\n")


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"trygg {__version__}\n")
        raise typer.Exit()


@app.callback()
def main_options(
    debug: Annotated[bool, typer.Option("--debug", help=_(DEBUG_HELP))] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=_(VERSION_HELP)),
    ] = False,
) -> None:
    """Check, schedule, compare and publish collaboration agreements kept as YAML."""
    _state["debug"] = debug


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


@app.command(short_help=_(COMMANDS["validate"]))
@_handled
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
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
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs", "-j", min=0, help=_("Processes to use for many files (0: one per core).")
        ),
    ] = 0,
) -> None:
    """Check YAML syntax, the schema and the references between documents.

    Every problem is printed as path:line:column: error [rule] message. Exit code 0 means
    no problems, 1 problems found, 2 trygg could not run (bad option, missing path).

    Examples:

      trygg validate                      # everything under the current folder

      trygg validate examples/molndal     # one folder

      trygg validate --format json . > findings.json
    """
    from trygg_cli.report import REPORTERS, Summary
    from trygg_cli.workspace import load_paths

    targets = [str(p) for p in paths] if paths else ["."]
    with _progress() as progress:
        workspace = load_paths(targets, jobs=jobs or None, progress=progress)
    summary = Summary(len(workspace.checked), workspace.skipped)
    sys.stdout.write(REPORTERS[output_format.value](workspace.findings, summary))
    if output_format is OutputFormat.text:
        if verbose:
            for skipped in workspace.skipped:
                _err(_("skipped (not a trygg document): {path}").format(path=skipped))
        _err(_summary_line(workspace.findings, summary))
    raise typer.Exit(1 if workspace.findings else 0)


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


@app.command(short_help=_(COMMANDS["schema"]))
@_handled
def schema(
    output_dir: Annotated[
        Path, typer.Option("--output-dir", "-o", help=_("Folder to write the schema files to."))
    ] = Path("schemas"),
    check: Annotated[
        bool,
        typer.Option(
            "--check", help=_("Write nothing; exit 1 if the files in the folder are out of date.")
        ),
    ] = False,
) -> None:
    """Write a JSON Schema for each document kind, for editors and other tools.

    Point your editor at them with a first line such as:

      # yaml-language-server: $schema=schemas/agreement.schema.json

    Examples:

      trygg schema                 # writes schemas/*.schema.json

      trygg schema --check         # in CI: are the checked-in schemas current?
    """
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


def main() -> None:
    """Run the typer app (the console script enters through trygg_cli.__main__)."""
    app()
