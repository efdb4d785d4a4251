"""typer's private API, as trygg_cli/cli/typer_adapter.py relies on it.

typer may change any of this in a minor release. Each test names the module to fix, so a
typer upgrade fails here, loudly, instead of leaving English words or a traceback in
front of a Swedish coordinator.
"""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
import typer.core

from trygg_cli.cli import typer_adapter

ADAPTER = "trygg_cli/cli/typer_adapter.py"


def _changed(what: str) -> str:
    return f"typer {typer.__version__} changed underneath {ADAPTER}: {what}"


def _parameters(function: object) -> list[str]:
    assert callable(function), _changed(f"{function!r} is no longer callable")
    return list(inspect.signature(function).parameters)


def test_typer_still_says_its_words_through_the_gettext_alias_that_install_replaces() -> None:
    assert hasattr(typer.core, "_"), _changed("typer.core no longer has the gettext alias '_'")
    source = inspect.getsource(typer.core)
    for word in typer_adapter.TYPER_WORDS:
        if word == "Aborted!":  # also said by trygg's own Group.main
            continue
        assert f'_("{word}")' in source, _changed(f"typer.core no longer says _({word!r})")


def test_install_points_the_alias_at_trygg() -> None:
    from trygg_cli.i18n import _

    typer_adapter.install()
    assert typer.core._ is _, _changed("typer.core._ could not be replaced")  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("cls", "method", "parameters"),
    [
        (typer.core.TyperCommand, "format_usage", ["self", "ctx", "formatter"]),
        (typer.core.TyperCommand, "collect_usage_pieces", ["self", "ctx"]),
        (typer.core.TyperCommand, "get_help_option", ["self", "ctx"]),
        (typer.core.TyperGroup, "get_params", ["self", "ctx"]),
        (typer.core.TyperArgument, "display_type_rich", ["self", "ctx"]),
    ],
)
def test_overridden_methods_keep_their_signatures(
    cls: type, method: str, parameters: list[str]
) -> None:
    assert hasattr(cls, method), _changed(f"{cls.__name__}.{method} is gone")
    assert _parameters(getattr(cls, method)) == parameters, _changed(
        f"{cls.__name__}.{method} now takes {_parameters(getattr(cls, method))}"
    )


def test_group_main_keeps_the_arguments_trygg_passes_on() -> None:
    found = _parameters(typer.core.TyperGroup.main)
    assert found[:5] == ["self", "args", "prog_name", "complete_var", "standalone_mode"], _changed(
        f"TyperGroup.main now takes {found}"
    )


def test_the_usage_prefix_is_still_a_parameter_of_write_usage() -> None:
    found = _parameters(typer_adapter.HelpFormatter.write_usage)
    assert found == ["self", "prog", "args", "prefix"], _changed(
        f"HelpFormatter.write_usage now takes {found}"
    )


def test_click_errors_keep_what_message_reads() -> None:
    from typer._click import exceptions

    for name in ("ClickException", "UsageError", "NoArgsIsHelpError", "MissingParameter"):
        assert hasattr(exceptions, name), _changed(f"typer._click.exceptions.{name} is gone")
    made = {
        "ClickException": (exceptions.ClickException("m"), ["message", "exit_code"]),
        "UsageError": (exceptions.UsageError("m"), ["ctx", "message"]),
        "NoSuchOption": (
            exceptions.NoSuchOption("--x", possibilities=["--y"]),
            ["option_name", "possibilities"],
        ),
        "BadParameter": (exceptions.BadParameter("m"), ["param_hint", "param"]),
        "MissingParameter": (exceptions.MissingParameter(), ["param_type", "param"]),
    }
    for name, (error, attributes) in made.items():
        for attribute in attributes:
            assert hasattr(error, attribute), _changed(f"{name} has no {attribute}")


def test_the_completion_options_keep_their_names() -> None:
    from typer.main import get_command

    from trygg_cli.cli import app

    command = get_command(app)
    ctx = command.make_context("trygg", ["validate"], resilient_parsing=True)
    names = {param.name for param in command.get_params(ctx)}
    assert set(typer_adapter.COMPLETION_HELP) <= names, _changed(
        f"the completion options are now {sorted(names)}"
    )


def _trygg(*args: str, tmp_path: Path, module: bool = True) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LANG")}
    env.update(TRYGG_LANG="sv", XDG_CACHE_HOME=str(tmp_path / "cache"))
    return subprocess.run(
        [sys.executable, *(["-m", "trygg_cli"] if module else []), *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
    )


def _typer_help(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """A help page as typer prints it: ``trygg lint --help`` itself is answered without
    typer, from the pages recorded from it (tests/test_help_pages.py)."""
    code = f"from trygg_cli.cli import app\napp({list(args)!r}, prog_name='trygg')\n"
    return _trygg("-c", code, tmp_path=tmp_path, module=False)


def test_swedish_help_still_comes_out_in_swedish(tmp_path: Path) -> None:
    done = _typer_help("lint", "--help", tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    for swedish in ("Användning: ", "[ALTERNATIV]", "Argument:", "Alternativ:", "[standard: "):
        assert swedish in done.stdout, _changed(f"'{swedish}' is missing from Swedish help")
    assert "Visa den här hjälpen och avsluta." in done.stdout, _changed("-h/--help's help")
    assert "<list[" not in done.stdout, _changed("an argument shows its Python type again")
    top = _typer_help("--lang", "sv", "--install-completion", "--help", tmp_path=tmp_path)
    assert "KOMMANDO [ARGUMENT]..." in top.stdout, _changed("the group's usage line")
    assert "Installera komplettering" in top.stdout, _changed("the completion options' help")


@pytest.mark.parametrize(
    ("args", "swedish"),
    [
        (("validate", "--bogus"), "Fel: Det finns inget alternativ --bogus"),
        (("validate", "--jobs", "x"), "Fel: Ogiltigt värde för ”--jobs” / ”-j”: ett heltal"),
        (("due", "--within"), "Fel: Alternativet ”--within” behöver ett värde efter sig."),
        (("validate", "--verbose=ja"), "Fel: Alternativet ”--verbose” tar inget värde."),
        (("schema", "extra"), "Fel: För många argument: extra"),
        (("valdate",), "Fel: Det finns inget kommando ”valdate”. Menade du ”validate”?"),
        (("new",), "Fel: Argumentet ”TYP” saknas."),
        (("rules", "-f", "pdf"), "Fel: Ogiltigt värde för ”--format” / ”-f”: ”pdf” är inte"),
    ],
)
def test_a_mistyped_command_line_still_comes_out_in_swedish(
    tmp_path: Path, args: tuple[str, ...], swedish: str
) -> None:
    done = _trygg(*args, tmp_path=tmp_path)
    assert done.returncode == 2, _changed(f"exit code {done.returncode}: {done.stderr}")
    last = done.stderr.splitlines()[-1]
    assert last.startswith(swedish), _changed(f"'trygg {' '.join(args)}' said {last!r}")
    assert "Usage" not in done.stderr and "Error" not in done.stderr, _changed(done.stderr)
