"""Entry point of the ``trygg`` command and of ``python -m trygg_cli``.

``trygg --help`` and ``trygg --version`` are answered without importing typer, which is
most of trygg's start-up time; everything else goes to the typer app in
:mod:`trygg_cli.cli`.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Console-script entry point."""
    arguments = sys.argv[1:]
    from trygg_cli.i18n import LANGUAGES, language_from_arguments, set_language

    # Before any help text is built: the commands' help is translated as the app is made.
    lang = language_from_arguments(arguments)
    if lang in LANGUAGES:
        set_language(lang)
    if arguments in (["--help"], ["-h"]):
        from trygg_cli.helptext import top_level_help

        sys.stdout.write(top_level_help() + "\n")
        return
    if arguments == ["--version"]:
        from trygg_cli import __version__

        sys.stdout.write(f"trygg {__version__}\n")
        return
    # A path that is not valid UTF-8 must not turn a report into an internal error.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    from trygg_cli.cli import main as run_app

    run_app()


if __name__ == "__main__":
    main()
