"""Every use of typer's private API, in one place: typer's own words in the user's
language (the usage line, the headings of a command's help, the -h/--help and completion
options, and the errors for a mistyped command line).

typer 0.29 carries click inside it as the private ``typer._click``; it writes some of
these words through Python's global gettext domain (the private alias ``typer.core._``),
which knows nothing of trygg's catalogue or ``--lang``, and hard-codes the rest. What
typer offers publicly is used where it suffices (``options_metavar``,
``subcommand_metavar``, ``context_settings``, ``rich_markup_mode=None`` and ``cls=``, in
:mod:`trygg_cli.cli.application`); this module does the rest:

- :func:`install` points ``typer.core._`` at :func:`trygg_cli.i18n._`;
- :class:`Command` and :class:`Group` (given to typer as ``cls=``) override click's
  ``format_usage`` (click hard-codes "Usage: ") and ``get_help_option``; ``Command``
  replaces typer's ``display_type_rich`` on arguments that have a placeholder; ``Group``
  overrides ``get_params`` (the completion options' help) and ``main``, to show usage
  errors through :func:`message`;
- :func:`message` rewrites click's English error wordings, matched by pattern;
- :func:`help_pages` records what each command's ``format_help`` asks of click's
  formatter, for :mod:`trygg_cli.cli.helppages` to print the help without typer.

``tests/test_typer_adapter.py`` checks that each private name used here still exists
with the signature relied on, and that Swedish help and errors still come out, so a
typer upgrade fails a test naming this module instead of breaking the command line.
"""

from __future__ import annotations

import re
import sys
from typing import Any

import typer.core
from typer._click import exceptions as errors
from typer._click.formatting import HelpFormatter

from trygg_cli.cli.helppages import RECORDED_PROGRAM
from trygg_cli.cli.helptext import (
    HELP_HELP,
    INSTALL_COMPLETION_HELP,
    SHOW_COMPLETION_HELP,
    USAGE,
)
from trygg_cli.findings import show
from trygg_cli.i18n import N_, _, quoted

# typer.core says these through gettext; listed here so that the catalogue holds them
# ("Options" and "Commands" are trygg_cli.cli.helptext's headings).
TYPER_WORDS = (
    N_("Arguments"),
    N_("default: {default}"),
    N_("required"),
    N_("Missing command."),
    N_("No such command {name!r}."),
    N_("Aborted!"),
)
COMPLETION_HELP = {
    "install_completion": INSTALL_COMPLETION_HELP,
    "show_completion": SHOW_COMPLETION_HELP,
}


def install() -> None:
    """Send typer's gettext calls through trygg's catalogue (and its ``--lang``)."""
    typer.core._ = _  # type: ignore[attr-defined]


class _Words:
    """What :class:`Command` and :class:`Group` say differently from typer's classes."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        # click hard-codes "Usage: "; the pieces are translated through typer's
        # options_metavar and subcommand_metavar.
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=_(USAGE))

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = _(HELP_HELP)
        return option


class Command(_Words, typer.core.TyperCommand):
    """A trygg command (see the module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            # typer writes an argument's Python type ("<list[Path]>") after its name even
            # when the argument has a placeholder of its own, such as PATH.
            if isinstance(param, typer.core.TyperArgument) and param.metavar:
                param.display_type_rich = _no_type  # type: ignore[method-assign]


class Group(_Words, typer.core.TyperGroup):
    """The ``trygg`` app: its commands' words, and its usage errors in the user's language."""

    def get_params(self, ctx: Any) -> list[Any]:
        params: list[Any] = super().get_params(ctx)
        for param in params:  # typer adds these after making the group
            if param.name in COMPLETION_HELP:
                param.help = _(COMPLETION_HELP[param.name])
        return params

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, **extra)
        except errors.NoArgsIsHelpError as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except errors.ClickException as exc:
            _show(exc)
            sys.exit(exc.exit_code)
        except typer.Abort:
            sys.stderr.write(_("Aborted!") + "\n")
            sys.exit(1)
        # Not standalone, typer returns a command's exit code, or its return value (None).
        sys.exit(code if isinstance(code, int) else 0)


class _Recorder(HelpFormatter):
    """click's formatter that writes down what it is asked to lay out instead of laying
    it out: :class:`trygg_cli.cli.helppages.Formatter` replays it without typer."""

    def __init__(self, width: int) -> None:
        super().__init__(width=width)
        self.ops: list[list[Any]] = []

    def write(self, string: str) -> None:
        self.ops.append(["write", string])

    def indent(self) -> None:
        self.ops.append(["indent"])

    def dedent(self) -> None:
        self.ops.append(["dedent"])

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        self.ops.append(["usage", prog, args, prefix])

    def write_heading(self, heading: str) -> None:
        self.ops.append(["heading", heading])

    def write_paragraph(self) -> None:
        self.ops.append(["paragraph"])

    def write_text(self, text: str) -> None:
        self.ops.append(["text", text])

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        self.ops.append(["dl", [list(row) for row in rows], col_max, col_spacing])


def help_pages(app: typer.Typer, prog_name: str = RECORDED_PROGRAM) -> dict[str, Any]:
    """Every help page of ``app`` in the current language, by command path ('' for the
    app itself, then 'validate', 'report', 'report new' …): what its ``format_help``
    asks of click's formatter, the help options and whether the command shows its help
    when given no arguments. A page that would depend on the terminal's width cannot be
    replayed: ValueError."""
    from typer.main import get_command

    pages: dict[str, Any] = {}

    def visit(command: Any, ctx: Any, path: tuple[str, ...]) -> None:
        recorded = []
        for width in (50, 1000):
            recorder = _Recorder(width)
            command.format_help(ctx, recorder)
            recorded.append(recorder.ops)
        if recorded[0] != recorded[1]:
            raise ValueError(f"the help of {' '.join(path)!r} depends on the terminal's width")
        pages[" ".join(path)] = {
            "help_options": list(ctx.help_option_names),
            "no_args_is_help": bool(getattr(command, "no_args_is_help", False)),
            "ops": recorded[0],
        }
        for name in getattr(command, "list_commands", lambda ctx: [])(ctx):
            child = command.get_command(ctx, name)
            settings = child.context_settings
            visit(
                child,
                child.context_class(child, info_name=name, parent=ctx, **settings),
                (*path, name),
            )

    root = get_command(app)
    visit(root, root.context_class(root, info_name=prog_name, **root.context_settings), ())
    return pages


def _no_type(ctx: Any) -> None:
    return None


def _show(exc: errors.ClickException) -> None:
    """What click's ``exc.show()`` prints, in the user's language."""
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, errors.UsageError) and ctx is not None:
        sys.stderr.write(ctx.get_usage() + "\n")
        if ctx.command.get_help_option(ctx) is not None:
            hint = _("Try '{command} {option}' for help.")
            sys.stderr.write(
                hint.format(command=ctx.command_path, option=ctx.help_option_names[0]) + "\n"
            )
        sys.stderr.write("\n")
    sys.stderr.write(_("Error: {message}").format(message=message(exc)) + "\n")


def message(exc: errors.ClickException) -> str:
    """The message of ``exc`` in the user's language, as far as trygg knows its wording
    (an unknown wording is shown as typer wrote it)."""
    if isinstance(exc, errors.NoSuchOption):
        text = _("No such option: {option}").format(option=show(exc.option_name, 80))
        if exc.possibilities:
            possible = ", ".join(sorted(exc.possibilities))
            text += " " + _("(possible options: {options})").format(options=possible)
        return text
    if isinstance(exc, errors.MissingParameter):
        return _missing(exc)
    if isinstance(exc, errors.BadParameter):
        hint = _hint(exc)
        reason = _reason(exc.message)
        if hint is None:
            return _("Invalid value: {reason}").format(reason=reason)
        return _("Invalid value for {option}: {reason}").format(option=hint, reason=reason)
    return _reason(exc.message)


def _hint(exc: errors.BadParameter) -> str | None:
    hint = exc.param_hint
    if hint is None and exc.param is not None:
        hint = exc.param.get_error_hint()
    if hint is None:
        return None
    return _requote(hint) if isinstance(hint, str) else " / ".join(quoted(h) for h in hint)


def _missing(exc: errors.MissingParameter) -> str:
    hint = _hint(exc) or ""
    kind = exc.param_type or (exc.param.param_type_name if exc.param is not None else "")
    if kind == "argument":
        text = _("Missing argument {name}.").format(name=hint)
    elif kind == "option":
        text = _("Missing option {name}.").format(name=hint)
    else:
        text = _("Missing {name}.").format(name=hint)
    choices = getattr(getattr(exc.param, "type_descriptor", None), "choices", None)
    if choices:
        text += " " + _("Choose from: {choices}.").format(choices=", ".join(map(str, choices)))
    return text


_QUOTED = re.compile(r"'([^'\n]*)'")

# typer's wordings that trygg can meet (a typo on the command line), as patterns over what
# typer wrote, with the English a coordinator reads; anything else passes unchanged.
_REASONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"(?:Value error, )?'(?P<value>.*)' is not one of (?P<choices>.*)\.", re.S),
        N_("'{value}' is not one of {choices}."),
    ),
    (
        re.compile(r"Input should be a valid integer.*", re.S),
        N_("a whole number is needed."),
    ),
    (
        re.compile(r"Option '(?P<option>.+)' requires an argument\.", re.S),
        N_("The option '{option}' needs a value after it."),
    ),
    (
        re.compile(r"Option '(?P<option>.+)' does not take a value\.", re.S),
        N_("The option '{option}' takes no value."),
    ),
    (
        re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((?P<arguments>.*)\)", re.S),
        N_("Too many arguments: {arguments}"),
    ),
    (
        re.compile(r"(?P<message>.*)\. Did you mean (?P<suggestions>.*)\?", re.S),
        N_("{message}. Did you mean {suggestions}?"),
    ),
)


def _reason(text: str) -> str:
    for pattern, wording in _REASONS:
        found = pattern.fullmatch(text)
        if found is not None:
            return _(wording).format(
                **{key: _requote(value) for key, value in found.groupdict().items()}
            )
    return text


def _requote(text: str) -> str:
    """click's 'quoted' words (options, values, choices) in the user's quotation marks."""
    return _QUOTED.sub(lambda found: quoted(found.group(1)), text)


__all__ = ["TYPER_WORDS", "Command", "Group", "HelpFormatter", "help_pages", "install", "message"]
