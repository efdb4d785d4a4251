"""The typer app: global options, the one error handler and the list of commands.

Only typer is imported at start-up; each command imports the core it calls when it
runs, so ``trygg --help`` stays fast.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any, TypeVar

import typer

from trygg_cli import __version__
from trygg_cli.cli import typer_adapter
from trygg_cli.cli.commands import (
    diff,
    done,
    due,
    import_,
    init,
    lint,
    new,
    render,
    report,
    rules,
    schema,
    validate,
)
from trygg_cli.cli.helptext import (
    APP_EPILOG,
    APP_HELP,
    COMMAND_METAVAR,
    COMMANDS,
    DEBUG_HELP,
    LANG_HELP,
    OPTIONS_METAVAR,
    SUBCOMMANDS,
    VERSION_HELP,
    command_help,
)
from trygg_cli.cli.terminal import err
from trygg_cli.i18n import _

typer_adapter.install()
app = typer.Typer(
    name="trygg",
    cls=typer_adapter.Group,
    help=_(APP_HELP),
    epilog=_(APP_EPILOG),
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=True,
    no_args_is_help=True,
    options_metavar=_(OPTIONS_METAVAR),
    subcommand_metavar=_(COMMAND_METAVAR),
    context_settings={"help_option_names": ["-h", "--help"]},
)

_state = {"debug": False}
F = TypeVar("F", bound=Callable[..., Any])


def handled(command: F) -> F:
    """The one error handler: trygg's own errors become one line and their exit code;
    anything unexpected "internal error … rerun with --debug" and exit 2; Ctrl-C 130."""

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
            err(_("Aborted!"))
            raise typer.Exit(1) from None
        except TryggError as exc:
            if _state["debug"]:
                raise
            err(_("error: {message}").format(message=exc))
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            err(_("interrupted"))
            raise typer.Exit(130) from None
        except Exception as exc:
            if _state["debug"]:
                raise
            err(
                _("internal error: {kind}: {message} — rerun with --debug to see where").format(
                    kind=type(exc).__name__, message=exc
                )
            )
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


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


# In the order `trygg --help` lists them (trygg_cli.cli.helptext.COMMANDS).
_COMMANDS: dict[str, Callable[..., None]] = {
    "validate": validate.command,
    "lint": lint.command,
    "rules": rules.command,
    "due": due.command,
    "done": done.command,
    "diff": diff.command,
    "render": render.command,
    "schema": schema.command,
    "init": init.command,
    "new": new.command,
    "import": import_.command,
}
# Groups of commands: `trygg report new`.
_GROUPS: dict[str, dict[str, Callable[..., None]]] = {"report": {"new": report.new}}
for _name in COMMANDS:
    if _name in _GROUPS:
        group = typer.Typer(
            cls=typer_adapter.Group,
            rich_markup_mode=None,
            no_args_is_help=True,
            options_metavar=_(OPTIONS_METAVAR),
            subcommand_metavar=_(COMMAND_METAVAR),
        )
        for _sub, _function in _GROUPS[_name].items():
            group.command(
                _sub,
                cls=typer_adapter.Command,
                short_help=_(SUBCOMMANDS[f"{_name} {_sub}"]),
                help=command_help(f"{_name} {_sub}"),
                options_metavar=_(OPTIONS_METAVAR),
            )(handled(_function))
        app.add_typer(group, name=_name, short_help=_(COMMANDS[_name]), help=command_help(_name))
        continue
    app.command(
        _name,
        cls=typer_adapter.Command,
        short_help=_(COMMANDS[_name]),
        help=command_help(_name),
        options_metavar=_(OPTIONS_METAVAR),
    )(handled(_COMMANDS[_name]))


def main() -> None:
    """Run the typer app (the console script enters through trygg_cli.__main__)."""
    app()
