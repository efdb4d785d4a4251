"""Entry point of the ``trygg`` command and of ``python -m trygg_cli``.

``trygg --version`` and every help page (``trygg --help``, ``trygg validate -h``,
``trygg report new --help``, ``trygg report``) are answered without importing typer,
which with pydantic is most of trygg's start-up time (see
:mod:`trygg_cli.cli.helppages`); everything else goes to the typer app in
:mod:`trygg_cli.cli.application`.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # not typing's: importing typing costs start-up time
if TYPE_CHECKING:
    from typing import NoReturn


def main() -> None:
    """Console-script entry point."""
    arguments = sys.argv[1:]
    if arguments == ["--version"]:
        from trygg_cli import __version__

        sys.stdout.write(f"trygg {__version__}\n")
        return
    # Before any help text is built: the commands' help is translated as the app is made.
    _choose_language(arguments)
    # A path that is not valid UTF-8 must not turn a report into an internal error.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    try:
        answered = _quick_help(arguments)
    except BrokenPipeError:  # `trygg validate --help | true`: exit 1, as typer's help does
        _exit_now(1)
    if answered is not None:
        if answered:
            raise SystemExit(answered)
        return
    from trygg_cli.cli.application import main as run_app

    try:
        run_app()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    _exit_now(code)


def _quick_help(arguments: list[str]) -> int | None:
    """The exit code of a help page printed without typer, or None when typer answers
    (anything but a help page, and shell completion, which typer runs for any arguments)."""
    import os

    if "_TRYGG_COMPLETE" in os.environ:
        return None
    from trygg_cli.cli.helppages import answer
    from trygg_cli.i18n import language

    return answer(arguments, language())


def _choose_language(arguments: list[str]) -> None:
    """The language of messages: ``--lang``, else ``TRYGG_LANG`` (read by i18n), else
    ``language:`` in the nearest .trygg.yaml, else the locale. A ``language:`` trygg does
    not know stops the run here, as any mistake in the configuration does (exit 2)."""
    import os

    from trygg_cli.i18n import LANGUAGES, language_from_arguments, set_language

    lang = language_from_arguments(arguments)
    if lang is None and not os.environ.get("TRYGG_LANG"):
        from trygg_cli.configfile import configured_language
        from trygg_cli.errors import TryggError
        from trygg_cli.i18n import _

        try:
            lang = configured_language(os.getcwd())
        except OSError:  # the current folder is gone
            lang = None
        except TryggError as exc:
            sys.stderr.write(_("error: {message}").format(message=exc) + "\n")
            _exit_now(exc.exit_code)
    if lang in LANGUAGES:
        set_language(lang)


def _exit_now(code: object) -> NoReturn:
    """Exit without freeing, one by one, the millions of objects a large run made (the
    operating system takes the whole process back at once): a tenth of a second on the
    national corpus. Output is flushed first; worker processes and files are closed by
    then, and trygg registers nothing to run at exit."""
    import os

    status = code if isinstance(code, int) else (0 if code is None else 1)
    if not isinstance(code, int) and code is not None:
        sys.stderr.write(f"{code}\n")
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):
        status = status or 1
    os._exit(status)


if __name__ == "__main__":
    main()
